import { describe, expect, it } from 'vitest';
import { serverError } from '../../../../src/execution/checks/server-error.js';
import { context, testCase } from './fixtures.js';

describe('server_error', () => {
  const table = [
    { name: '200 passes', status: 200, method: 'get', findings: 0 },
    { name: '404 passes', status: 404, method: 'get', findings: 0 },
    { name: '500 fails', status: 500, method: 'get', findings: 1 },
    { name: '503 fails', status: 503, method: 'get', findings: 1 },
    { name: '501 on the documented method fails', status: 501, method: 'get', findings: 1 },
    { name: '501 on an undocumented method probe passes (RFC 9110)', status: 501, method: 'patch', findings: 0 },
  ];
  it.each(table)('$name', ({ status, method, findings }) => {
    const drafts = serverError.run(context({ reply: { status, body: 'Traceback: boom' }, testCase: testCase({}, method) }));
    expect(drafts).toHaveLength(findings);
    if (findings) {
      expect(drafts[0]!.cause).toBe(`status:${status}`);
      expect(drafts[0]!.evidence).toBe('Traceback: boom');
    }
  });

  it('ignores an exchange without a response', () => {
    const ctx = context({ reply: { status: 500 } });
    delete ctx.exchange.response;
    expect(serverError.run(ctx)).toEqual([]);
  });
});
