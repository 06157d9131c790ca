// The functional agents (issue 3) against the example Shop API: every seeded functional defect is found
// with its check and operation.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { SEEDED_DEFECTS } from '../../examples/shop-api/seeded-defects.mjs';
import { describeFindings, isReported, runAgainstExample, type SentinelRun } from './example-harness.js';

type SeededDefect = { check: string; operations: string[]; agent: string; defect: string };
const FUNCTIONAL = (SEEDED_DEFECTS as SeededDefect[]).filter((d) => d.agent === 'positive' || d.agent === 'negative');

describe('sentinel run --agents positive,negative against the defective example API', () => {
  let run: SentinelRun;
  beforeAll(async () => {
    run = await runAgainstExample(true, ['--agents', 'positive,negative']);
  }, 60_000);

  it('exits 1 because it found defects', () => {
    expect(run.exitCode, run.stderr).toBe(1);
  });

  it.each(FUNCTIONAL.map((d) => [d.check, d.operations[0], d] as const))('finds %s on %s', (check, _operation, defect) => {
    expect(isReported(run.report.findings, check, defect.operations), `${defect.defect}\nreported:\n${describeFindings(run.report.findings)}`).toBe(true);
  });
});
