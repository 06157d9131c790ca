// The gateway serves the built web UI at `/`: its files, index.html for the app's own paths, and never
// for API paths (those stay problem+json 404s); built assets are cached for good, index.html never.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/server.js';

const INDEX = '<!doctype html><title>Sentinel</title><script type="module" src="/assets/app-1a2b.js"></script>';

async function gateway(webRoot: string): Promise<FastifyInstance> {
  const app = await createGateway({ bodyLimit: 1024, rateLimitPerMinute: 1000, loginRateLimitPerMinute: 5, authenticate: async () => undefined, isReady: async () => true, services: [], webRoot });
  await app.ready();
  return app;
}

describe('web UI from the gateway', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentinel-webroot-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets/app-1a2b.js'), 'console.log(1)');
    app = await gateway(root);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['/', '/runs/0b7e/findings/9c1d', '/specifications?q=shop'])('GET %s is the app', async (url) => {
    const answer = await app.inject({ method: 'GET', url });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toBe(INDEX);
    expect(answer.headers['cache-control']).toBe('no-cache');
    // The app's scripts come from the server itself; nothing inline, nothing from elsewhere.
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves built assets with a long cache', async () => {
    const answer = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toMatch(/immutable/);
  });

  it.each(['/api/v1/nope', '/api', '/docs/x'])('GET %s stays a problem+json 404', async (url) => {
    const answer = await app.inject({ method: 'GET', url });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('never leaves its folder', async () => {
    for (const url of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      const answer = await app.inject({ method: 'GET', url });
      expect(answer.body, url).not.toContain('root:');
      expect(answer.body, url).not.toContain('"name"');
    }
  });

  it('without a built UI, / is a 404 like any unknown path', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sentinel-webroot-'));
    const bare = await gateway(empty);
    expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
