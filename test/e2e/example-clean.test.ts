// The clean twin of the example Shop API, tested by every agent: zero findings (false alarms are as bad
// as misses). On failure the message lists each finding the engine raised, with its request.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeFindings, runAgainstExample, type SentinelRun } from './example-harness.js';

describe('sentinel run (all agents) against the clean twin of the example API', () => {
  let run: SentinelRun;
  beforeAll(async () => {
    run = await runAgainstExample(false, []);
  }, 120_000);

  it('sent requests and got answers', () => {
    expect(run.report.summary.requests).toBeGreaterThan(100);
  });

  it('reports zero findings and exits 0', () => {
    expect(run.report.findings, `false alarms:\n${describeFindings(run.report.findings)}\n${JSON.stringify(run.report.findings, null, 1).slice(0, 6000)}`).toEqual([]);
    expect(run.exitCode, run.stderr).toBe(0);
  });
});
