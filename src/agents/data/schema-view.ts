// Read-only helpers over normalized JSON Schemas: follow the `$ref`s left for recursion, merge `allOf`
// for generation, and name the JSON types a schema admits.
import { deepEqual } from '../../core/deep-equal.js';
import { SCHEMA_DEFS_ID, type ApiModel, type JsonSchema } from '../../spec/model.js';

export type SchemaObject = { [keyword: string]: unknown };
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

const DEFS_PREFIX = `${SCHEMA_DEFS_ID}#/$defs/`;

export function isSchemaObject(schema: unknown): schema is SchemaObject {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema);
}

/** The schema a `$ref` into `urn:sentinel:defs` points at, merged with the `$ref`'s siblings. */
export function followRef(model: ApiModel, schema: SchemaObject): SchemaObject {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith(DEFS_PREFIX)) return schema;
  const key = decodeURIComponent(ref.slice(DEFS_PREFIX.length)).replaceAll('~1', '/').replaceAll('~0', '~');
  const target = model.schemaDefs[key];
  const { $ref: _ref, ...siblings } = schema;
  if (target === undefined) return siblings;
  if (target === false) return { not: {} };
  const resolved = target === true ? {} : target;
  return Object.keys(siblings).length === 0 ? resolved : { allOf: [resolved, siblings] };
}

/**
 * Merges `allOf` members into one schema, for generation only (validation still sees the original).
 * Properties and required lists are united; numeric and length bounds take the tightest value.
 */
export function mergeAllOf(model: ApiModel, schema: SchemaObject, depth = 0): SchemaObject {
  const own = followRef(model, schema);
  const members = own.allOf;
  if (!Array.isArray(members) || depth > 8) return own;
  const { allOf: _allOf, ...rest } = own;
  let merged: SchemaObject = rest;
  for (const member of members) {
    if (member === false) return { not: {} };
    if (!isSchemaObject(member)) continue;
    merged = mergeTwo(merged, mergeAllOf(model, member, depth + 1));
  }
  return merged;
}

const TIGHTEST_MIN = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const TIGHTEST_MAX = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

function mergeTwo(a: SchemaObject, b: SchemaObject): SchemaObject {
  const out: SchemaObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (key === 'properties' && isSchemaObject(existing) && isSchemaObject(value)) out[key] = mergeProperties(existing, value);
    else if (key === 'required' && Array.isArray(existing) && Array.isArray(value)) out[key] = [...new Set([...existing, ...value])];
    else if (key === 'type') out[key] = intersectTypes(existing, value);
    else if (key === 'enum' && Array.isArray(existing) && Array.isArray(value)) out[key] = existing.filter((e) => value.some((v) => deepEqual(e, v)));
    else if (TIGHTEST_MIN.includes(key) && typeof existing === 'number' && typeof value === 'number') out[key] = Math.max(existing, value);
    else if (TIGHTEST_MAX.includes(key) && typeof existing === 'number' && typeof value === 'number') out[key] = Math.min(existing, value);
    else if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(existing)) out.allOf = [{ [key]: existing }, { [key]: value }];
    else if (key === 'additionalProperties' && (existing === false || value === false)) out[key] = false;
    else if (key === 'items' && isSchemaObject(existing) && isSchemaObject(value)) out[key] = mergeTwo(existing, value);
    else out[key] = value;
  }
  return out;
}

function mergeProperties(a: SchemaObject, b: SchemaObject): SchemaObject {
  const out: SchemaObject = { ...a };
  for (const [name, schema] of Object.entries(b)) {
    const existing = out[name];
    out[name] = isSchemaObject(existing) && isSchemaObject(schema) ? { allOf: [existing, schema] } : schema;
  }
  return out;
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const left = Array.isArray(a) ? a : [a];
  const right = Array.isArray(b) ? b : [b];
  const both = left.filter((t) => right.includes(t) || (t === 'integer' && right.includes('number')));
  const extra = right.filter((t) => t === 'integer' && left.includes('number') && !both.includes('integer'));
  const all = [...both, ...extra];
  return all.length === 1 ? all[0] : all;
}

/** The JSON types a schema admits, inferred from its keywords when `type` is absent. */
export function typesOf(schema: SchemaObject): JsonType[] {
  const type = schema.type;
  if (typeof type === 'string') return [type as JsonType];
  if (Array.isArray(type)) return type as JsonType[];
  if (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.required !== undefined) return ['object'];
  if (schema.items !== undefined || schema.prefixItems !== undefined || schema.minItems !== undefined) return ['array'];
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern !== undefined || schema.format !== undefined) return ['string'];
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return ['number'];
  if (schema.exclusiveMinimum !== undefined || schema.exclusiveMaximum !== undefined) return ['number'];
  return [];
}
