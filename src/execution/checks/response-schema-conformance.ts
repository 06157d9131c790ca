// A JSON body that does not match the schema documented for its status and media type.
import type { FindingDraft } from '../../core/finding.js';
import type { Check } from './check.js';
import { headerValue, isConformanceSubject, usesDocumentedMethod } from './applies.js';
import { isJsonMediaType } from './media-type.js';
import { findDocumentedContent, findDocumentedResponse } from './response-match.js';

/** Enough to show a broken shape without flooding a report with one entry per array item. */
const MAX_DRAFTS_PER_RESPONSE = 5;

type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

export const responseSchemaConformance: Check = {
  id: 'response_schema_conformance',
  severity: 'medium',
  description: 'A JSON response body does not match the schema documented for its status and media type.',
  remediation: 'Make the response body match the documented schema at the named location, or correct the schema to describe what the API returns.',
  appliesTo: usesDocumentedMethod,
  run({ exchange, testCase, operation, validate }) {
    const response = exchange.response;
    if (!response || !isConformanceSubject(testCase, response)) return [];
    // A body cut at the runner's limit cannot be judged as a whole.
    if (response.truncated || response.unparsed !== undefined || response.body.trim() === '') return [];
    const contentType = headerValue(response.headers, 'content-type');
    if (!contentType || !isJsonMediaType(contentType)) return [];
    const documented = findDocumentedResponse(operation, response.status);
    const content = documented && findDocumentedContent(documented, contentType);
    if (!content || content.schema === true || isEmptySchema(content.schema)) return [];

    const body: ParsedBody = response.json !== undefined ? { ok: true, value: response.json } : parseJson(response.body);
    if (!body.ok) {
      return [
        {
          title: 'Malformed JSON body',
          message: `The ${response.status} response declares ${contentType.trim()} but its body is not valid JSON: ${body.reason}.`,
          cause: 'malformed_json',
          evidence: response.body.slice(0, 300),
        },
      ];
    }
    const result = validate(content.schema, body.value);
    if (result.valid) return [];
    const drafts = new Map<string, FindingDraft>();
    for (const error of result.errors) {
      const schemaPath = (error as { schemaPath?: unknown }).schemaPath;
      const location = typeof schemaPath === 'string' ? schemaPath : genericPointer(error.pointer);
      // Each missing property is its own defect; Ajv names it only in the message.
      const cause = error.keyword === 'required' ? `required:${location}:${error.message}` : `${error.keyword}:${location}`;
      if (drafts.has(cause)) continue;
      const at = error.pointer === '' ? '/' : error.pointer;
      drafts.set(cause, {
        title: `Response body violates "${error.keyword}" at ${genericPointer(error.pointer) || '/'}`,
        message: `The ${response.status} body does not match the documented schema at ${at}: ${error.message} (keyword ${error.keyword}).`,
        cause,
        evidence: `${at}: ${excerpt(valueAt(body.value, error.pointer))}`,
      });
      if (drafts.size >= MAX_DRAFTS_PER_RESPONSE) break;
    }
    return [...drafts.values()];
  },
};

function parseJson(text: string): ParsedBody {
  try {
    // A byte order mark is legal before JSON text on the wire (RFC 8259 lets parsers ignore it).
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

function isEmptySchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && Object.keys(schema).length === 0;
}

/** `/items/3/name` → `/items/*\/name`, so the same defect in different array items is one cause. */
export function genericPointer(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function excerpt(value: unknown): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
