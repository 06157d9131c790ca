// Interim answers before the final one: `100 Continue` (unasked for) made undici's parser drop the
// connection, so every request failed. They are skipped as HTTP allows, whether they come alone, several
// in a row, split across packets, or from node:http's own writeContinue/writeEarlyHints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpServer, rawServer, runArgs, sentinel, workDir, writeSpec } from './http-harness.js';
import type { Socket } from 'node:net';

// Each answer closes its connection, so every request starts on a fresh one.
const FINAL = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}';

describe.each([
  ['100 Continue', (socket: Socket) => socket.end(`HTTP/1.1 100 Continue\r\n\r\n${FINAL}`)],
  ['103 Early Hints then 100', (socket: Socket) => socket.end(`HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n${FINAL}`)],
  [
    'an interim answer split across packets',
    (socket: Socket) => {
      socket.write('HTTP/1.1 1');
      setTimeout(() => socket.write('00 Continue\r\n'), 20);
      setTimeout(() => socket.write('\r\nHTTP/1.1 102 Processing\r\n\r\n'), 40);
      setTimeout(() => socket.end(FINAL), 60);
    },
  ],
])('a raw server sending %s', (_name, write) => {
  it('is answered: every request gets its final 200', async () => {
    const dir = workDir();
    const server = await rawServer(write);
    const report = join(dir, 'report.json');
    const run = await sentinel(runArgs(writeSpec(dir, 3), server.url, '--report', `json=${report}`));
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.summary.requests).toBeGreaterThanOrEqual(6);
    expect(json.summary.transportErrors).toBe(0);
  });
});

it('node:http writeContinue and writeEarlyHints on a kept-alive connection', async () => {
  const dir = workDir();
  const server = await httpServer((_request, response) => {
    response.writeContinue();
    response.writeEarlyHints({ link: '</style.css>; rel=preload' });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  const run = await sentinel(runArgs(writeSpec(dir, 3), server.url));
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/no response\s+0\b/);
  expect(server.hits()).toBeGreaterThanOrEqual(6);
});
