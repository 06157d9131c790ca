// The injection agent against the example Shop API: every seeded injection and disclosure
// defect is found with its check and operation, with the payload and evidence in the finding.
import { expect, it } from 'vitest';
import { describeAgentsAgainstExample, missingFromSarif } from './example-harness.js';

describeAgentsAgainstExample(['injection'], ['injection', 'any'], (run, defects) => {
  it('gives every injection finding its payload, its evidence and a curl line', () => {
    const injections = run().report.findings.filter((f) => defects.some((d) => d.check === f.check && d.check !== 'information_disclosure'));
    expect(injections.length).toBeGreaterThan(0);
    for (const finding of injections) {
      expect(finding.payload, `${finding.check} ${finding.operation}: ${finding.title}`).toBeTruthy();
      expect(finding.evidence, `${finding.check} ${finding.operation}: ${finding.title}`).toBeTruthy();
      expect(finding.curl).toMatch(/^curl /);
    }
  });

  it('lists every finding in the SARIF 2.1.0 report, with its check as ruleId and its operation', () => {
    expect(run().sarif.version).toBe('2.1.0');
    expect(missingFromSarif(run())).toEqual([]);
  });
});
