// A target that dies after 20 requests: the run used to send the other ~290 into refused connections and
// exit 0. After a streak of unanswered requests the target is probed, found gone, the rest is cut short,
// and the run exits 2 with one line saying when and how; the summary and the report cover what ran.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { errorLines, httpServer, sentinel, workDir, writeSpec, type HostileServer } from './http-harness.js';

it('cuts the run short when the target dies, exits 2 with one line, and still writes the report', async () => {
  const dir = workDir();
  let server: HostileServer | undefined;
  server = await httpServer((_request, response, hit) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
    if (hit === 20) void server!.close();
  });
  const report = join(dir, 'report.json');
  const run = await sentinel(['run', writeSpec(dir, 3), '--base-url', server.url, '--seed', '1', '--report', `json=${report}`]);
  expect(run.code).toBe(2);
  const lines = errorLines(run).filter((line) => !line.includes('planned'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/went away during the run: last answer at \d\d:\d\d:\d\d UTC after 20 answered requests, gone at \d\d:\d\d:\d\d UTC: it refuses connections \(ECONNREFUSED\); \d+ cases and scenarios were not sent/);
  expect(run.stdout).toContain('went away during the run');
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // About 230 requests were planned; only a streak's worth (and the requests then in flight) went unanswered.
  expect(json.summary.requests).toBeLessThan(60);
  expect(json.summary.notes.join('\n')).toMatch(/went away during the run/);
});
