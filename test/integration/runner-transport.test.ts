// The runner against a real local server: timeouts, resets, refused connections, body caps, retries,
// correlation ids and the concurrency bound. Nothing here may hang: every failure mode has a deadline.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/execution/http-client.js';
import { probeTarget } from '../../src/execution/probe.js';
import { createRateLimiter } from '../../src/execution/rate-limiter.js';

let server: Server;
let base: string;
// Port 1 on loopback: below the ephemeral range, so no test server on this machine can be given it
// while we count on it being closed (a port freed by a test server may be handed to another at once).
const closedPort = 1;
const seen: IncomingMessage[] = [];
let resetCount = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    if (req.url === '/slow') {
      const timer = setTimeout(() => res.end('late'), 5000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (req.url === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      const timer = setTimeout(() => res.end('late'), 5000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (req.url === '/reset') {
      resetCount += 1;
      req.socket.destroy();
      return;
    }
    if (req.url === '/gzip' || req.url === '/br') {
      const json = Buffer.from(JSON.stringify({ compressed: true }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': req.url === '/gzip' ? 'gzip' : 'br' });
      res.end(req.url === '/gzip' ? gzipSync(json) : brotliCompressSync(json));
      return;
    }
    if (req.url === '/not-gzip') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end('plain after all');
      return;
    }
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: 'x'.repeat(10_000) }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], 'x-multi': ['1', '2'] });
    res.end(JSON.stringify({ ok: true, method: req.method }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('http client', () => {
  it('records a response with headers as the contract says, and an X-Correlation-ID', async () => {
    const client = createHttpClient({ timeoutMs: 2000, connections: 2 });
    const exchange = await client.send('c1', { method: 'POST', url: `${base}/ok`, headers: { 'content-type': 'application/json' }, body: '{}' });
    await client.close();
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.json).toEqual({ ok: true, method: 'POST' });
    expect(exchange.response?.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(exchange.response?.headers['x-multi']).toBe('1, 2');
    expect(exchange.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(exchange.request.headers['x-correlation-id']).toBe(exchange.correlationId);
    expect(seen.at(-1)?.headers['x-correlation-id']).toBe(exchange.correlationId);
    expect(exchange.caseId).toBe('c1');
  });

  it.each([
    ['headers never come', '/slow'],
    ['the body stalls', '/slow-body'],
  ])('times out when %s, within the deadline', async (_name, path) => {
    const client = createHttpClient({ timeoutMs: 300, connections: 1 });
    const exchange = await client.send('slow', { method: 'GET', url: `${base}${path}`, headers: {} });
    await client.close();
    expect(exchange.error?.code).toBe('timeout');
    expect(exchange.retries).toBe(0);
    expect(exchange.durationMs).toBeLessThan(2000);
  });

  it('retries a reset connection a bounded number of times, then records the error', async () => {
    const before = resetCount;
    const client = createHttpClient({ timeoutMs: 2000, connections: 1, retries: 2, retryDelayMs: 10 });
    const exchange = await client.send('reset', { method: 'GET', url: `${base}/reset`, headers: {} });
    await client.close();
    expect(exchange.response).toBeUndefined();
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(exchange.error?.code);
    expect(exchange.retries).toBe(2);
    expect(resetCount - before).toBe(3);
  });

  it('records a refused connection after its retries', async () => {
    const client = createHttpClient({ timeoutMs: 2000, connections: 1, retries: 1, retryDelayMs: 10 });
    const exchange = await client.send('closed', { method: 'GET', url: `http://127.0.0.1:${closedPort}/`, headers: {} });
    await client.close();
    expect(exchange.error?.code).toBe('ECONNREFUSED');
    expect(exchange.retries).toBe(1);
  });

  it('cuts a body at the cap and says so', async () => {
    const client = createHttpClient({ timeoutMs: 2000, connections: 1, maxBodyBytes: 1000 });
    const exchange = await client.send('big', { method: 'GET', url: `${base}/big`, headers: {} });
    await client.close();
    expect(exchange.response?.truncated).toBe(true);
    expect(exchange.response?.body.length).toBe(1000);
    expect(exchange.response?.json).toBeUndefined();
  });

  it('holds requests to --rate-limit', async () => {
    const client = createHttpClient({ timeoutMs: 2000, connections: 4, rateLimiter: createRateLimiter(4) });
    const start = performance.now();
    const exchanges = await Promise.all(Array.from({ length: 6 }, (_, i) => client.send(`r${i}`, { method: 'GET', url: `${base}/ok`, headers: {} })));
    const elapsed = performance.now() - start;
    await client.close();
    // A burst of 4, then one token every 250 ms: the 6th request cannot start before 500 ms.
    expect(elapsed).toBeGreaterThanOrEqual(480);
    expect(exchanges.every((e) => e.response?.status === 200)).toBe(true);
  });

  it('does not count the rate limiter wait as response time', async () => {
    const slowGate = { acquire: () => new Promise<void>((resolve) => setTimeout(resolve, 1500)) };
    const client = createHttpClient({ timeoutMs: 5000, connections: 1, rateLimiter: slowGate });
    const exchange = await client.send('gate', { method: 'GET', url: `${base}/ok`, headers: {} });
    await client.close();
    expect(exchange.response?.status).toBe(200);
    expect(exchange.durationMs).toBeLessThan(1500);
  });

  it.each([
    ['/gzip', { compressed: true }, '{"compressed":true}'],
    ['/br', { compressed: true }, '{"compressed":true}'],
    ['/not-gzip', undefined, 'plain after all'],
  ])('decodes a body the server compressed unasked (%s)', async (path, json, text) => {
    const client = createHttpClient({ timeoutMs: 2000, connections: 1 });
    const exchange = await client.send('z', { method: 'GET', url: `${base}${path}`, headers: {} });
    await client.close();
    expect(exchange.response?.body).toBe(text);
    expect(exchange.response?.json).toEqual(json);
  });

  it('an invalid request is a recorded error, not a crash', async () => {
    const client = createHttpClient({ timeoutMs: 2000, connections: 1 });
    const exchange = await client.send('bad', { method: 'GET', url: `${base}/ok`, headers: { 'x-bad': 'a\nb' } });
    await client.close();
    expect(exchange.response).toBeUndefined();
    expect(exchange.error?.code).toBeTruthy();
  });
});

describe('probe', () => {
  it('tells a listening port from a closed one', async () => {
    expect(await probeTarget(base, 1000)).toEqual({ ok: true });
    expect(await probeTarget(`http://127.0.0.1:${closedPort}`, 1000)).toEqual({ ok: false, code: 'ECONNREFUSED' });
  });
});

