// Where a payload can go: parameters and the leaves of a (JSON or form) body, each with its name and
// schema. Enumerations, constants and booleans are left alone: a server rightly refuses anything else.
import type { PlannedRequest } from '../../core/test-case.js';
import type { ApiModel, JsonSchema, Operation } from '../../spec/model.js';
import { isSchemaObject, mergeAllOf, typesOf, type SchemaObject } from '../data/schema-view.js';
import { escapeToken } from '../stateful/schema-fields.js';
import { bodyContent } from '../stateful/valid-request.js';

export interface InjectionTarget {
  location: 'path' | 'query' | 'header' | 'cookie' | 'body';
  /** Parameter name, or JSON pointer into the body. */
  name: string;
  /** The field's own name (last pointer token for body leaves). */
  field: string;
  schema: SchemaObject;
  /** The valid value the request carries there, which payloads extend. */
  base: unknown;
}

/** Body leaves deeper than this are not probed (payloads on the outer fields reach the same code). */
const MAX_DEPTH = 4;

export function injectionTargets(model: ApiModel, operation: Operation, request: PlannedRequest): InjectionTarget[] {
  const targets: InjectionTarget[] = [];
  const slots = { path: request.pathParams, query: request.query, header: request.headers, cookie: request.cookies };
  const order = ['path', 'query', 'header', 'cookie'];
  const parameters = [...operation.parameters].sort((a, b) => order.indexOf(a.in) - order.indexOf(b.in));
  for (const parameter of parameters) {
    const value = slots[parameter.in][parameter.name];
    const schema = isSchemaObject(parameter.schema) ? mergeAllOf(model, parameter.schema) : {};
    if (value === undefined && parameter.in === 'path') continue;
    if (!probeable(schema, value ?? '')) continue;
    targets.push({ location: parameter.in, name: parameter.name, field: parameter.name, schema, base: value ?? '' });
  }
  const content = bodyContent(operation);
  if (content !== undefined && request.body?.value !== undefined && request.body.raw === undefined) {
    walkBody(model, content.schema, request.body.value, '', '', 0, targets);
  }
  return targets;
}

function walkBody(model: ApiModel, schema: JsonSchema | undefined, value: unknown, pointer: string, field: string, depth: number, out: InjectionTarget[]): void {
  const merged = isSchemaObject(schema) ? mergeAllOf(model, schema) : {};
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    if (value.length > 0) walkBody(model, merged.items as JsonSchema | undefined, value[0], `${pointer}/0`, field, depth + 1, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const properties = isSchemaObject(merged.properties) ? merged.properties : {};
    for (const [name, child] of Object.entries(value)) {
      walkBody(model, properties[name] as JsonSchema | undefined, child, `${pointer}/${escapeToken(name)}`, name, depth + 1, out);
    }
    return;
  }
  if (pointer !== '' && probeable(merged, value)) out.push({ location: 'body', name: pointer, field, schema: merged, base: value });
}

function probeable(schema: SchemaObject, value: unknown): boolean {
  if ('const' in schema || Array.isArray(schema.enum)) return false;
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const types = typesOf(schema);
  return types.length === 0 || types.some((t) => t === 'string' || t === 'integer' || t === 'number');
}

export function isNumeric(target: InjectionTarget): boolean {
  return typeof target.base === 'number';
}

/** `query.q`, `body./user/name`: how notes and titles name a target. */
export function targetLabel(target: InjectionTarget): string {
  return `${target.location}.${target.name}`;
}
