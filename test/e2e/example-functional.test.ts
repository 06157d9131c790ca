// The functional agents against the example Shop API: every seeded functional defect is found
// with its check and operation.
import { expect, it } from 'vitest';
import { describeAgentsAgainstExample, failsInJunit } from './example-harness.js';

describeAgentsAgainstExample(['positive', 'negative'], ['positive', 'negative'], (run, defects) => {
  it.each(defects.map((d) => [d.check, d.operations[0]] as const))('fails the JUnit case %s in the suite of %s', (check, operation) => {
    expect(failsInJunit(run().junit, check, operation), run().junit.slice(0, 2000)).toBe(true);
  });

  it('confirms the slow GET /categories by measuring it three times before reporting it', () => {
    const slow = run().report.findings.find((finding) => finding.check === 'response_time' && finding.operation === 'GET /categories');
    expect(slow?.message).toMatch(/^Measured 3 times: \d+ ms, \d+ ms, \d+ ms \(median \d+ ms, limit 2000 ms\)\.$/);
  });
});
