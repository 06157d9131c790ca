// The functional agents (issue 3) against the example Shop API: every seeded functional defect is found
// with its check and operation.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFECTS as SEEDED, describeFindings, failsInJunit, isReported, runAgainstExample, unexplained, type SentinelRun } from './example-harness.js';

const FUNCTIONAL = SEEDED.filter((d) => d.agent === 'positive' || d.agent === 'negative');

describe('sentinel run --agents positive,negative against the defective example API', () => {
  let run: SentinelRun;
  beforeAll(async () => {
    run = await runAgainstExample(true, ['--agents', 'positive,negative']);
  }, 120_000);

  it('exits 1 because it found defects', () => {
    expect(run.exitCode, run.stderr).toBe(1);
  });

  it('reports nothing beyond the seeded defects and their documented consequences (no false alarm)', () => {
    const extra = unexplained(run.report.findings);
    expect(extra, `unexplained findings:\n${describeFindings(extra)}`).toEqual([]);
  });

  it.each(FUNCTIONAL.map((d) => [d.check, d.operations[0], d] as const))('finds %s on %s', (check, _operation, defect) => {
    expect(isReported(run.report.findings, check, defect.operations), `${defect.defect}\nreported:\n${describeFindings(run.report.findings)}`).toBe(true);
  });

  it.each(FUNCTIONAL.map((d) => [d.check, d.operations[0]] as const))('fails the JUnit case %s in the suite of %s', (check, operation) => {
    expect(failsInJunit(run.junit, check, operation), run.junit.slice(0, 2000)).toBe(true);
  });
});
