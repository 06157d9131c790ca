// A server that accepts connections and never answers: after the first 16 requests time out nothing more
// is sent, and the run exits 2 with one line instead of waiting out every timeout.
import { expect, it } from 'vitest';
import { errorLines, httpServer, sentinel, workDir, writeSpec } from './http-harness.js';

it('gives up on a target that answers nothing, with one line and exit 2', async () => {
  const dir = workDir();
  const server = await httpServer(() => undefined);
  const run = await sentinel(['run', writeSpec(dir, 3), '--base-url', server.url, '--seed', '1', '--timeout', '1000']);
  expect(run.code).toBe(2);
  expect(errorLines(run).filter((line) => !line.includes('planned'))).toEqual([
    expect.stringMatching(/^sentinel: no response from http:\/\/127\.0\.0\.1:\d+: all \d+ requests failed \(timeout\)$/),
  ]);
  expect(run.stdout).toMatch(/cases and scenarios were not sent/);
  expect(server.hits()).toBeLessThanOrEqual(24);
});
