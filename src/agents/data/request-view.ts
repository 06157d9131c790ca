// The request view of a schema: `readOnly` properties are never sent, so they are removed from
// `properties` and `required` (a server must not demand what a client may not send). Views are
// memoized per schema object so a validator that caches per object compiles each view once.
import type { ApiModel, JsonSchema } from '../../spec/model.js';
import { isSchemaObject, mergeAllOf, type SchemaObject } from './schema-view.js';

const views = new WeakMap<object, JsonSchema>();

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'unevaluatedProperties', 'unevaluatedItems'];

export function requestView(schema: JsonSchema, depth = 0): JsonSchema {
  if (!isSchemaObject(schema) || depth > 64) return schema;
  const cached = views.get(schema);
  if (cached !== undefined) return cached;
  const view = buildView(schema, depth);
  views.set(schema, view);
  return view;
}

function buildView(schema: SchemaObject, depth: number): JsonSchema {
  let changed = false;
  const out: SchemaObject = { ...schema };
  const properties = schema.properties;
  if (isSchemaObject(properties)) {
    const kept: SchemaObject = {};
    const dropped: string[] = [];
    for (const [name, sub] of Object.entries(properties)) {
      if (isSchemaObject(sub) && sub.readOnly === true) dropped.push(name);
      else {
        const view = requestView(sub as JsonSchema, depth + 1);
        if (view !== sub) changed = true;
        kept[name] = view;
      }
    }
    if (dropped.length > 0) {
      changed = true;
      if (Array.isArray(schema.required)) out.required = schema.required.filter((name) => !dropped.includes(name));
    }
    out.properties = kept;
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const views = list.map((sub) => requestView(sub as JsonSchema, depth + 1));
    if (views.some((v, i) => v !== list[i])) {
      changed = true;
      out[key] = views;
    }
  }
  for (const key of SUBSCHEMAS) {
    const sub = schema[key];
    if (!isSchemaObject(sub)) continue;
    const view = requestView(sub, depth + 1);
    if (view !== sub) {
      changed = true;
      out[key] = view;
    }
  }
  return changed ? out : schema;
}

/**
 * A spec example as a request may carry it: examples often show `readOnly` properties (an `id`) that
 * a client never sends, so they are removed along the schema (depth-bounded).
 */
export function withoutReadOnly(model: ApiModel, schema: JsonSchema, value: unknown, depth = 0): unknown {
  if (!isSchemaObject(schema) || depth > 16) return value;
  const s = mergeAllOf(model, schema);
  if (Array.isArray(value)) {
    return isSchemaObject(s.items) ? value.map((item) => withoutReadOnly(model, s.items as JsonSchema, item, depth + 1)) : value;
  }
  if (!isSchemaObject(value) || !isSchemaObject(s.properties)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const sub = s.properties[name];
    if (isSchemaObject(sub) && sub.readOnly === true) continue;
    out[name] = sub === undefined ? item : withoutReadOnly(model, sub as JsonSchema, item, depth + 1);
  }
  return out;
}
