// Bodies that stall after a few bytes (one operation) or drip a byte at a time past the deadline (another):
// each request ends at its deadline as a timeout, the healthy operation is judged, and the run completes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { httpServer, sentinel, workDir, writeSpec } from './http-harness.js';

it('times out stalled and dripping bodies at the deadline and completes the run', async () => {
  const dir = workDir();
  const drips: NodeJS.Timeout[] = [];
  const server = await httpServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    if (request.url?.startsWith('/items0')) return void response.write('{"a":'); // stalls
    if (request.url?.startsWith('/items1')) {
      const drip = setInterval(() => (response.destroyed ? clearInterval(drip) : response.write(' ')), 100);
      drips.push(drip);
      return;
    }
    response.end(`{${' '.repeat(998)}}`);
  });
  const report = join(dir, 'report.json');
  const run = await sentinel(['run', writeSpec(dir, 3), '--base-url', server.url, '--seed', '1', '--agents', 'positive', '--timeout', '800', '--report', `json=${report}`]);
  for (const drip of drips) clearInterval(drip);
  expect(run.stderr).not.toMatch(/internal error|went away/);
  expect(run.code).toBe(0);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  expect(json.summary.transportErrors).toBeGreaterThanOrEqual(2);
  expect(json.summary.requests).toBeGreaterThan(json.summary.transportErrors);
  expect(json.summary.notes.join('\n')).toMatch(/timeout ×\d+/);
});
