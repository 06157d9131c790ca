// Small questions rules ask about the model, answered in one place so rules stay declarative.
import type { ApiModel, JsonSchema, MediaTypeContent, Operation, SecurityRequirement } from '../model.js';
import type { SchemaObject } from './types.js';

/** The non-null types a schema declares (`type` may be a string or, in 2020-12, a list). */
export function schemaTypes(schema: SchemaObject): string[] {
  const type = schema.type;
  if (typeof type === 'string') return type === 'null' ? [] : [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === 'string' && entry !== 'null');
  return [];
}

export function hasType(schema: SchemaObject, type: string): boolean {
  return schemaTypes(schema).includes(type);
}

const ANNOTATIONS = new Set(['title', 'description', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'default', '$comment']);

/** `true`, `{}` or only annotations: the schema says nothing about the value's shape. */
export function isEmptySchema(schema: JsonSchema | undefined): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  return Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword));
}

/** Whether a response for `code` is documented, by its exact code or its range (`4XX`); `default` does not count. */
export function documentsStatus(operation: Operation, code: number): boolean {
  const exact = String(code);
  const range = `${exact[0]}XX`;
  return operation.responses.some((response) => response.status === exact || response.status.toUpperCase() === range);
}

export function documentsStatusClass(operation: Operation, leadingDigit: string): boolean {
  return operation.responses.some((response) => response.status.startsWith(leadingDigit));
}

export function effectiveSecurity(operation: Operation, model: ApiModel): SecurityRequirement[] {
  return operation.security ?? model.security;
}

/** True when a caller can use the operation without credentials (no requirement, or `{}` as an alternative). */
export function isPublic(operation: Operation, model: ApiModel): boolean {
  const requirements = effectiveSecurity(operation, model);
  return requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0);
}

export const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export function hasInputs(operation: Operation): boolean {
  return operation.parameters.length > 0 || operation.requestBody !== undefined;
}

/** Media types whose payload a schema can describe (binary uploads legitimately have none). */
export function isStructuredMediaType(mediaType: string): boolean {
  const type = mediaType.toLowerCase().split(';')[0]!.trim();
  return /[/+]json$/.test(type) || /[/+]xml$/.test(type) || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/** Whether the media type, its schema or its top-level properties carry an example. */
export function hasExample(content: MediaTypeContent): boolean {
  if (content.examples.length > 0) return true;
  const schema = content.schema;
  if (typeof schema !== 'object') return false;
  if ('example' in schema || 'examples' in schema) return true;
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null) return false;
  return Object.values(properties).some((property) => typeof property === 'object' && property !== null && ('example' in property || 'examples' in property));
}

/** `{id}` names in a path template, in order. */
export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
}

export function isLoopbackHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host) || host.endsWith('.localhost');
  } catch {
    return false;
  }
}

/** The operation a pointer lies in (or, for a path-item pointer, the first operation of that path). */
export function operationAt(model: ApiModel, pointer: string): Operation | undefined {
  return model.operations.find((operation) => pointer === operation.pointer || pointer.startsWith(`${operation.pointer}/`))
    ?? model.operations.find((operation) => pointer !== '' && operation.pointer.startsWith(`${pointer}/`));
}
