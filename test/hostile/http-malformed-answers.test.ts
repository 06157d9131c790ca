// Answers that are not HTTP, or broken HTTP, were all reported as `ERR_TRANSPORT`. The one line (and the
// summary's note) now say what the target did wrong, in words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { errorLines, rawServer, runArgs, sentinel, workDir, writeSpec } from './http-harness.js';

const HEAD = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n';

describe.each([
  ['an SSH banner', (socket: Socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'), 'ERR_NOT_HTTP', /the target answered with something that is not HTTP: "SSH-2\.0-OpenSSH_9\.6\\r\\n"/],
  ['binary junk', (socket: Socket) => socket.end(Buffer.from([0, 1, 2, 0xff, 0xfe])), 'ERR_NOT_HTTP', /the target answered with something that is not HTTP/],
  ['an invalid header name', (socket: Socket) => socket.end(`${HEAD}Bad Header: x\r\ncontent-length: 2\r\n\r\n{}`), 'ERR_INVALID_HTTP', /the target's answer is not valid HTTP\/1\.1 \(invalid header token in the head of its answer\)/],
  ['an invalid status code', (socket: Socket) => socket.end('HTTP/1.1 2x0 OK\r\n\r\n'), 'ERR_INVALID_HTTP', /.*\(invalid status code in the head of its answer\)/],
  ['a broken chunked body', (socket: Socket) => socket.end(`${HEAD}transfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n`), 'ERR_INVALID_HTTP', /.*\(invalid character in chunk size in the body of its 200 answer\)/],
  [
    'a reset after 3 bytes of the body',
    (socket: Socket) => {
      socket.write(`${HEAD}content-length: 100\r\n\r\n{"a`);
      setTimeout(() => socket.resetAndDestroy(), 30);
    },
    'ECONNRESET', /connection reset by the target after the head of a 200 answer and 3 bytes of its body/,
  ],
  ['a close before the body ends', (socket: Socket) => socket.end(`${HEAD}content-length: 100\r\n\r\n{"a`), 'UND_ERR_SOCKET', /the target closed the connection after the head of a 200 answer and 3 bytes of its body/],
] as const)('a target answering %s', (_name, answer, code, words) => {
  it('is reported in words: on the one line, and in the report', async () => {
    const dir = workDir();
    const server = await rawServer(answer);
    const report = join(dir, 'report.json');
    const run = await sentinel(runArgs(writeSpec(dir), server.url, '--report', `json=${report}`));
    expect(run.stderr).not.toMatch(/internal error|ERR_TRANSPORT/);
    expect(run.code).toBe(2);
    const lines = errorLines(run).filter((line) => !line.includes('planned'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sentinel: no response from http:\/\/127\.0\.0\.1:\d+: all \d+ requests failed \(/);
    expect(lines[0]).toContain(`(${code}: `);
    expect(lines[0]).toMatch(words);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.summary.notes.join('\n')).toContain(`${code} ×`);
    expect(json.summary.notes.join('\n')).toMatch(words);
  });
});
