// A server whose answer head never ends (20,000 headers): the client refuses it past its header limit, and
// the one line says so in words.
import type { Socket } from 'node:net';
import { expect, it } from 'vitest';
import { errorLines, rawServer, runArgs, sentinel, workDir, writeSpec } from './http-harness.js';

it('refuses a header flood with one line in words', async () => {
  const dir = workDir();
  const server = await rawServer((socket: Socket) => {
    socket.write('HTTP/1.1 200 OK\r\n');
    for (let index = 0; index < 20_000 && !socket.destroyed; index++) socket.write(`x-flood-${index}: ${'a'.repeat(20)}\r\n`);
    socket.end('\r\n');
  });
  const run = await sentinel(runArgs(writeSpec(dir), server.url));
  expect(run.code).toBe(2);
  expect(errorLines(run).filter((line) => !line.includes('planned'))).toEqual([
    expect.stringMatching(/^sentinel: no response from .*\(UND_ERR_HEADERS_OVERFLOW: the head of the answer is too large \(more header bytes than an HTTP client accepts\)\)$/),
  ]);
});
