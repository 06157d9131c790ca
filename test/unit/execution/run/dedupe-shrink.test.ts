import { describe, expect, it } from 'vitest';
import type { TestCase } from '../../../../src/core/test-case.js';
import type { Exchange } from '../../../../src/core/exchange.js';
import { FindingCollector, toFindings } from '../../../../src/execution/run/findings.js';
import type { JudgedDraft } from '../../../../src/execution/run/judge.js';
import { shrink, shrinkCandidates, withoutPart } from '../../../../src/execution/run/shrink.js';
import type { Operation, Parameter } from '../../../../src/spec/model.js';

const exchange = (caseId: string, status = 500): Exchange => ({
  caseId,
  correlationId: `c-${caseId}`,
  request: { method: 'GET', url: `http://127.0.0.1:1/x?case=${caseId}`, headers: {} },
  response: { status, headers: {}, body: '', truncated: false },
  startedAt: 0,
  durationMs: 1,
  retries: 0,
});
const judged = (check: string, cause: string, severity: JudgedDraft['severity'] = 'high'): JudgedDraft => ({ check, severity, draft: { title: `${check} ${cause}`, message: 'm', cause } });
const testCase = (id: string, request: Partial<TestCase['request']> = {}, extra: Partial<TestCase> = {}): TestCase => ({
  id,
  agent: 'positive',
  operation: 'GET /x',
  title: id,
  expectation: 'accept',
  request: { method: 'get', pathParams: {}, query: {}, headers: {}, cookies: {}, ...request },
  ...extra,
});

describe('dedupe', () => {
  it('same check + operation + cause is one finding with a count; anything else differs', () => {
    const collector = new FindingCollector();
    const add = (check: string, operation: string, cause: string, id: string, severity: JudgedDraft['severity'] = 'high') =>
      collector.add({ judged: judged(check, cause, severity), operation, exchange: exchange(id), testCase: testCase(id) });
    expect(add('server_error', 'GET /x', 'status:500', 'a')).toBe(true);
    expect(add('server_error', 'GET /x', 'status:500', 'b')).toBe(false);
    expect(add('server_error', 'GET /x', 'status:500', 'b')).toBe(false);
    expect(add('server_error', 'GET /x', 'status:502', 'c')).toBe(true);
    expect(add('server_error', 'GET /y', 'status:500', 'd')).toBe(true);
    expect(add('status_code_conformance', 'GET /x', 'status:500', 'e', 'medium')).toBe(true);
    const findings = toFindings(collector.all());
    expect(findings.map((f) => [f.check, f.operation, f.cause, f.count, f.caseIds])).toEqual([
      ['server_error', 'GET /x', 'status:500', 3, ['a', 'b']],
      ['server_error', 'GET /x', 'status:502', 1, ['c']],
      ['server_error', 'GET /y', 'status:500', 1, ['d']],
      ['status_code_conformance', 'GET /x', 'status:500', 1, ['e']],
    ]);
    // The first occurrence is the evidence, with its own curl line and correlation id.
    expect(findings[0]!.request.url).toContain('case=a');
    expect(findings[0]!.correlationId).toBe('c-a');
    expect(findings[0]!.curl).toContain('curl');
  });
});

const param = (name: string, location: Parameter['in'], required = false) => ({ name, in: location, required }) as Parameter;
const operation = {
  key: 'POST /x',
  parameters: [param('page', 'query'), param('q', 'query', true), param('X-Trace', 'header'), param('pref', 'cookie')],
  requestBody: {
    required: true,
    pointer: '',
    content: [{ mediaType: 'application/json', examples: [], schema: { type: 'object', required: ['name'], properties: {} } }],
  },
} as unknown as Operation;

describe('shrink', () => {
  const full = testCase('full', {
    method: 'post',
    query: { page: 2, q: 'a' },
    headers: { 'X-Trace': 't' },
    cookies: { pref: 'dark' },
    body: { mediaType: 'application/json', value: { name: 'n', color: 'red', size: 3 } },
  });

  it('candidates are the optional parts present, never required ones', () => {
    expect(shrinkCandidates(operation, full)).toEqual([
      { location: 'query', name: 'page' },
      { location: 'header', name: 'X-Trace' },
      { location: 'cookie', name: 'pref' },
      { location: 'body', name: 'color' },
      { location: 'body', name: 'size' },
    ]);
  });

  it('never drops the part a negative case mutated', () => {
    const negative = { ...full, mutation: { location: 'body' as const, target: '/size', constraint: 'type', description: '' } };
    expect(shrinkCandidates(operation, negative).map((r) => r.name)).toEqual(['page', 'X-Trace', 'pref', 'color']);
    const queryMutation = { ...full, mutation: { location: 'query' as const, target: 'page', constraint: 'type', description: '' } };
    expect(shrinkCandidates(operation, queryMutation).map((r) => r.name)).toEqual(['X-Trace', 'pref', 'color', 'size']);
  });

  it('keeps a part out only while the same check fails for the same cause', async () => {
    // The defect: a 500 whenever `color` is sent; other parts are irrelevant.
    const tried: TestCase[] = [];
    const result = await shrink(operation, full, exchange('full'), { check: 'server_error', cause: 'status:500' }, async (variant) => {
      tried.push(variant);
      const fails = (variant.request.body?.value as Record<string, unknown>).color !== undefined;
      return { exchange: exchange(`try${tried.length}`), judged: fails ? [judged('server_error', 'status:500')] : [judged('server_error', 'status:502')] };
    }, 10);
    expect(result.removed.map((r) => r.name)).toEqual(['page', 'X-Trace', 'pref', 'size']);
    expect(result.testCase.request).toEqual({ method: 'post', pathParams: {}, query: { q: 'a' }, headers: {}, cookies: {}, body: { mediaType: 'application/json', value: { name: 'n', color: 'red' } } });
    expect(result.requests).toBe(5);
    expect(result.exchange.caseId).toBe('try5');
  });

  it('stops at its request budget', async () => {
    const result = await shrink(operation, full, exchange('full'), { check: 'server_error', cause: 'status:500' }, async () => ({ exchange: exchange('t'), judged: [judged('server_error', 'status:500')] }), 2);
    expect(result.requests).toBe(2);
    expect(result.removed.map((r) => r.name)).toEqual(['page', 'X-Trace']);
  });

  it('withoutPart leaves the original untouched', () => {
    const smaller = withoutPart(full.request, { location: 'body', name: 'color' });
    expect(smaller.body?.value).toEqual({ name: 'n', size: 3 });
    expect(full.request.body?.value).toEqual({ name: 'n', color: 'red', size: 3 });
  });
});
