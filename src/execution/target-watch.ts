// Notices when the target goes away during a run. A server that dies after 20 requests left a run that
// sent 290 more into the void and exited 0; one that stopped answering cost the full timeout per request.
// After a streak of requests without an answer the target is probed once (one connection, one HEAD of
// the base URL): if it answers anything, the streak was the API's own doing (an operation that resets)
// and the run goes on; if not, the run is cut short and says when and how the target went away.
import { connect, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { Exchange } from '../core/exchange.js';

export interface TargetLoss {
  /** When the last answer came (or the run started, if none did). */
  lastAnswerAt: Date;
  /** When the probe found the target gone. */
  goneAt: Date;
  /** Requests answered before it went away. */
  answered: number;
  /** How it went away, in words: `it refuses connections (ECONNREFUSED)`... */
  how: string;
}

export interface TargetWatchOptions {
  baseUrl: string;
  /** Consecutive requests without an answer before the target is probed. */
  streak: number;
  probeTimeoutMs: number;
  insecure?: boolean;
  /** Swapped in by tests: resolves to undefined when the target answered, else how it failed. */
  probe?: () => Promise<string | undefined>;
}

export class TargetWatch {
  private failures = 0;
  private answered = 0;
  private lastAnswerAt = new Date();
  private probing: Promise<void> | undefined;
  private loss: TargetLoss | undefined;

  constructor(private readonly options: TargetWatchOptions) {}

  /** The target is gone: send nothing more. */
  get lost(): TargetLoss | undefined {
    return this.loss;
  }

  observe(exchange: Exchange): void {
    if (exchange.response !== undefined) {
      this.failures = 0;
      this.answered += 1;
      this.lastAnswerAt = new Date();
      return;
    }
    this.failures += 1;
    if (this.failures < this.options.streak || this.probing !== undefined || this.loss !== undefined) return;
    const probe = this.options.probe ?? (() => probeAnswer(this.options.baseUrl, this.options.probeTimeoutMs, this.options.insecure === true));
    this.probing = probe().then((how) => {
      this.probing = undefined;
      // An answer since the probe started, or to the probe itself: the target is there.
      if (how === undefined || this.failures === 0) {
        this.failures = 0;
        return;
      }
      this.loss = { lastAnswerAt: this.lastAnswerAt, goneAt: new Date(), answered: this.answered, how };
    });
  }

  /** Waits for a probe in progress, so the run's end reports what it found. */
  async settled(): Promise<void> {
    await this.probing;
  }
}

/** One line for the user: when and how the target went away, and what was not sent. */
export function describeLoss(baseUrl: string, loss: TargetLoss, notSent: number): string {
  const time = (date: Date) => date.toISOString().slice(11, 19);
  return (
    `${baseUrl} went away during the run: last answer at ${time(loss.lastAnswerAt)} UTC after ${loss.answered} answered requests, ` +
    `gone at ${time(loss.goneAt)} UTC: ${loss.how}; ${notSent} cases and scenarios were not sent`
  );
}

/** Undefined when anything that looks like an HTTP answer comes back; otherwise how it failed, in words. */
export function probeAnswer(baseUrl: string, timeoutMs: number, insecure: boolean): Promise<string | undefined> {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const port = url.port !== '' ? Number(url.port) : secure ? 443 : 80;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return new Promise((resolve) => {
    let connected = false;
    const socket: Socket = secure ? connectTls({ host, port, rejectUnauthorized: !insecure, ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }) }) : connect({ host, port });
    const finish = (how: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(how);
    };
    const timer = setTimeout(
      () => finish(connected ? `it accepts connections but answers nothing within ${timeoutMs} ms` : `connections to it time out (${timeoutMs} ms)`),
      timeoutMs,
    );
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      connected = true;
      socket.write(`HEAD ${url.pathname || '/'} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
    });
    socket.once('data', () => finish(undefined));
    socket.once('end', () => finish('it closes connections without answering'));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message;
      finish(connected ? `it resets connections without answering (${code})` : code === 'ECONNREFUSED' ? 'it refuses connections (ECONNREFUSED)' : `it cannot be reached (${code})`);
    });
  });
}
