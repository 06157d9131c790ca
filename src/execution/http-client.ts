// Sends one request and records the exchange. An undici Pool per origin; a deadline over the whole
// exchange (headers and body); retries only when the connection itself failed; the body read up to a cap.
import { randomUUID } from 'node:crypto';
import { Pool, type Dispatcher } from 'undici';
import { BodyReader } from './body-reader.js';
import type { Exchange, ReceivedResponse, SentRequest, TransportError } from '../core/exchange.js';
import { interimSkippingConnector } from './interim-responses.js';
import { type RateLimiter, unlimited } from './rate-limiter.js';
import { toResponse } from './response.js';
import { toTransportError } from './transport-error.js';

export { toTransportError } from './transport-error.js';

export interface HttpClientOptions {
  /** Deadline for one attempt, from sending to the last body byte. */
  timeoutMs: number;
  /** Connections per origin; at least the run's concurrency so requests never queue inside undici. */
  connections: number;
  maxBodyBytes?: number;
  /** Extra attempts after a connection error (refused, reset). */
  retries?: number;
  /** First backoff; doubled on each retry. */
  retryDelayMs?: number;
  rateLimiter?: RateLimiter;
  /** Accept any TLS certificate (`--insecure`: self-signed test servers). */
  insecure?: boolean;
}

export interface HttpClient {
  send(caseId: string, request: SentRequest): Promise<Exchange>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Failures where the request most likely never reached the application, so sending again is safe. */
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const pools = new Map<string, Pool>();
  const limiter = options.rateLimiter ?? unlimited;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 50;

  function poolFor(origin: string): Pool {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(new URL(origin).origin, {
        connections: options.connections,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        connect: interimSkippingConnector({ timeout: options.timeoutMs, ...(options.insecure ? { rejectUnauthorized: false } : {}) }),
      });
      pools.set(origin, pool);
    }
    return pool;
  }

  /** Timed from after the rate limiter lets it go, so `--rate-limit` never looks like a slow API. */
  async function attempt(request: SentRequest): Promise<Outcome & { startedAt: number; durationMs: number }> {
    await limiter.acquire();
    const { origin, path } = splitUrl(request.url);
    const startedAt = Date.now();
    const start = performance.now();
    const outcome = await dispatchOnce(poolFor(origin), { path, method: request.method, headers: request.headers, body: request.body ?? null }, options.timeoutMs, maxBodyBytes);
    return { ...outcome, startedAt, durationMs: performance.now() - start };
  }

  return {
    async send(caseId, planned) {
      const correlationId = planned.headers['x-correlation-id'] ?? randomUUID();
      const request: SentRequest = { ...planned, headers: { ...planned.headers, 'x-correlation-id': correlationId } };
      let outcome = await attempt(request);
      let made = 0;
      while (outcome.error !== undefined && RETRYABLE.has(outcome.error.code) && made < retries) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** made));
        made += 1;
        outcome = await attempt(request);
      }
      // Timing is the last attempt's: the one whose response (or error) is recorded.
      const exchange: Exchange = { caseId, correlationId, request, startedAt: outcome.startedAt, durationMs: outcome.durationMs, retries: made };
      if (outcome.response !== undefined) exchange.response = outcome.response;
      if (outcome.error !== undefined) exchange.error = outcome.error;
      return exchange;
    },
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.destroy()));
      pools.clear();
    },
  };
}

type Outcome = { response?: ReceivedResponse; error?: TransportError };

/**
 * One attempt through undici's dispatch API: no stream or AbortController per request (they cost more
 * than the rest of the request path), the body capped as it arrives (decompressed bytes count against the
 * cap), one deadline over the whole exchange.
 */
function dispatchOnce(pool: Pool, options: Dispatcher.DispatchOptions, timeoutMs: number, cap: number): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    let ended = false;
    let controller: Dispatcher.DispatchController | undefined;
    let status = 0;
    let headers: Record<string, string | string[] | undefined> = {};
    let reader: BodyReader | undefined;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      settle({ error: { code: 'timeout', message: `no complete response within ${timeoutMs} ms` } });
      reader?.discard();
      controller?.abort(new Error('deadline'));
    }, timeoutMs);
    /** The body is complete, or cut at the cap: decoding may still have bytes to give. */
    const endBody = () => {
      if (ended) return;
      ended = true;
      void reader!.finish().then((body) => settle({ response: toResponse(status, headers, body.bytes, body.truncated) }));
    };
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // The deadline passed while the request waited for a connection.
        if (settled) started.abort(new Error('deadline'));
      },
      onResponseStart(current, statusCode, responseHeaders) {
        status = statusCode;
        headers = responseHeaders as Record<string, string | string[] | undefined>;
        const encoding = headers['content-encoding'];
        reader = new BodyReader(Array.isArray(encoding) ? encoding.join(',') : encoding, cap, () => {
          endBody();
          // Stop reading: a huge or endless body must not hold the run.
          current.abort(new Error('body cap'));
        });
      },
      onResponseData(_current, chunk) {
        reader!.push(chunk);
      },
      onResponseEnd() {
        endBody();
      },
      onResponseError(_controller, error) {
        if (!ended) reader?.discard();
        if (!ended) settle({ error: toTransportError(error, { status, bodyBytes: reader?.received ?? 0 }) });
      },
    };
    try {
      pool.dispatch(options, handler);
    } catch (error) {
      // Arguments undici refuses (a header value it cannot send) are this request's error, not the run's.
      settle({ error: toTransportError(error) });
    }
  });
}

/** `http://h:1/p?q` → origin and path, without a URL object per request. */
export function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0 ? { origin: url, path: '/' } : { origin: url.slice(0, slash), path: url.slice(slash) };
}
