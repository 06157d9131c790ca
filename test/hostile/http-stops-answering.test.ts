// A target that keeps accepting connections but stops answering after 20 requests used to cost the full
// timeout for every remaining request. The streak of timeouts gets it probed (a HEAD on a fresh
// connection, bounded by the timeout), found silent, and the run is cut short with exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { errorLines, httpServer, sentinel, workDir, writeSpec } from './http-harness.js';

it('cuts the run short when the target stops answering, instead of waiting out every timeout', async () => {
  const dir = workDir();
  const server = await httpServer((_request, response, hit) => {
    if (hit > 20) return; // silent from now on: the connection stays open, nothing comes back
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  const report = join(dir, 'report.json');
  const run = await sentinel(['run', writeSpec(dir, 3), '--base-url', server.url, '--seed', '1', '--timeout', '1500', '--report', `json=${report}`]);
  expect(run.code).toBe(2);
  const lines = errorLines(run).filter((line) => !line.includes('planned'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/went away during the run: .* after 20 answered requests, .*: it accepts connections but answers nothing within 1500 ms; \d+ cases and scenarios were not sent/);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // Of ~230 planned requests, the 20 answered and about one streak (8 in flight) timed out before the probe.
  expect(json.summary.requests).toBeLessThan(50);
  expect(json.summary.transportErrors).toBe(json.summary.requests - 20);
});
