// The load generator's HTTP side: one undici Pool per origin, no pipelining, driven through `dispatch`
// with a callback handler so a request costs no stream or promise objects (this is the hot path).
import { Pool, type Dispatcher } from 'undici';
import { interimSkippingConnector } from '../interim-responses.js';
import type { PreparedRequest } from './types.js';

/** A prepared request split once into what `dispatch` wants. */
export interface DispatchableRequest {
  operation: string;
  origin: string;
  options: Dispatcher.DispatchOptions;
}

/** status > 0 with bytes read, or status 0 with a transport error code. */
export type Completion = (status: number, bytes: number, errorCode?: string) => void;

/** What a scenario step needs kept of its answer (plain requests keep nothing). */
export interface CaptureSpec {
  body: boolean;
  /** Lower-cased names; the first value of each is kept. */
  headers: readonly string[];
  /** A longer body is not kept: `bodyOverflow` says so. */
  maxBodyBytes: number;
}

export interface Captured {
  /** UTF-8 text of the body, when the spec asked for it and it fit. */
  body?: string;
  bodyOverflow: boolean;
  headers: Record<string, string>;
}

export type CapturingCompletion = (status: number, bytes: number, errorCode: string | undefined, captured: Captured) => void;

export function toDispatchable(request: PreparedRequest): DispatchableRequest {
  const url = new URL(request.url);
  return {
    operation: request.operation,
    origin: url.origin,
    options: {
      path: `${url.pathname}${url.search}`,
      method: request.method.toUpperCase() as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body ?? null,
    },
  };
}

export class LoadClient {
  private readonly pools = new Map<string, Pool>();

  constructor(
    private readonly connections: number,
    private readonly timeoutMs: number,
    /** Accept any TLS certificate. */
    private readonly insecure = false,
  ) {}

  send(request: DispatchableRequest, done: Completion): void {
    let status = 0;
    let bytes = 0;
    let finished = false;
    const finish = (errorCode?: string) => {
      if (finished) return;
      finished = true;
      done(errorCode === undefined ? status : 0, bytes, errorCode);
    };
    try {
      // The callback-style handler: Pool.dispatch in undici 7 still asserts `onConnect` and friends.
      this.pool(request.origin).dispatch(request.options, {
        onConnect() {},
        onHeaders(statusCode) {
          status = statusCode;
          return true;
        },
        onData(chunk) {
          bytes += chunk.length;
          return true;
        },
        onComplete() {
          finish();
        },
        onError(error) {
          finish(errorCodeOf(error));
        },
      });
    } catch (error) {
      finish(errorCodeOf(error));
    }
  }

  /**
   * Like `send`, but keeps what `capture` asks for of the answer. A separate path so plain requests, the
   * hot path, pay nothing for it: no header decoding, no body chunks kept.
   */
  sendCapturing(request: DispatchableRequest, capture: CaptureSpec, done: CapturingCompletion): void {
    let status = 0;
    let bytes = 0;
    let finished = false;
    const chunks: Buffer[] = [];
    const captured: Captured = { bodyOverflow: false, headers: {} };
    const finish = (errorCode?: string) => {
      if (finished) return;
      finished = true;
      if (errorCode === undefined && capture.body && !captured.bodyOverflow) captured.body = Buffer.concat(chunks).toString('utf8');
      done(errorCode === undefined ? status : 0, bytes, errorCode, captured);
    };
    try {
      this.pool(request.origin).dispatch(request.options, {
        onConnect() {},
        onHeaders(statusCode, rawHeaders) {
          status = statusCode;
          if (capture.headers.length > 0) keepHeaders(rawHeaders, capture.headers, captured.headers);
          return true;
        },
        onData(chunk) {
          bytes += chunk.length;
          if (capture.body && !captured.bodyOverflow) {
            // Past the cap the rest is still read (the connection stays usable) but not kept.
            if (bytes > capture.maxBodyBytes) {
              captured.bodyOverflow = true;
              chunks.length = 0;
            } else {
              // A view of the socket's read buffer, which Node allocates per read and never reuses.
              chunks.push(chunk);
            }
          }
          return true;
        },
        onComplete() {
          finish();
        },
        onError(error) {
          finish(errorCodeOf(error));
        },
      });
    } catch (error) {
      finish(errorCodeOf(error));
    }
  }

  /** Fails whatever is queued or in flight and closes every socket; never waits on the target. */
  async destroy(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.destroy().catch(() => undefined)));
    this.pools.clear();
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.connections,
        pipelining: 1,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        connect: interimSkippingConnector({ timeout: this.timeoutMs, ...(this.insecure ? { rejectUnauthorized: false } : {}) }),
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

/** undici's raw headers alternate name and value; keeps the first value of each wanted (lower-cased) name. */
function keepHeaders(raw: Buffer[], wanted: readonly string[], into: Record<string, string>): void {
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!.toString('latin1').toLowerCase();
    if (wanted.includes(name) && !(name in into)) into[name] = raw[index + 1]!.toString('utf8');
  }
}

export function errorCodeOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && code !== '') return code;
    if (typeof name === 'string' && name !== '') return name;
  }
  return 'UNKNOWN';
}
