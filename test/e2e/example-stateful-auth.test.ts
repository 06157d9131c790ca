// The stateful and authorization agents against the example Shop API: every seeded sequence and
// access-control defect is found with its check and operation.
import { expect, it } from 'vitest';
import { describeAgentsAgainstExample, describeFindings, missingFromSarif } from './example-harness.js';

describeAgentsAgainstExample(['stateful', 'auth'], ['stateful', 'auth'], (run) => {
  it.each([['alg none'], ['bad signature'], ['expired']])('reports GET /users/me accepting a JWT with %s', (tampering) => {
    const findings = run().report.findings;
    const titles = findings.filter((f) => f.check === 'ignored_auth' && f.operation === 'GET /users/me').map((f) => f.title);
    expect(titles.some((title) => title.includes(tampering)), describeFindings(findings)).toBe(true);
  });

  it('lists every finding in the SARIF 2.1.0 report, with its check as ruleId and its operation', () => {
    expect(run().sarif.version).toBe('2.1.0');
    expect(missingFromSarif(run())).toEqual([]);
  });
});
