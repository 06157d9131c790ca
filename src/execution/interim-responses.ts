// HTTP lets a server send interim answers (1xx: 100 Continue, 103 Early Hints...) before the final one, and
// a client must skip those it did not ask for. undici's HTTP/1.1 parser destroys the connection on an
// unsolicited `100 Continue` ("bad response": it expects one only after sending `Expect: 100-continue`),
// so every request to such a server failed. The connector below wraps each socket undici opens: before
// the head of a final answer, it drops whole interim answers from what undici reads, and passes every
// other byte through untouched. Requests are never pipelined, so an answer starts only after a request
// head was written: that is when the filter looks again.
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';

/** undici's own connector (TLS, timeouts, keep-alive), with interim answers skipped on every socket. */
export function interimSkippingConnector(options: buildConnector.BuildOptions): buildConnector.connector {
  const connect = buildConnector(options);
  return (connectOptions, callback) =>
    connect(connectOptions, (...args) => {
      if (args[1]) skipInterimAnswers(args[1]);
      callback(...args);
    });
}

/** Longest interim head held while waiting for its end; a longer one goes to the parser, which refuses it. */
const MAX_INTERIM_HEAD_BYTES = 64 * 1024;
const PREFIX = Buffer.from('HTTP/');
const HEAD_END = Buffer.from('\r\n\r\n');
/** `POST /path HTTP/1.1\r\n`: how undici starts writing a request. */
const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.1\r\n/;

export function skipInterimAnswers(socket: Socket): void {
  /** True while the head of the next answer has not been passed on yet. */
  let awaitingHead = true;
  let held: Buffer | undefined;
  const read = socket.read.bind(socket);
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;

  socket.write = ((...args: unknown[]) => {
    if (!awaitingHead && typeof args[0] === 'string' && REQUEST_LINE.test(args[0])) awaitingHead = true;
    return write(...args);
  }) as Socket['write'];

  socket.read = ((size?: number) => {
    const chunk = read(size) as Buffer | null;
    if (!awaitingHead || chunk === null) return chunk;
    let pending = held === undefined ? chunk : Buffer.concat([held, chunk]);
    held = undefined;
    for (;;) {
      const prefix = Math.min(pending.length, PREFIX.length);
      // Not an HTTP status line: the parser says what is wrong with it.
      if (pending.subarray(0, prefix).compare(PREFIX, 0, prefix) !== 0) break;
      if (pending.length < 12) {
        held = pending;
        return null;
      }
      // `HTTP/1.1 103 ...`: the status code is at bytes 9 to 11.
      const status = pending.toString('latin1', 9, 12);
      if (!/^1\d\d$/.test(status) || status === '101') break;
      const end = pending.indexOf(HEAD_END);
      if (end < 0) {
        if (pending.length > MAX_INTERIM_HEAD_BYTES) break;
        held = pending;
        return null;
      }
      pending = pending.subarray(end + HEAD_END.length);
      if (pending.length === 0) return null;
    }
    awaitingHead = false;
    return pending;
  }) as Socket['read'];
}
