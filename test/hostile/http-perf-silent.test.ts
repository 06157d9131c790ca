// `sentinel perf` against a server that accepts connections and never answers used to pass
// `error_rate<1%`: the requests still waiting at the end were left out. Every request sent is now
// accounted for, those cut off at the end count as errors, and a load nobody answered fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { errorLines, httpServer, sentinel, workDir, writeSpec } from './http-harness.js';

it('fails a load nobody answered, counting every request sent', async () => {
  const dir = workDir();
  const server = await httpServer(() => undefined);
  const report = join(dir, 'perf.json');
  const run = await sentinel([
    'perf', writeSpec(dir), '--base-url', server.url, '--duration', '2s', '--rate', '20/s', '--workers', '1',
    '--timeout', '5000', '--threshold', 'error_rate<1%', '--report', `json=${report}`,
  ]);
  expect(run.code).toBe(2);
  expect(errorLines(run)).toEqual([expect.stringMatching(/^sentinel: no response from http:\/\/127\.0\.0\.1:\d+: all \d+ requests failed \(cut_off ×\d+\)$/)]);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const overall = json.result.overall;
  // Answered, failed, timed out or cut off: nothing sent is left out.
  expect(overall.requests).toBe(json.result.sent);
  expect(overall.requests).toBeGreaterThanOrEqual(30);
  expect(overall.transportErrors.cut_off).toBe(overall.requests);
  expect(overall.errorRate).toBe(1);
  expect(json.analysis.passed).toBe(false);
  expect(json.analysis.thresholds[0]).toMatchObject({ passed: false });
});
