// The registry, check selection per case and the documented-response lookup.
import { describe, expect, it } from 'vitest';
import { createCheckRegistry } from '../../../../src/execution/checks/registry.js';
import { findDocumentedContent, findDocumentedResponse } from '../../../../src/execution/checks/response-match.js';
import { selectChecks } from '../../../../src/execution/checks/select.js';
import { jsonResponse, operation, response, testCase } from './fixtures.js';

const DEFAULT_ACCEPT = ['server_error', 'status_code_conformance', 'content_type_conformance', 'response_headers_conformance', 'response_schema_conformance', 'positive_data_acceptance'];

const OWN_CHECKS = new Set([...DEFAULT_ACCEPT, 'negative_data_rejection', 'unsupported_method', 'missing_required_header', 'response_time']);

describe('createCheckRegistry', () => {
  it('gives every check a unique snake_case id, a severity and a description', () => {
    const { exchangeChecks, scenarioChecks } = createCheckRegistry();
    // A name may be both an exchange and a scenario check (signature and differential probes), not twice in one list.
    for (const list of [exchangeChecks, scenarioChecks]) expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    for (const check of [...exchangeChecks, ...scenarioChecks]) {
      expect(check.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(check.description.length).toBeGreaterThan(10);
    }
  });

  it('is a new list per run', () => {
    const a = createCheckRegistry();
    a.exchangeChecks.pop();
    expect(createCheckRegistry().exchangeChecks.length).toBe(a.exchangeChecks.length + 1);
  });
});

describe('selectChecks', () => {
  // The checks of this area only, so the table does not change when other areas register theirs.
  const registry = { exchangeChecks: createCheckRegistry().exchangeChecks.filter((c) => OWN_CHECKS.has(c.id)) };
  const ids = (tc: ReturnType<typeof testCase>, options = {}) => selectChecks(registry, tc, options).map((c) => c.id);
  const table = [
    { name: 'accept case: default set', tc: testCase({ expectation: 'accept' }), options: {}, expected: DEFAULT_ACCEPT },
    {
      name: 'reject case: default set with negative, without positive',
      tc: testCase({ expectation: 'reject' }),
      options: {},
      expected: [...DEFAULT_ACCEPT.slice(0, 5), 'negative_data_rejection'],
    },
    {
      name: 'with a response time limit',
      tc: testCase({ expectation: 'accept' }),
      options: { maxResponseTimeMs: 200 },
      expected: [...DEFAULT_ACCEPT, 'response_time'],
    },
    { name: 'empty checks list is the default set', tc: testCase({ expectation: 'accept', checks: [] }), options: {}, expected: DEFAULT_ACCEPT },
    {
      name: 'named checks plus server_error only',
      tc: testCase({ checks: ['unsupported_method'] }, 'delete'),
      options: { maxResponseTimeMs: 200 },
      expected: ['server_error', 'unsupported_method'],
    },
    {
      name: 'named opt-in header check',
      tc: testCase({ checks: ['missing_required_header'], expectation: 'reject' }),
      options: {},
      expected: ['server_error', 'missing_required_header'],
    },
    { name: 'unknown names select nothing more', tc: testCase({ checks: ['no_such_check'] }), options: {}, expected: ['server_error'] },
  ];
  it.each(table)('$name', ({ tc, options, expected }) => {
    expect(ids(tc, options)).toEqual(expected);
  });

  it('over the full registry: a plain case gets the default set, a probe only what it names', () => {
    const full = createCheckRegistry();
    expect(full.exchangeChecks.filter((c) => OWN_CHECKS.has(c.id)).length).toBe(OWN_CHECKS.size);
    const plain = selectChecks(full, testCase({ expectation: 'accept' }), {}).map((c) => c.id);
    expect(plain).toEqual(expect.arrayContaining(DEFAULT_ACCEPT));
    expect(plain).not.toContain('unsupported_method');
    expect(plain).not.toContain('missing_required_header');
    expect(plain).not.toContain('response_time');
    expect(selectChecks(full, testCase({ checks: ['unsupported_method'] }, 'delete'), {}).map((c) => c.id)).toEqual(['server_error', 'unsupported_method']);
  });
});

describe('findDocumentedResponse', () => {
  const op = operation({ responses: [response('200'), response('404'), response('4XX'), response('default')] });
  it.each([
    [200, '200'],
    [404, '404'],
    [400, '4XX'],
    [201, 'default'],
    [500, 'default'],
  ])('%i → %s', (status, expected) => {
    expect(findDocumentedResponse(op, status)?.status).toBe(expected);
  });

  it('finds nothing without a match or default', () => {
    expect(findDocumentedResponse(operation({ responses: [response('200')] }), 500)).toBeUndefined();
  });

  it('picks the most specific media type', () => {
    const r = response('200', {
      content: [
        { mediaType: '*/*', schema: {}, examples: [] },
        { mediaType: 'application/*', schema: {}, examples: [] },
        { mediaType: 'application/json', schema: {}, examples: [] },
      ],
    });
    expect(findDocumentedContent(r, 'application/json; charset=utf-8')?.mediaType).toBe('application/json');
    expect(findDocumentedContent(r, 'application/xml')?.mediaType).toBe('application/*');
    expect(findDocumentedContent(r, 'text/plain')?.mediaType).toBe('*/*');
    expect(findDocumentedContent(jsonResponse('200', {}), 'text/plain')).toBeUndefined();
  });
});
