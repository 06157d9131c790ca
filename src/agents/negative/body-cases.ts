// Negative cases for request bodies: invalid and boundary values per property (one constraint at a
// time), malformed JSON, an empty body where one is required, and a media type the operation does not take.
import type { Operation } from '../../spec/model.js';
import type { ValueGenerator } from '../data/values.js';
import { cloneRequest, limitPerPointer, negativeCase } from './cases.js';
import type { Mutation, PlannedRequest, TestCase } from '../../core/test-case.js';
import { chooseContent } from '../valid-request.js';

const UNDECLARED_MEDIA_TYPES = ['text/plain', 'application/xml', 'application/octet-stream'];

function essence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

function isJson(mediaType: string): boolean {
  const e = essence(mediaType);
  return e === 'application/json' || e.endsWith('+json');
}

export function bodyCases(
  operation: Operation,
  base: PlannedRequest,
  generator: ValueGenerator,
  nextId: (label: string) => string,
  limit: number,
): TestCase[] {
  const content = chooseContent(operation);
  const body = base.body;
  if (content === undefined || body === undefined || operation.requestBody === undefined) return [];
  const cases: TestCase[] = [];
  const add = (label: string, request: PlannedRequest, mutation: Mutation, expectation: 'accept' | 'reject') =>
    cases.push(negativeCase({ id: nextId(label), operation, request, expectation, mutation }));

  // Form and multipart fields travel as text, like parameters.
  const hint = { base: body.value, text: !isJson(content.mediaType) };
  const probes = limitPerPointer(generator.invalid(content.schema, hint), generator.boundaries(content.schema, hint), limit);
  for (const probe of probes) {
    const request = cloneRequest(base);
    if (probe.value === undefined) delete request.body;
    else request.body = { mediaType: content.mediaType, value: probe.value };
    const mutation = { location: 'body' as const, target: probe.pointer, constraint: probe.constraint, description: probe.description };
    add(`body${probe.pointer}:${probe.constraint}:${probe.expectation}`, request, mutation, probe.expectation);
  }

  const text = isJson(content.mediaType) ? JSON.stringify(body.value) : undefined;
  if (text !== undefined) {
    const request = cloneRequest(base);
    request.body = { mediaType: content.mediaType, raw: text.length > 1 ? text.slice(0, -1) : '{' };
    add('body:malformed-json', request, { location: 'body', target: '', constraint: 'syntax', description: 'malformed JSON (truncated)' }, 'reject');
  }
  if (operation.requestBody.required) {
    const request = cloneRequest(base);
    request.body = { mediaType: content.mediaType, raw: '' };
    add('body:empty', request, { location: 'body', target: '', constraint: 'required', description: 'empty body where one is required' }, 'reject');
  }
  const declared = new Set(operation.requestBody.content.map((c) => essence(c.mediaType)));
  const wrongType = UNDECLARED_MEDIA_TYPES.find((m) => !declared.has(m));
  // A `*/*` body takes any media type: nothing is wrong to send.
  if (wrongType !== undefined && !declared.has('*/*')) {
    const request = cloneRequest(base);
    request.body = { mediaType: wrongType, raw: text ?? JSON.stringify(body.value) };
    const mutation = { location: 'body' as const, target: '', constraint: 'contentType', description: `media type ${wrongType}, which the operation does not declare` };
    add('body:wrong-content-type', request, mutation, 'reject');
  }
  return cases;
}
