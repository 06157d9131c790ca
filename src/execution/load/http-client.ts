// The load generator's HTTP side: one undici Pool per origin, no pipelining, driven through `dispatch`
// with a callback handler so a request costs no stream or promise objects (this is the hot path).
import { Pool, type Dispatcher } from 'undici';
import type { PreparedRequest } from './types.js';

/** A prepared request split once into what `dispatch` wants. */
export interface DispatchableRequest {
  operation: string;
  origin: string;
  options: Dispatcher.DispatchOptions;
}

/** status > 0 with bytes read, or status 0 with a transport error code. */
export type Completion = (status: number, bytes: number, errorCode?: string) => void;

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
        connectTimeout: this.timeoutMs,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      this.pools.set(origin, pool);
    }
    return pool;
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
