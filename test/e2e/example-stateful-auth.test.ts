// The stateful and authorization agents (issue 4) against the example Shop API: every seeded sequence and
// access-control defect is found with its check and operation.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFECTS as SEEDED, describeFindings, isReported, missingFromSarif, runAgainstExample, unexplained, type SentinelRun } from './example-harness.js';

const DEFECTS = SEEDED.filter((d) => d.agent === 'stateful' || d.agent === 'auth');

describe('sentinel run --agents stateful,auth against the defective example API', () => {
  let run: SentinelRun;
  beforeAll(async () => {
    run = await runAgainstExample(true, ['--agents', 'stateful,auth']);
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

  it.each([['alg none'], ['bad signature'], ['expired']])('reports GET /users/me accepting a JWT with %s', (tampering) => {
    const titles = run.report.findings.filter((f) => f.check === 'ignored_auth' && f.operation === 'GET /users/me').map((f) => f.title);
    expect(titles.some((title) => title.includes(tampering)), describeFindings(run.report.findings)).toBe(true);
  });

  it('lists every finding in the SARIF 2.1.0 report, with its check as ruleId and its operation', () => {
    expect(run.sarif.version).toBe('2.1.0');
    expect(missingFromSarif(run)).toEqual([]);
  });
});
