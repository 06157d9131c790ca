// --insecure: a target with a self-signed certificate is refused by default (with the way around it named)
// and tested when asked, by the probe, the run's HTTP client and the load engine alike.
// test/fixtures/tls holds a self-signed certificate for 127.0.0.1 made with
// `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1,DNS:localhost`;
// it protects nothing and is only ever served on loopback by tests.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/execution/http-client.js';
import { runLoad } from '../../src/execution/load/run-load.js';
import { isCertificateError } from '../../src/core/errors.js';
import { probeFailure, probeTarget } from '../../src/execution/probe.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer({ key: fixture('self-signed.key'), cert: fixture('self-signed.crt') }, (_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('a self-signed target', () => {
  it('fails the probe with a certificate code and a hint, unless insecure', async () => {
    const refused = await probeTarget(base, 2000);
    expect(refused.ok).toBe(false);
    const code = refused.ok ? '' : refused.code;
    expect(isCertificateError(code)).toBe(true);
    expect(probeFailure(base, code)).toMatch(/not trusted; --insecure skips verification/);
    expect(await probeTarget(base, 2000, true)).toEqual({ ok: true });
    expect(probeFailure(base, 'ECONNREFUSED')).toBe(`cannot connect to ${base}: ECONNREFUSED`);
  });

  it('is a transport error for the run client, and answered with insecure', async () => {
    const strict = createHttpClient({ timeoutMs: 2000, connections: 1, retries: 0 });
    const failed = await strict.send('strict', { method: 'GET', url: `${base}/items`, headers: {} });
    await strict.close();
    expect(failed.response).toBeUndefined();
    expect(isCertificateError(failed.error!.code)).toBe(true);

    const lenient = createHttpClient({ timeoutMs: 2000, connections: 1, insecure: true });
    const answered = await lenient.send('lenient', { method: 'GET', url: `${base}/items`, headers: {} });
    await lenient.close();
    expect(answered.response?.status).toBe(200);
    expect(answered.response?.json).toEqual({ ok: true });
  });

  it('is loaded by the engine only with insecure', async () => {
    const plan = (insecure: boolean) => ({
      model: 'closed' as const,
      stages: [{ name: 'steady', durationMs: 600, target: 2 }],
      mix: [{ operation: 'GET /items', weight: 1, requests: [{ method: 'GET', url: `${base}/items`, headers: {}, operation: 'GET /items' }] }],
      connections: 2,
      timeoutMs: 2000,
      seed: 1,
      workers: 1,
      insecure,
    });
    const strict = await runLoad(plan(false));
    expect(strict.overall.statusClasses['2xx'] ?? 0).toBe(0);
    expect(Object.keys(strict.overall.transportErrors).some(isCertificateError)).toBe(true);
    const lenient = await runLoad(plan(true));
    expect(lenient.overall.statusClasses['2xx']).toBeGreaterThan(0);
    expect(lenient.overall.errors).toBe(0);
  });
});
