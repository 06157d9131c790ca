// The injection agent (issue 4) against the example Shop API: every seeded injection and disclosure
// defect is found with its check and operation, with the payload and evidence in the finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFECTS as SEEDED, describeFindings, isReported, missingFromSarif, runAgainstExample, unexplained, type SentinelRun } from './example-harness.js';

const DEFECTS = SEEDED.filter((d) => d.agent === 'injection' || d.agent === 'any');

describe('sentinel run --agents injection against the defective example API', () => {
  let run: SentinelRun;
  beforeAll(async () => {
    run = await runAgainstExample(true, ['--agents', 'injection']);
  }, 120_000);

  it('exits 1 because it found defects', () => {
    expect(run.exitCode, run.stderr).toBe(1);
  });

  it('reports nothing beyond the seeded defects and their documented consequences (no false alarm)', () => {
    const extra = unexplained(run.report.findings);
    expect(extra, `unexplained findings:\n${describeFindings(extra)}`).toEqual([]);
  });

  it.each(DEFECTS.map((d) => [d.check, d.operations[0], d] as const))('finds %s on %s', (check, _operation, defect) => {
    expect(isReported(run.report.findings, check, defect.operations), `${defect.defect}\nreported:\n${describeFindings(run.report.findings)}`).toBe(true);
  });

  it('gives every injection finding its payload, its evidence and a curl line', () => {
    const injections = run.report.findings.filter((f) => DEFECTS.some((d) => d.check === f.check && d.check !== 'information_disclosure'));
    expect(injections.length).toBeGreaterThan(0);
    for (const finding of injections) {
      expect(finding.payload, `${finding.check} ${finding.operation}: ${finding.title}`).toBeTruthy();
      expect(finding.evidence, `${finding.check} ${finding.operation}: ${finding.title}`).toBeTruthy();
      expect(finding.curl).toMatch(/^curl /);
    }
  });

  it('lists every finding in the SARIF 2.1.0 report, with its check as ruleId and its operation', () => {
    expect(run.sarif.version).toBe('2.1.0');
    expect(missingFromSarif(run)).toEqual([]);
  });
});
