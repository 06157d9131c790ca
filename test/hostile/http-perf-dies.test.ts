// `sentinel perf` against a server that dies mid-load: the requests refused or reset after it died, and
// those cut off at the end, are errors; `error_rate<1%` is breached and the run exits 1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { httpServer, sentinel, workDir, writeSpec, type HostileServer } from './http-harness.js';

it('counts what the dead server never answered and breaches the error-rate threshold', async () => {
  const dir = workDir();
  let server: HostileServer | undefined;
  server = await httpServer((_request, response, hit) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
    if (hit === 30) void server!.close();
  });
  const report = join(dir, 'perf.json');
  const run = await sentinel([
    'perf', writeSpec(dir), '--base-url', server.url, '--duration', '3s', '--rate', '30/s', '--workers', '1',
    '--threshold', 'error_rate<1%', '--report', `json=${report}`,
  ]);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(1);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const overall = json.result.overall;
  expect(overall.requests).toBe(json.result.sent);
  const failed = Object.values(overall.transportErrors as Record<string, number>).reduce((sum, count) => sum + count, 0);
  expect(overall.requests - failed).toBeGreaterThanOrEqual(29);
  expect(failed).toBeGreaterThan(20);
  expect(overall.errorRate).toBeGreaterThan(0.2);
  expect(json.analysis.thresholds[0]).toMatchObject({ passed: false });
  expect(run.stdout).toMatch(/error_rate<1%/);
});
