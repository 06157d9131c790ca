// A server that redirects every request to itself: redirects are answers (Sentinel judges them and never
// follows them), so the run neither loops nor fails; it completes with its report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { httpServer, runArgs, sentinel, workDir, writeSpec } from './http-harness.js';

it('judges a redirect loop as answers and completes', async () => {
  const dir = workDir();
  const server = await httpServer((request, response) => {
    response.writeHead(302, { location: request.url ?? '/' });
    response.end();
  });
  const report = join(dir, 'report.json');
  const run = await sentinel(runArgs(writeSpec(dir, 2), server.url, '--report', `json=${report}`));
  expect(run.stderr).not.toMatch(/internal error/);
  expect([0, 1]).toContain(run.code);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  expect(json.summary.transportErrors).toBe(0);
  // One request per planned case: nothing followed the Location header.
  expect(server.hits()).toBe(json.summary.requests);
});
