import { describe, expect, it } from 'vitest';
import { statusCodeConformance } from '../../../../src/execution/checks/status-code-conformance.js';
import { context, operation, response, testCase } from './fixtures.js';

describe('status_code_conformance', () => {
  const table = [
    { name: 'exact code documented', documented: ['200', '404'], status: 404, findings: 0 },
    { name: 'range documented', documented: ['200', '4XX'], status: 422, findings: 0 },
    { name: 'lower-case range documented', documented: ['200', '4xx'], status: 400, findings: 0 },
    { name: 'default documented', documented: ['200', 'default'], status: 418, findings: 0 },
    { name: 'undocumented 400', documented: ['200'], status: 400, findings: 1 },
    { name: 'undocumented 201', documented: ['200', '4XX'], status: 201, findings: 1 },
    { name: 'undocumented 5xx is server_error, not this', documented: ['200'], status: 500, findings: 0 },
    { name: 'nothing documented: nothing to conform to', documented: [], status: 400, findings: 0 },
  ];
  it.each(table)('$name', ({ documented, status, findings }) => {
    const op = operation({ responses: documented.map((s) => response(s)) });
    const drafts = statusCodeConformance.run(context({ reply: { status }, op }));
    expect(drafts).toHaveLength(findings);
    if (findings) expect(drafts[0]!.cause).toBe(`status:${status}`);
  });

  it('does not judge a probe sent with another method', () => {
    const op = operation({ responses: [response('200')] });
    expect(statusCodeConformance.run(context({ reply: { status: 405 }, op, testCase: testCase({}, 'delete') }))).toEqual([]);
    expect(statusCodeConformance.appliesTo!(testCase({}, 'delete'), {})).toBe(false);
  });
});
