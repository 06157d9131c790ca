// One pass over a schema tree, running every schema rule on every node. Results are memoized per schema
// object: resolved `$ref`s share objects, so GitHub's description repeats the same schemas thousands of
// times. `$ref`s left in recursive schemas are not followed: their target is walked where it is inlined.
import type { JsonSchema } from '../model.js';
import { escapePointerToken } from './pointer.js';
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

  private walk(node: unknown, scope: SchemaScope, composed: boolean): readonly SchemaIssue[] {
    if (!isSchemaObject(node) || typeof node.$ref === 'string') return NONE;
    const memo = this.memo[scope][composed ? 1 : 0];
    const known = memo.get(node);
    if (known !== undefined) return known;
    // A cycle of plain objects breaks the "recursion only through $ref" contract; stop rather than loop.
    if (this.onPath.has(node)) return NONE;
    this.onPath.add(node);

    const found: SchemaIssue[] = [];
    const context: SchemaNodeContext = { composed };
    for (const rule of this.rulesByScope[scope]) {
      for (const issue of rule.check(node, context)) found.push({ rule, pointer: issue.pointer, message: issue.message, fix: issue.fix });
    }
    // Prefixes are built only for children that have issues: most subtrees have none.
    const add = (child: unknown, childComposed: boolean, prefix: () => string) => {
      const issues = this.walk(child, scope, childComposed);
      if (issues.length === 0) return;
      const base = prefix();
      for (const issue of issues) found.push({ ...issue, pointer: base + issue.pointer });
    };

    const properties = node.properties;
    if (isSchemaObject(properties)) {
      for (const name in properties) {
        const property = properties[name];
        // Read-only properties are never sent, so input rules do not apply to them.
        if (scope === 'input' && isSchemaObject(property) && property.readOnly === true) continue;
        add(property, false, () => `/properties/${escapePointerToken(name)}`);
      }
    }
    for (const keyword of SINGLE_CHILDREN) if (keyword in node) add(node[keyword], false, () => `/${keyword}`);
    for (const keyword of MAP_CHILDREN) {
      const map = node[keyword];
      if (isSchemaObject(map)) for (const key in map) add(map[key], false, () => `/${keyword}/${escapePointerToken(key)}`);
    }
    for (const keyword of LIST_CHILDREN) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((child, index) => add(child, false, () => `/${keyword}/${index}`));
    }
    const allOf = node.allOf;
    if (Array.isArray(allOf)) allOf.forEach((child, index) => add(child, true, () => `/allOf/${index}`));

    this.onPath.delete(node);
    const result = found.length === 0 ? NONE : found;
    memo.set(node, result);
    return result;
  }
}
