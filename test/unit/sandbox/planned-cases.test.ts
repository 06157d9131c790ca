import { describe, expect, it } from 'vitest';
import { validatePlannedCases } from '../../../src/sandbox/planned-cases.js';

const good = { id: 'a', operation: 'GET /items', title: 'list', expectation: 'accept', request: { method: 'get', headers: { 'x-extra': '1' } } };

describe("a plugin agent's cases, checked on the way out", () => {
  it('accepts cases in the engine form, fills the empty maps and marks them as the agent own', () => {
    expect(validatePlannedCases('extra', [good])).toEqual({
      cases: [{ ...good, agent: 'extra', request: { method: 'get', pathParams: {}, query: {}, headers: { 'x-extra': '1' }, cookies: {} } }],
    });
  });

  it('names the case and the field of the first problem', () => {
    expect(validatePlannedCases('extra', { cases: [] })).toEqual({ problem: 'plan must return a list of test cases: Invalid input: expected array, received object' });
    expect(validatePlannedCases('extra', [good, { ...good, request: { method: 'GET' } }])).toEqual({ problem: 'case [1] request.method: expected a lower-case HTTP method' });
    expect(validatePlannedCases('extra', [{ ...good, operation: undefined }])).toEqual({ problem: 'case [0] operation: Invalid input: expected string, received undefined' });
    expect(validatePlannedCases('extra', [{ ...good, surprise: 1 }])).toEqual({ problem: 'case [0] (the case): unknown field "surprise"' });
  });
});
