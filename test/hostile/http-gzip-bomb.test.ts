// Decompression bombs: a body that inflates to 500 MB (one gzip layer) or whose second layer does
// (`Content-Encoding: gzip, gzip`). Decompressed bytes count against the 1 MB cap: inflating stops there,
// the body is marked truncated, and the run's memory stays under the bound.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { httpServer, PEAK_MEMORY_MB, sentinel, workDir, writeSpec } from './http-harness.js';

// Gzip members may be concatenated: 500 copies of 1 MB of zeros, compressed, inflate to 500 MB from ~500 KB.
const INNER = Buffer.concat(Array.from({ length: 500 }, () => gzipSync(Buffer.alloc(1024 * 1024))));
const TWO_LAYERS = gzipSync(INNER);

describe.each([
  ['one layer', 'gzip', INNER],
  ['two layers', 'gzip, gzip', TWO_LAYERS],
])('a gzip bomb, %s', (_name, encoding, body) => {
  it('is inflated only up to the cap, and the run completes under the memory bound', async () => {
    const dir = workDir();
    const server = await httpServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      response.end(body);
    });
    const report = join(dir, 'report.json');
    const run = await sentinel(['run', writeSpec(dir, 2), '--base-url', server.url, '--seed', '1', '--report', `json=${report}`]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(1);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.summary.requests).toBeGreaterThan(100);
    expect(json.summary.transportErrors).toBe(0);
    // What was kept is the decompressed text (zeros), cut at the 1 MB cap; a finding shows its first 64 KB.
    const bodies: string[] = json.findings.map((finding: { response: { body: string } }) => finding.response.body);
    expect(bodies.some((text) => /^\0{65536}… \[983040 more characters not shown\]$/.test(text))).toBe(true);
  expect(run.peakMb).toBeLessThan(PEAK_MEMORY_MB);
  }, 90_000);
});
