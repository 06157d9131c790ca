// The fields of object schemas as the stateful planner needs them: a response's top-level properties
// (and one level of wrapping such as `{ "data": { "id": ... } }`), and a JSON request body's schema.
import type { ApiModel, JsonSchema, MediaTypeContent, Operation, Response } from '../../spec/model.js';
import { isSchemaObject, mergeAllOf, typesOf, type SchemaObject } from '../data/schema-view.js';

export interface SchemaField {
  name: string;
  /** JSON pointer of the field in the document (`/id`, `/data/id`). */
  pointer: string;
  schema: SchemaObject;
}

export function objectFields(model: ApiModel, schema: JsonSchema | undefined, prefix = ''): SchemaField[] {
  if (!isSchemaObject(schema)) return [];
  const merged = mergeAllOf(model, schema);
  const properties = merged.properties;
  if (!isSchemaObject(properties)) return [];
  return Object.entries(properties).flatMap(([name, sub]) =>
    isSchemaObject(sub) ? [{ name, pointer: `${prefix}/${escapeToken(name)}`, schema: mergeAllOf(model, sub) }] : [],
  );
}

/** Top-level fields first, then the fields of object-valued properties (a wrapped resource). */
export function fieldsWithWrapping(model: ApiModel, schema: JsonSchema | undefined): SchemaField[] {
  const top = objectFields(model, schema);
  const nested = top.filter((field) => typesOf(field.schema).includes('object')).flatMap((field) => objectFields(model, field.schema, field.pointer));
  return [...top, ...nested];
}

export function jsonContent(contents: MediaTypeContent[]): MediaTypeContent | undefined {
  return contents.find((c) => /[/+]json\b/i.test(c.mediaType)) ?? contents.find((c) => c.mediaType === '*/*');
}

export function successResponses(operation: Operation): Response[] {
  return operation.responses.filter((r) => /^2(\d\d|XX)$/i.test(r.status));
}

/** The JSON schema of the operation's first documented success response, if any. */
export function successSchema(operation: Operation): JsonSchema | undefined {
  for (const response of successResponses(operation)) {
    const content = jsonContent(response.content);
    if (content !== undefined) return content.schema;
  }
  return undefined;
}

export function jsonBody(operation: Operation): MediaTypeContent | undefined {
  return operation.requestBody === undefined ? undefined : jsonContent(operation.requestBody.content);
}

/** Identifier-like: a string or integer (a number also works), never objects, arrays or booleans. */
export function isIdentifierSchema(schema: SchemaObject): boolean {
  const types = typesOf(schema);
  return types.length === 0 || types.some((t) => t === 'string' || t === 'integer' || t === 'number');
}

export function escapeToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
