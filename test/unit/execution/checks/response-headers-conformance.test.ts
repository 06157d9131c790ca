import { describe, expect, it } from 'vitest';
import { responseHeadersConformance } from '../../../../src/execution/checks/response-headers-conformance.js';
import { coerceHeaderValue } from '../../../../src/execution/checks/header-value.js';
import type { Header } from '../../../../src/spec/model.js';
import { context, operation, response } from './fixtures.js';

const header = (schema: object, required = false): Header => ({ required, schema, deprecated: false });

describe('response_headers_conformance', () => {
  const documented = {
    'X-Rate-Limit': header({ type: 'integer', minimum: 0 }, true),
    'X-Request-Id': header({ type: 'string', format: 'uuid' }),
    'X-Flags': header({ type: 'array', items: { type: 'boolean' } }),
    'Content-Type': header({ type: 'string', enum: ['never'] }, true),
  };
  const table = [
    { name: 'all present and valid', headers: { 'x-rate-limit': '10', 'x-flags': 'true, false' }, causes: [] },
    { name: 'names are case-insensitive', headers: { 'X-RATE-LIMIT': '0' }, causes: [] },
    { name: 'required missing', headers: {}, causes: ['missing:x-rate-limit'] },
    { name: 'optional missing is fine', headers: { 'x-rate-limit': '1' }, causes: [] },
    { name: 'integer header with text', headers: { 'x-rate-limit': 'ten' }, causes: ['invalid:x-rate-limit:type'] },
    { name: 'below minimum', headers: { 'x-rate-limit': '-1' }, causes: ['invalid:x-rate-limit:minimum'] },
    { name: 'array items checked', headers: { 'x-rate-limit': '1', 'x-flags': 'true,maybe' }, causes: ['invalid:x-flags:type'] },
  ];
  it.each(table)('$name', ({ headers, causes }) => {
    const op = operation({ responses: [response('200', { headers: documented })] });
    const drafts = responseHeadersConformance.run(context({ reply: { status: 200, headers }, op }));
    expect(drafts.map((d) => d.cause)).toEqual(causes);
  });

  it('missing is medium (the default), invalid is low', () => {
    const op = operation({ responses: [response('200', { headers: documented })] });
    expect(responseHeadersConformance.severity).toBe('medium');
    const [invalid] = responseHeadersConformance.run(context({ reply: { status: 200, headers: { 'x-rate-limit': 'x' } }, op }));
    expect(invalid!.severity).toBe('low');
  });

  it('judges only the documented response of that status', () => {
    const op = operation({ responses: [response('200', { headers: documented }), response('404')] });
    expect(responseHeadersConformance.run(context({ reply: { status: 404 }, op }))).toEqual([]);
  });

  it.each([
    [{ type: 'integer' }, '42', 42],
    [{ type: 'number' }, '1.5', 1.5],
    [{ type: 'boolean' }, 'true', true],
    [{ type: 'string' }, '42', '42'],
    [{ type: 'array', items: { type: 'integer' } }, '1, 2', [1, 2]],
    [{ type: 'object' }, 'a,1,b,2', { a: '1', b: '2' }],
    [{ type: 'integer' }, 'x', 'x'],
  ])('coerces %j from %s', (schema, raw, expected) => {
    expect(coerceHeaderValue(schema, raw)).toEqual(expected);
  });
});
