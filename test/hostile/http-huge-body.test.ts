// A target answering 200 MB bodies: each is read up to the 1 MB cap and cut there (marked truncated),
// so the run completes with its report, and its memory does not grow with what the target sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { httpServer, PEAK_MEMORY_MB, sentinel, workDir, writeSpec } from './http-harness.js';

const MB = Buffer.alloc(1024 * 1024, 'a');

it('reads 200 MB answers up to the cap, completes the run and stays under the memory bound', async () => {
  const dir = workDir();
  const server = await httpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    let sent = 0;
    const pump = () => {
      while (sent < 200 && !response.destroyed) {
        sent += 1;
        if (!response.write(MB)) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  });
  const report = join(dir, 'report.json');
  // Every default agent: a couple of hundred answers, each cut at the cap.
  const run = await sentinel(['run', writeSpec(dir, 2), '--base-url', server.url, '--seed', '1', '--report', `json=${report}`]);
  expect(run.stderr).not.toMatch(/internal error/);
  // The answers are not the documented object: findings, not an error.
  expect(run.code).toBe(1);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  expect(json.summary.requests).toBeGreaterThan(100);
  expect(json.summary.transportErrors).toBe(0);
  // Each body was cut at the 1 MB cap; a finding shows its first 64 KB.
  const bodies: string[] = json.findings.map((finding: { response: { body: string } }) => finding.response.body);
  expect(bodies.some((text) => /^a{65536}… \[983040 more characters not shown\]$/.test(text))).toBe(true);
  expect(run.peakMb).toBeLessThan(PEAK_MEMORY_MB);
}, 90_000);
