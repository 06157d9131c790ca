// 150,000 nested JSON arrays in 300 KB: parsing is quick, but every walk of such a value recursed once per
// level (35 s and 1.8 GB). Nesting is measured by a linear scan before parsing; deeper than the limit,
// the body is kept as text and not judged against its schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { httpServer, PEAK_MEMORY_MB, sentinel, workDir, writeSpec } from './http-harness.js';

const DEEP = '['.repeat(150_000) + ']'.repeat(150_000);

it('keeps a 150,000-level JSON answer as text, completes the run and stays under the memory bound', async () => {
  const dir = workDir();
  const server = await httpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(DEEP);
  });
  const report = join(dir, 'report.json');
  const run = await sentinel(['run', writeSpec(dir, 2), '--base-url', server.url, '--seed', '1', '--report', `json=${report}`]);
  expect(run.stderr).not.toMatch(/internal error/);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  expect(json.summary.requests).toBeGreaterThan(100);
  // No check ran out of stack on it.
  expect(JSON.stringify(json.summary.notes)).not.toMatch(/call stack/);
  expect(json.findings.some((finding: { check: string }) => finding.check === 'response_schema_conformance')).toBe(false);
  expect([0, 1]).toContain(run.code);
  expect(run.peakMb).toBeLessThan(PEAK_MEMORY_MB);
}, 90_000);
