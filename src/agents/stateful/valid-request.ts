// A valid request for an operation (every path parameter, the required others, a valid body), the
// starting point that stateful, auth and injection plans then bind to earlier responses or tamper with.
import type { PlannedBody, PlannedRequest } from '../../core/test-case.js';
import type { MediaTypeContent, Operation } from '../../spec/model.js';
import type { ValueGenerator } from '../data/values.js';
import { jsonContent } from './schema-fields.js';

export function validRequest(generator: ValueGenerator, operation: Operation): PlannedRequest {
  const request: PlannedRequest = { method: operation.method, pathParams: {}, query: {}, headers: {}, cookies: {} };
  const slots = { path: request.pathParams, query: request.query, header: request.headers, cookie: request.cookies };
  for (const parameter of operation.parameters) {
    if (!parameter.required && parameter.in !== 'path') continue;
    const value = generator.valid(parameter.schema, { name: parameter.name, location: parameter.in, examples: parameter.examples });
    if (value !== undefined) slots[parameter.in][parameter.name] = value;
  }
  const body = validBody(generator, operation);
  if (body !== undefined) request.body = body;
  return request;
}

export function validBody(generator: ValueGenerator, operation: Operation, optional: 'some' | 'all' = 'some'): PlannedBody | undefined {
  const content = bodyContent(operation);
  if (content === undefined) return undefined;
  const value = generator.valid(content.schema, { examples: content.examples, optional });
  return value === undefined ? undefined : { mediaType: content.mediaType, value };
}

/** JSON when offered (what the planners understand best), else the first declared media type. */
export function bodyContent(operation: Operation): MediaTypeContent | undefined {
  const contents = operation.requestBody?.content ?? [];
  return jsonContent(contents) ?? contents[0];
}

/** The request's body value with one JSON-pointer location replaced (used for placeholders and payloads). */
export function withBodyValue(body: unknown, pointer: string, value: unknown): unknown {
  if (pointer === '') return value;
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const copy = (node: unknown): Record<string, unknown> | unknown[] =>
    Array.isArray(node) ? [...node] : node !== null && typeof node === 'object' ? { ...(node as Record<string, unknown>) } : {};
  const root = copy(body);
  let cursor: Record<string, unknown> | unknown[] = root;
  tokens.forEach((token, index) => {
    const key = Array.isArray(cursor) ? Number(token) : token;
    if (index === tokens.length - 1) (cursor as Record<string | number, unknown>)[key] = value;
    else {
      const next = copy((cursor as Record<string | number, unknown>)[key]);
      (cursor as Record<string | number, unknown>)[key] = next;
      cursor = next;
    }
  });
  return root;
}

