// negative_data_rejection and positive_data_acceptance: the two checks that judge a case's expectation.
import { describe, expect, it } from 'vitest';
import type { Expectation, Mutation } from '../../../../src/core/test-case.js';
import { negativeDataRejection } from '../../../../src/execution/checks/negative-data-rejection.js';
import { positiveDataAcceptance } from '../../../../src/execution/checks/positive-data-acceptance.js';
import { context, testCase } from './fixtures.js';

const mutation: Mutation = { location: 'body', target: '/name', constraint: 'maxLength', description: '65 characters, maximum is 64' };

describe('negative_data_rejection', () => {
  const table: { name: string; expectation: Expectation; status: number; findings: number }[] = [
    { name: 'invalid input refused with 400', expectation: 'reject', status: 400, findings: 0 },
    { name: 'invalid input refused with 422', expectation: 'reject', status: 422, findings: 0 },
    { name: 'invalid input accepted with 200', expectation: 'reject', status: 200, findings: 1 },
    { name: 'invalid input accepted with 201', expectation: 'reject', status: 201, findings: 1 },
    { name: 'invalid input crashing is server_error', expectation: 'reject', status: 500, findings: 0 },
    { name: 'valid input with 200 is not judged', expectation: 'accept', status: 200, findings: 0 },
    { name: 'no expectation', expectation: 'any', status: 200, findings: 0 },
  ];
  it.each(table)('$name', ({ expectation, status, findings }) => {
    const drafts = negativeDataRejection.run(context({ reply: { status }, testCase: testCase({ expectation, mutation }) }));
    expect(drafts).toHaveLength(findings);
    if (findings) {
      expect(drafts[0]!.cause).toBe('maxLength:body:/name');
      expect(drafts[0]!.message).toContain('65 characters');
    }
  });

  it('without a mutation the case title is the cause', () => {
    const [draft] = negativeDataRejection.run(context({ reply: { status: 200 }, testCase: testCase({ expectation: 'reject', title: 'malformed JSON body' }) }));
    expect(draft!.cause).toBe('case:malformed JSON body');
  });

  it('applies only to reject cases', () => {
    expect(negativeDataRejection.appliesTo!(testCase({ expectation: 'reject' }), {})).toBe(true);
    expect(negativeDataRejection.appliesTo!(testCase({ expectation: 'accept' }), {})).toBe(false);
  });
});

describe('positive_data_acceptance', () => {
  const table = [
    { name: '200 accepted', status: 200, body: '', findings: 0 },
    { name: '400 refuses valid input', status: 400, body: '{"error":"name too long"}', findings: 1 },
    { name: '422 refuses valid input', status: 422, body: '', findings: 1 },
    { name: '415 refuses a documented media type', status: 415, body: '', findings: 1 },
    { name: '401 is about credentials', status: 401, body: '', findings: 0 },
    { name: '403 is about permissions', status: 403, body: '', findings: 0 },
    { name: '404 for an id that does not exist', status: 404, body: '', findings: 0 },
    { name: '409 conflict with stored state', status: 409, body: '', findings: 0 },
    { name: '410 gone', status: 410, body: '', findings: 0 },
    { name: '412 precondition (If-Match) failed', status: 412, body: '', findings: 0 },
    { name: '413 body limit of the deployment', status: 413, body: '', findings: 0 },
    { name: '429 rate limited', status: 429, body: '', findings: 0 },
    { name: '422 because a referenced item is missing', status: 422, body: '{"error":"item 7 not found"}', findings: 0 },
    { name: '400 because a referenced owner does not exist', status: 400, body: 'owner does not exist', findings: 0 },
    { name: '500 is server_error', status: 500, body: '', findings: 0 },
  ];
  it.each(table)('$name', ({ status, body, findings }) => {
    const drafts = positiveDataAcceptance.run(context({ reply: { status, body }, testCase: testCase({ expectation: 'accept' }) }));
    expect(drafts).toHaveLength(findings);
    if (findings) expect(drafts[0]!.cause).toBe(`status:${status}`);
  });

  it.each([
    { name: 'reject cases', tc: testCase({ expectation: 'reject' }) },
    { name: 'probes with another method', tc: testCase({ expectation: 'accept' }, 'patch') },
    {
      name: 'requests without credentials',
      tc: testCase({ expectation: 'accept', request: { method: 'get', pathParams: {}, query: {}, headers: {}, cookies: {}, identity: null } }),
    },
    {
      name: 'requests with tampered credentials',
      tc: testCase({ expectation: 'accept', request: { method: 'get', pathParams: {}, query: {}, headers: {}, cookies: {}, authOverride: { authorization: 'Bearer x' } } }),
    },
  ])('does not judge $name', ({ tc }) => {
    expect(positiveDataAcceptance.run(context({ reply: { status: 400 }, testCase: tc }))).toEqual([]);
    expect(positiveDataAcceptance.appliesTo!(tc, {})).toBe(false);
  });
});
