// The stateful, authorization and injection agents (issue 4) against the example Shop API: every seeded
// defect of theirs is found with its check and operation.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { SEEDED_DEFECTS } from '../../examples/shop-api/seeded-defects.mjs';
import { describeFindings, isReported, runAgainstExample, type SentinelRun } from './example-harness.js';

type SeededDefect = { check: string; operations: string[]; agent: string; defect: string };
const SECURITY = (SEEDED_DEFECTS as SeededDefect[]).filter((d) => d.agent !== 'positive' && d.agent !== 'negative');

describe('sentinel run --agents stateful,auth,injection against the defective example API', () => {
  let run: SentinelRun;
  beforeAll(async () => {
    run = await runAgainstExample(true, ['--agents', 'stateful,auth,injection']);
  }, 60_000);

  it('exits 1 because it found defects', () => {
    expect(run.exitCode, run.stderr).toBe(1);
  });

  it.each(SECURITY.map((d) => [d.check, d.operations[0], d] as const))('finds %s on %s', (check, _operation, defect) => {
    expect(isReported(run.report.findings, check, defect.operations), `${defect.defect}\nreported:\n${describeFindings(run.report.findings)}`).toBe(true);
  });
});
