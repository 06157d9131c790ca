import { describe, expect, it } from 'vitest';
import { contentTypeConformance } from '../../../../src/execution/checks/content-type-conformance.js';
import { mediaTypeMatches } from '../../../../src/execution/checks/media-type.js';
import { context, operation, response } from './fixtures.js';

const content = (...types: string[]) => types.map((mediaType) => ({ mediaType, schema: {}, examples: [] }));

describe('content_type_conformance', () => {
  const table = [
    { name: 'exact match', documented: ['application/json'], received: 'application/json', findings: 0 },
    { name: 'charset parameter ignored', documented: ['application/json'], received: 'application/json; charset=utf-8', findings: 0 },
    { name: 'case-insensitive', documented: ['application/json'], received: 'Application/JSON', findings: 0 },
    { name: 'application/* wildcard', documented: ['application/*'], received: 'application/xml', findings: 0 },
    { name: '*/* wildcard', documented: ['*/*'], received: 'text/html', findings: 0 },
    { name: '+json suffix of plain JSON', documented: ['application/json'], received: 'application/problem+json', findings: 0 },
    { name: 'plain JSON for a +json type', documented: ['application/vnd.api+json'], received: 'application/json', findings: 0 },
    { name: 'application/*+json wildcard', documented: ['application/*+json'], received: 'application/hal+json', findings: 0 },
    { name: 'html instead of JSON', documented: ['application/json'], received: 'text/html; charset=utf-8', findings: 1 },
    { name: 'two vendor types differ', documented: ['application/vnd.a+json'], received: 'application/vnd.b+json', findings: 1 },
    { name: 'text/* does not cover application/json', documented: ['text/*'], received: 'application/json', findings: 1 },
    { name: 'body without content type', documented: ['application/json'], received: undefined, findings: 1 },
  ];
  it.each(table)('$name', ({ documented, received, findings }) => {
    const op = operation({ responses: [response('200', { content: content(...documented) })] });
    const headers = received === undefined ? {} : { 'content-type': received };
    const drafts = contentTypeConformance.run(context({ reply: { status: 200, headers, body: '{"a":1}' }, op }));
    expect(drafts).toHaveLength(findings);
  });

  const quiet = [
    { name: 'no body', status: 200, body: '', documented: ['application/json'] },
    { name: '204 with a stray type', status: 204, body: 'x', documented: ['application/json'] },
    { name: 'status documents no content', status: 200, body: 'ok', documented: [] as string[] },
    { name: 'undocumented status (status_code_conformance says so)', status: 201, body: 'ok', documented: ['application/json'] },
    { name: '5xx is server_error', status: 500, body: '<html>', documented: ['application/json'] },
  ];
  it.each(quiet)('no finding: $name', ({ status, body, documented }) => {
    const op = operation({ responses: [response('200', { content: content(...documented) })] });
    expect(contentTypeConformance.run(context({ reply: { status, headers: { 'content-type': 'text/html' }, body }, op }))).toEqual([]);
  });

  it('groups by documented status and received type', () => {
    const op = operation({ responses: [response('2XX', { content: content('application/json') })] });
    const [draft] = contentTypeConformance.run(context({ reply: { status: 201, headers: { 'content-type': 'text/plain;charset=x' }, body: 'ok' }, op }));
    expect(draft!.cause).toBe('2XX:text/plain');
  });

  it('rejects values that are not media types', () => {
    expect(mediaTypeMatches('application/json', 'garbage')).toBe(false);
    expect(mediaTypeMatches('nonsense', 'application/json')).toBe(false);
  });
});
