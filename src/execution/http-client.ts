// Sends one request and records the exchange. An undici Pool per origin; a deadline over the whole
// exchange (headers and body); retries only when the connection itself failed; the body read up to a cap.
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import type { Exchange, ReceivedResponse, SentRequest, TransportError } from './exchange.js';
import { type RateLimiter, unlimited } from './rate-limiter.js';

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
      pool = new Pool(origin, {
        connections: options.connections,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        connectTimeout: options.timeoutMs,
      });
      pools.set(origin, pool);
    }
    return pool;
  }

  async function attempt(request: SentRequest): Promise<{ response?: ReceivedResponse; error?: TransportError }> {
    await limiter.acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const url = new URL(request.url);
      const result = await poolFor(url.origin).request({
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
      const { text, truncated } = await readCapped(result.body, maxBodyBytes);
      return { response: toResponse(result.statusCode, result.headers, text, truncated) };
    } catch (error) {
      return { error: controller.signal.aborted ? { code: 'timeout', message: `no complete response within ${options.timeoutMs} ms` } : toTransportError(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async send(caseId, planned) {
      const correlationId = planned.headers['x-correlation-id'] ?? randomUUID();
      const request: SentRequest = { ...planned, headers: { ...planned.headers, 'x-correlation-id': correlationId } };
      const startedAt = Date.now();
      const start = performance.now();
      let outcome = await attempt(request);
      let made = 0;
      while (outcome.error !== undefined && RETRYABLE.has(outcome.error.code) && made < retries) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** made));
        made += 1;
        outcome = await attempt(request);
      }
      const exchange: Exchange = { caseId, correlationId, request, startedAt, durationMs: performance.now() - start, retries: made };
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

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }, cap: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size + chunk.length > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      // Stop reading: an endless or huge body must not hold the run.
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

function toResponse(status: number, raw: Record<string, string | string[] | undefined>, body: string, truncated: boolean): ReceivedResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    headers[key] = key === 'set-cookie' ? (Array.isArray(value) ? value : [value]) : Array.isArray(value) ? value.join(', ') : value;
  }
  const response: ReceivedResponse = { status, headers, body, truncated };
  const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'].toLowerCase() : '';
  if (!truncated && /[/+]json\b/.test(contentType) && body.length > 0) {
    try {
      response.json = JSON.parse(body);
    } catch {
      // Not JSON despite the header: the content-type and schema checks judge that from `body`.
    }
  }
  return response;
}

export function toTransportError(error: unknown): TransportError {
  const err = error as { code?: string; message?: string; cause?: { code?: string } };
  // undici reports a reset mid-request as UND_ERR_SOCKET; the OS code underneath says more.
  const code = err?.code === 'UND_ERR_SOCKET' && err.cause?.code ? err.cause.code : (err?.code ?? 'ERR_TRANSPORT');
  return { code, message: err?.message ?? String(error) };
}
