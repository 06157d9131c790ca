// Where subschemas sit inside a 2020-12 schema, and every schema root an ApiModel holds.
import type { ApiModel, JsonSchema } from './model.js';

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SCHEMA_VALUES = [
  'items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'contentSchema',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

type SchemaObject = Record<string, unknown>;

/** Returns a copy of `schema` with each direct subschema replaced by `map(subschema)`. */
export function mapSubschemas(schema: SchemaObject, map: (sub: JsonSchema) => JsonSchema): SchemaObject {
  const out: SchemaObject = { ...schema };
  for (const key of SCHEMA_VALUES) if (isSchema(schema[key])) out[key] = map(schema[key] as JsonSchema);
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) out[key] = (schema[key] as JsonSchema[]).map(map);
  for (const key of SCHEMA_MAPS) {
    const value = schema[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const mapped: SchemaObject = {};
    for (const [name, sub] of Object.entries(value)) mapped[name] = isSchema(sub) ? map(sub as JsonSchema) : sub;
    out[key] = mapped;
  }
  return out;
}

/** Calls `visit` for each direct subschema. */
export function forEachSubschema(schema: SchemaObject, visit: (sub: JsonSchema) => void): void {
  for (const key of SCHEMA_VALUES) if (isSchema(schema[key])) visit(schema[key] as JsonSchema);
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) for (const sub of schema[key] as unknown[]) if (isSchema(sub)) visit(sub as JsonSchema);
  for (const key of SCHEMA_MAPS) {
    const value = schema[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const sub of Object.values(value)) if (isSchema(sub)) visit(sub as JsonSchema);
  }
}

/** Every schema root of the model: parameters, bodies, responses, headers and the recursive defs. */
export function* modelSchemas(model: ApiModel): Generator<JsonSchema> {
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) yield parameter.schema;
    for (const content of operation.requestBody?.content ?? []) yield content.schema;
    for (const response of operation.responses) {
      for (const header of Object.values(response.headers)) yield header.schema;
      for (const content of response.content) yield content.schema;
    }
  }
  yield* Object.values(model.schemaDefs);
}

function isSchema(value: unknown): boolean {
  return typeof value === 'boolean' || (value !== null && typeof value === 'object' && !Array.isArray(value));
}
