// How many value variants an operation needs so that every enum value, every oneOf/anyOf branch and
// every type of a type list is used at least once (variant k picks the k-th choice everywhere).
import type { ApiModel, JsonSchema, Operation } from '../spec/model.js';
import { followRef, isSchemaObject } from './data/schema-view.js';
import { chooseContent, sendableParameters } from './valid-request.js';

const widths = new WeakMap<object, number>();
const MAX_DEPTH = 6;

export function variantsNeeded(model: ApiModel, operation: Operation): number {
  const schemas: JsonSchema[] = sendableParameters(operation).map((p) => p.schema);
  const content = chooseContent(operation);
  if (content !== undefined) schemas.push(content.schema);
  return Math.max(1, ...schemas.map((schema) => widestChoice(model, schema, 0)));
}

function widestChoice(model: ApiModel, schema: JsonSchema, depth: number): number {
  if (!isSchemaObject(schema) || depth > MAX_DEPTH) return 1;
  const cached = widths.get(schema);
  if (cached !== undefined) return cached;
  // Recursion through $ref is followed a few levels only; depth bounds it.
  const s = followRef(model, schema);
  let widest = 1;
  if (Array.isArray(s.enum)) widest = Math.max(widest, s.enum.length);
  if (Array.isArray(s.oneOf)) widest = Math.max(widest, s.oneOf.length);
  if (Array.isArray(s.anyOf)) widest = Math.max(widest, s.anyOf.length);
  if (Array.isArray(s.type)) widest = Math.max(widest, s.type.filter((t) => t !== 'null').length);
  const children: unknown[] = [
    ...(isSchemaObject(s.properties) ? Object.values(s.properties) : []),
    ...(Array.isArray(s.allOf) ? s.allOf : []),
    ...(Array.isArray(s.oneOf) ? s.oneOf : []),
    ...(Array.isArray(s.anyOf) ? s.anyOf : []),
    s.items,
  ];
  for (const child of children) widest = Math.max(widest, widestChoice(model, child as JsonSchema, depth + 1));
  if (s === schema) widths.set(schema, widest);
  return widest;
}
