// One pass over a schema tree, running every schema rule on every node. Results are memoized per schema
// object: resolved `$ref`s share objects, so GitHub's description repeats the same schemas thousands of
// times. `$ref`s left in recursive schemas are not followed: their target is walked where it is inlined.
import type { JsonSchema } from '../model.js';
import { escapeToken } from '../../core/json-pointer.js';
import type { SchemaNodeContext, SchemaObject, SchemaRule } from './types.js';

export type SchemaScope = 'input' | 'output';

export interface SchemaIssue {
  rule: SchemaRule;
  /** Relative to the schema the walk started from. */
  pointer: string;
  message: string;
  fix?: string;
}

const NONE: readonly SchemaIssue[] = Object.freeze([]);

// Sub-schemas whose constraints are real constraints on the value. `not` and `if` are conditions, and
// `propertyNames` constrains keys, so rules about missing bounds do not apply inside them.
const SINGLE_CHILDREN = ['items', 'additionalProperties', 'unevaluatedProperties', 'contains', 'then', 'else', 'additionalItems', 'unevaluatedItems'];
const MAP_CHILDREN = ['patternProperties', 'dependentSchemas'];
const LIST_CHILDREN = ['prefixItems', 'anyOf', 'oneOf'];

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SchemaWalker {
  private readonly rulesByScope: Record<SchemaScope, SchemaRule[]>;
  // Keyed by scope, then by `composed`, then by identity.
  private readonly memo: Record<SchemaScope, [WeakMap<object, readonly SchemaIssue[]>, WeakMap<object, readonly SchemaIssue[]>]> = {
    input: [new WeakMap(), new WeakMap()],
    output: [new WeakMap(), new WeakMap()],
  };
  private readonly onPath = new Set<object>();

  constructor(rules: readonly SchemaRule[]) {
    this.rulesByScope = { input: [...rules], output: rules.filter((rule) => rule.scope === 'any') };
  }

  issues(schema: JsonSchema, scope: SchemaScope): readonly SchemaIssue[] {
    if (this.rulesByScope[scope].length === 0) return NONE;
    return this.walk(schema, scope, false);
  }

  /** Depth-first with an explicit stack: resolved descriptions can nest deeper than the call stack allows. */
  private walk(root: unknown, scope: SchemaScope, rootComposed: boolean): readonly SchemaIssue[] {
    if (!isSchemaObject(root) || typeof root.$ref === 'string') return NONE;
    const rootKnown = this.memo[scope][rootComposed ? 1 : 0].get(root);
    if (rootKnown !== undefined) return rootKnown;

    const stack: Frame[] = [this.enter(root, scope, rootComposed, '', '')];
    let result: readonly SchemaIssue[] = NONE;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next < frame.children.length) {
        const child = frame.children[frame.next]!;
        frame.next += 1;
        // A sibling may have walked this child meanwhile (two properties sharing one schema).
        const known = this.memo[scope][child.composed ? 1 : 0].get(child.node);
        if (known !== undefined) appendIssues(frame.found, known, child.keyword, child.key);
        // A cycle of plain objects breaks the "recursion only through $ref" contract; stop rather than loop.
        else if (!this.onPath.has(child.node)) stack.push(this.enter(child.node, scope, child.composed, child.keyword, child.key));
        continue;
      }
      stack.pop();
      this.onPath.delete(frame.node);
      result = frame.found.length === 0 ? NONE : frame.found;
      this.memo[scope][frame.composed ? 1 : 0].set(frame.node, result);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) appendIssues(parent.found, result, frame.keyword, frame.key);
    }
    return result;
  }

  /** Runs the rules on one node; children already walked contribute their memoized issues, the others are listed to visit. */
  private enter(node: SchemaObject, scope: SchemaScope, composed: boolean, keyword: string, key: string): Frame {
    this.onPath.add(node);
    const found: SchemaIssue[] = [];
    const context = composed ? COMPOSED : NOT_COMPOSED;
    for (const rule of this.rulesByScope[scope]) {
      for (const issue of rule.check(node, context)) found.push({ rule, pointer: issue.pointer, message: issue.message, fix: issue.fix });
    }
    const children: Child[] = [];
    const visit = (child: unknown, childComposed: boolean, childKeyword: string, childKey: string) => {
      if (!isSchemaObject(child) || typeof child.$ref === 'string') return;
      const known = this.memo[scope][childComposed ? 1 : 0].get(child);
      if (known !== undefined) appendIssues(found, known, childKeyword, childKey);
      else children.push({ node: child, composed: childComposed, keyword: childKeyword, key: childKey });
    };
    const properties = node.properties;
    if (isSchemaObject(properties)) {
      for (const name in properties) {
        const property = properties[name];
        // Read-only properties are never sent, so input rules do not apply to them.
        if (scope === 'input' && isSchemaObject(property) && property.readOnly === true) continue;
        visit(property, false, 'properties', name);
      }
    }
    for (const single of SINGLE_CHILDREN) if (single in node) visit(node[single], false, single, '');
    for (const mapKeyword of MAP_CHILDREN) {
      const map = node[mapKeyword];
      if (isSchemaObject(map)) for (const name in map) visit(map[name], false, mapKeyword, name);
    }
    for (const listKeyword of LIST_CHILDREN) {
      const list = node[listKeyword];
      if (Array.isArray(list)) for (let index = 0; index < list.length; index += 1) visit(list[index], false, listKeyword, String(index));
    }
    const allOf = node.allOf;
    if (Array.isArray(allOf)) for (let index = 0; index < allOf.length; index += 1) visit(allOf[index], true, 'allOf', String(index));
    return { node, composed, keyword, key, found, children, next: 0 };
  }
}

const COMPOSED: SchemaNodeContext = Object.freeze({ composed: true });
const NOT_COMPOSED: SchemaNodeContext = Object.freeze({ composed: false });

interface Child {
  node: SchemaObject;
  composed: boolean;
  /** The keyword and (for maps and lists) the key under which the child sits: its pointer prefix. */
  keyword: string;
  key: string;
}

interface Frame extends Child {
  found: SchemaIssue[];
  children: Child[];
  next: number;
}

/** Prefixes are built only for children that have issues: most subtrees have none. */
function appendIssues(target: SchemaIssue[], issues: readonly SchemaIssue[], keyword: string, key: string): void {
  if (issues.length === 0) return;
  const prefix = key === '' && keyword !== 'properties' && !MAP_CHILDREN.includes(keyword) ? `/${keyword}` : `/${keyword}/${escapeToken(key)}`;
  for (const issue of issues) target.push({ ...issue, pointer: prefix + issue.pointer });
}
