// unsupported_method, missing_required_header and response_time: checks that need a case built for them.
import { describe, expect, it } from 'vitest';
import { missingRequiredHeader } from '../../../../src/execution/checks/missing-required-header.js';
import { responseTime } from '../../../../src/execution/checks/response-time.js';
import { unsupportedMethod } from '../../../../src/execution/checks/unsupported-method.js';
import type { Parameter } from '../../../../src/spec/model.js';
import { context, operation, testCase } from './fixtures.js';

describe('unsupported_method', () => {
  const getOp = operation();
  const table = [
    { name: '405 with Allow', method: 'delete', status: 405, headers: { allow: 'GET' }, cause: undefined },
    { name: '405 without Allow', method: 'delete', status: 405, headers: {}, cause: 'missing_allow' },
    { name: '2xx for an undocumented method', method: 'delete', status: 204, headers: {}, cause: 'accepted:DELETE' },
    { name: '404 is not what RFC 9110 asks but not a finding here', method: 'put', status: 404, headers: {}, cause: undefined },
    { name: 'OPTIONS answered by the framework', method: 'options', status: 204, headers: {}, cause: undefined },
    { name: 'HEAD of a GET path', method: 'head', status: 200, headers: {}, cause: undefined },
  ];
  it.each(table)('$name', ({ method, status, headers, cause }) => {
    const tc = testCase({ checks: ['unsupported_method'] }, method);
    const drafts = unsupportedMethod.run(context({ reply: { status, headers }, op: getOp, testCase: tc }));
    expect(drafts.map((d) => d.cause)).toEqual(cause ? [cause] : []);
  });

  it('HEAD on a path without GET that answers 2xx is a finding', () => {
    const postOp = operation({ key: 'POST /pets', method: 'post', path: '/pets' });
    const tc = testCase({ operation: 'POST /pets', checks: ['unsupported_method'] }, 'head');
    expect(unsupportedMethod.run(context({ reply: { status: 200 }, op: postOp, testCase: tc }))).toHaveLength(1);
  });

  it('does not judge a method another operation documents on the path', () => {
    const deleteOp = operation({ key: 'DELETE /pets/{id}', method: 'delete' });
    const tc = testCase({ checks: ['unsupported_method'] }, 'delete');
    expect(unsupportedMethod.run(context({ reply: { status: 204 }, op: getOp, testCase: tc, operations: [getOp, deleteOp] }))).toEqual([]);
  });

  it('is opt-in', () => expect(unsupportedMethod.optIn).toBe(true));
});

describe('missing_required_header', () => {
  const param = (name: string, required: boolean): Parameter => ({
    name,
    in: 'header',
    required,
    style: 'simple',
    explode: false,
    allowReserved: false,
    deprecated: false,
    schema: { type: 'string' },
    examples: [],
    pointer: '',
  });
  const op = operation({ parameters: [param('X-Tenant', true), param('X-Trace', false), param('Authorization', true)] });
  const table = [
    { name: 'omitted required header accepted', status: 200, sent: {}, causes: ['x-tenant'] },
    { name: 'omitted required header refused', status: 400, sent: {}, causes: [] },
    { name: 'header put back by --header was not omitted', status: 200, sent: { 'x-tenant': 'a' }, causes: [] },
    { name: 'server error is server_error', status: 500, sent: {}, causes: [] },
  ];
  it.each(table)('$name', ({ status, sent, causes }) => {
    const tc = testCase({ checks: ['missing_required_header'], expectation: 'reject' });
    const drafts = missingRequiredHeader.run(context({ reply: { status, requestHeaders: sent }, op, testCase: tc }));
    expect(drafts.map((d) => d.cause)).toEqual(causes);
  });

  it('judges only the header the probe names', () => {
    const twoRequired = operation({ parameters: [param('X-Tenant', true), param('X-Region', true)] });
    const tc = testCase({
      checks: ['missing_required_header'],
      expectation: 'reject',
      mutation: { location: 'header', target: 'X-Region', constraint: 'required', description: 'required header missing' },
    });
    const drafts = missingRequiredHeader.run(context({ reply: { status: 200, requestHeaders: {} }, op: twoRequired, testCase: tc }));
    expect(drafts.map((d) => d.cause)).toEqual(['x-region']);
  });

  it('is opt-in', () => expect(missingRequiredHeader.optIn).toBe(true));
});

describe('response_time', () => {
  const table = [
    { name: 'no limit given', limit: undefined, duration: 5000, findings: 0 },
    { name: 'under the limit', limit: 100, duration: 99, findings: 0 },
    { name: 'exactly the limit', limit: 100, duration: 100, findings: 0 },
    { name: 'over the limit', limit: 100, duration: 250.4, findings: 1 },
  ];
  it.each(table)('$name', ({ limit, duration, findings }) => {
    const options = limit === undefined ? {} : { maxResponseTimeMs: limit };
    const drafts = responseTime.run(context({ reply: { status: 200, durationMs: duration }, options }));
    expect(drafts).toHaveLength(findings);
    if (findings) expect(drafts[0]!.message).toContain('250 ms');
  });

  it('applies only with a limit', () => {
    expect(responseTime.appliesTo!(testCase(), {})).toBe(false);
    expect(responseTime.appliesTo!(testCase(), { maxResponseTimeMs: 1 })).toBe(true);
  });
});
