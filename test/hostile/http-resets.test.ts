// One operation whose every connection is reset, the others healthy: the resets are counted and said in
// words, the streak of failures gets the target probed, and since it answers the probe the run goes on
// to the end (no false "target went away").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { httpServer, sentinel, workDir, writeSpec } from './http-harness.js';

it('completes the run, counting resets of one operation as requests without response', async () => {
  const dir = workDir();
  const server = await httpServer((request, response) => {
    if (request.url?.startsWith('/items0')) return void request.socket.resetAndDestroy();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  const report = join(dir, 'report.json');
  const run = await sentinel(['run', writeSpec(dir, 2), '--base-url', server.url, '--seed', '1', '--agents', 'positive,negative', '--report', `json=${report}`]);
  expect(run.stderr).not.toMatch(/internal error|went away/);
  expect([0, 1]).toContain(run.code);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  expect(json.summary.transportErrors).toBeGreaterThanOrEqual(8);
  expect(json.summary.requests).toBeGreaterThan(json.summary.transportErrors);
  expect(json.summary.notes.join('\n')).toMatch(/ECONNRESET ×\d+: connection reset by the target before any answer/);
});
