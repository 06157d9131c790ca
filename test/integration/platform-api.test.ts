// The platform API on a real (embedded) database: bad input is a clear 4xx with nothing half-written,
// sessions rotate and detect reuse, API keys stay within their creator's role, credentials never come
// back, the audit log records writes and logins with their correlation IDs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { startExampleApi } from '../../examples/shop-api/app.mjs';
import { ADMIN_PASSWORD, removeDataDir, startTestPlatform, type TestPlatform } from '../support/platform.js';

const SPEC_TEXT = readFileSync(resolve(import.meta.dirname, '../../examples/shop-api/openapi.yaml'), 'utf8');

/** A small description whose one response schema is the given `$ref`. */
const withSchemaRef = (ref: string): string =>
  JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'hostile', version: '1' },
    paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } } } },
  });

/** A local server whose /slow never answers and /garbage answers bytes that are no description. */
async function startBadSpecServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/slow') return; // never answers
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"this is": not json at all');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}

describe('platform API on a real database', () => {
  let platform: TestPlatform;
  let admin = '';
  let bad: Awaited<ReturnType<typeof startBadSpecServer>>;

  beforeAll(async () => {
    platform = await startTestPlatform({ bodyLimit: 256 * 1024, specFetchTimeoutMs: 800 });
    admin = await platform.login('admin', ADMIN_PASSWORD);
    bad = await startBadSpecServer();
  }, 240_000);

  afterAll(async () => {
    await bad?.close();
    await platform?.stop();
    if (platform) removeDataDir(platform.dataDir);
  });

  it('accepts a description as a multipart file; the same name again is the next version', async () => {
    const boundary = 'sentinel-boundary';
    const form = (name: string) =>
      [`--${boundary}`, 'Content-Disposition: form-data; name="name"', '', name, `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="openapi.yaml"', 'Content-Type: application/yaml', '', SPEC_TEXT, `--${boundary}--`, ''].join('\r\n');
    const upload = () => platform.call('POST', '/api/v1/specifications', { token: admin, body: form('multipart shop'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const first = await upload();
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ name: 'multipart shop', version: 1, operationCount: 25 });
    const second = await upload();
    expect(second.json.version).toBe(2);
    const detail = await platform.call('GET', `/api/v1/specifications/${second.json.id}`, { token: admin });
    expect(detail.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const lint = await platform.call('GET', `/api/v1/specifications/${second.json.id}/lint`, { token: admin });
    expect(lint.json.score).toBeGreaterThan(0);
  });

  const specCount = async () => (await platform.call('GET', '/api/v1/specifications', { token: admin })).json.total as number;

  it('bad specification input is a clear 4xx and writes nothing', async () => {
    const before = await specCount();
    const cases: [string, unknown, number, RegExp][] = [
      ['malformed JSON', '{"content": ', 400, /JSON/],
      ['unknown field', { content: SPEC_TEXT, colour: 'red' }, 400, /colour/],
      ['oversized body', { content: 'x'.repeat(300 * 1024) }, 413, /limit/],
      ['URL that never answers', { url: `${bad.url}/slow` }, 424, /no answer|timed out/i],
      ['URL answering garbage', { url: `${bad.url}/garbage` }, 422, /JSON|YAML|description/],
      ['content that is no description', { content: 'just words' }, 422, /description/],
      ['description reading a server file', { content: withSchemaRef('file:///etc/passwd') }, 422, /local file .* refused/],
      ['description reading a file beside the server', { content: withSchemaRef('./secrets.yaml') }, 422, /local file .* refused/],
      ['description whose $ref names a metadata address', { content: withSchemaRef('http://169.254.169.254/latest/schema.json') }, 422, /outbound policy/],
      ['URL to a cloud metadata address', { url: 'http://169.254.169.254/latest/meta-data' }, 403, /denied/],
    ];
    for (const [name, body, status, detail] of cases) {
      const answer = await platform.call('POST', '/api/v1/specifications', { token: admin, body });
      expect(answer.status, `${name}: ${answer.text}`).toBe(status);
      expect(answer.headers['content-type'], name).toMatch(/^application\/problem\+json/);
      expect(answer.json.detail, name).toMatch(detail);
    }
    expect(await specCount()).toBe(before);
  });

  it('lists reject a limit above 200 and answer {items, total, page, limit}', async () => {
    expect((await platform.call('GET', '/api/v1/users?limit=201', { token: admin })).status).toBe(400);
    const page = await platform.call('GET', '/api/v1/users?limit=1&page=1', { token: admin });
    expect(page.json).toMatchObject({ page: 1, limit: 1, total: expect.any(Number), items: [expect.objectContaining({ username: 'admin' })] });
  });

  it('refresh rotates the token; presenting a rotated one revokes the whole family', async () => {
    const login = await platform.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.json).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const first = login.json.refreshToken;
    const rotated = await platform.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first } });
    expect(rotated.status).toBe(200);
    const second = rotated.json.refreshToken;
    expect(second).not.toBe(first);
    const reuse = await platform.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first } });
    expect(reuse.status).toBe(401);
    // The thief's reuse ended the legitimate session too.
    expect((await platform.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: second } })).status).toBe(401);
  });

  it('repeated wrong passwords lock the account for a while, even with the right one', async () => {
    await platform.call('POST', '/api/v1/users', { token: admin, body: { username: 'locked-out', password: 'right-password-123', role: 'viewer' } });
    for (let i = 0; i < 5; i++) expect((await platform.call('POST', '/api/v1/auth/login', { body: { username: 'locked-out', password: 'wrong-password' } })).status).toBe(401);
    const locked = await platform.call('POST', '/api/v1/auth/login', { body: { username: 'locked-out', password: 'right-password-123' } });
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('API keys: shown once, never above the creator, revocable', async () => {
    await platform.call('POST', '/api/v1/users', { token: admin, body: { username: 'mia-manager', password: 'manager-password-1', role: 'manager' } });
    const manager = await platform.login('mia-manager', 'manager-password-1');
    const above = await platform.call('POST', '/api/v1/api-keys', { token: manager, body: { name: 'too strong', role: 'admin' } });
    expect(above.status).toBe(403);
    const created = await platform.call('POST', '/api/v1/api-keys', { token: manager, body: { name: 'ci', role: 'viewer', expiresInDays: 30 } });
    expect(created.status).toBe(201);
    const key = created.json.key as string;
    const listed = await platform.call('GET', '/api/v1/api-keys', { token: manager });
    expect(listed.text).not.toContain(key);
    const me = await platform.call('GET', '/api/v1/auth/me', { apiKey: key });
    expect(me.json).toMatchObject({ kind: 'api-key', role: 'viewer', username: 'mia-manager' });
    expect((await platform.call('DELETE', `/api/v1/api-keys/${created.json.id}`, { token: manager })).status).toBe(204);
    expect((await platform.call('GET', '/api/v1/auth/me', { apiKey: key })).status).toBe(401);
  });

  it('run credentials are stored sealed and never returned; runs against denied targets are refused', async () => {
    const spec = await platform.call('POST', '/api/v1/specifications', { token: admin, body: { name: 'shop', content: SPEC_TEXT } });
    expect(spec.status).toBe(201);
    const denied = await platform.call('POST', '/api/v1/test-runs', { token: admin, body: { specificationId: spec.json.id, baseUrl: 'http://169.254.169.254/' } });
    expect(denied.status).toBe(403);
    // Nothing listens on port 9 of loopback: the run is accepted, then fails at its probe.
    const started = await platform.call('POST', '/api/v1/test-runs', {
      token: admin,
      body: { specificationId: spec.json.id, baseUrl: 'http://127.0.0.1:9', headers: { Authorization: 'Bearer very-secret-target-token' }, identities: [{ name: 'bob', role: 'user', headers: { 'X-Api-Key': 'bobs-secret-key-value' } }] },
    });
    expect(started.status).toBe(202);
    const runId = started.json.id;
    let run = await platform.call('GET', `/api/v1/test-runs/${runId}`, { token: admin });
    for (let i = 0; i < 100 && ['queued', 'running'].includes(run.json.status); i++) {
      await new Promise((done) => setTimeout(done, 100));
      run = await platform.call('GET', `/api/v1/test-runs/${runId}`, { token: admin });
    }
    expect(run.json.status).toBe('failed');
    expect(run.json.error).toMatch(/cannot connect/);
    expect(run.json.options.headerNames).toEqual(['Authorization']);
    const stored = await platform.platform.database.db.selectFrom('test_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('very-secret-target-token');
    for (const path of [`/api/v1/test-runs/${runId}`, '/api/v1/test-runs', `/api/v1/test-runs/${runId}/events`]) {
      const answer = await platform.call('GET', path, { token: admin });
      expect(answer.text).not.toContain('very-secret-target-token');
      expect(answer.text).not.toContain('bobs-secret-key-value');
    }
  });

  it('the audit log records writes and logins with who, where and the correlation ID', async () => {
    const created = await platform.call('POST', '/api/v1/users', { token: admin, body: { username: 'audited', password: 'audited-password-1', role: 'tester' }, headers: { 'x-correlation-id': 'audit-check-1' } });
    expect(created.status).toBe(201);
    const events = await platform.call('GET', '/api/v1/audit-events?correlationId=audit-check-1', { token: admin });
    expect(events.json.items).toEqual([expect.objectContaining({ action: 'user.create', actor: 'admin', targetId: created.json.id, address: expect.any(String) })]);
    const logins = await platform.call('GET', '/api/v1/audit-events?action=auth.login_failed', { token: admin });
    expect(logins.json.total).toBeGreaterThan(0);
  });

  it('the last admin can be neither demoted nor deleted', async () => {
    const me = await platform.call('GET', '/api/v1/auth/me', { token: admin });
    expect((await platform.call('PATCH', `/api/v1/users/${me.json.id}`, { token: admin, body: { role: 'viewer' } })).status).toBe(409);
    expect((await platform.call('DELETE', `/api/v1/users/${me.json.id}`, { token: admin })).status).toBe(409);
  });

  // Last: it stops the platform, as SIGTERM does, and opens the same data folder again.
  it('stopping cancels the run in flight (never left running); a restart finds it cancelled', async () => {
    const target: { url: string; close: () => Promise<void> } = await startExampleApi({ defects: true });
    try {
      const spec = await platform.call('POST', '/api/v1/specifications', { token: admin, body: { name: 'shop-for-stop', content: SPEC_TEXT } });
      const started = await platform.call('POST', '/api/v1/test-runs', { token: admin, body: { specificationId: spec.json.id, baseUrl: target.url, seed: 3, concurrency: 1 } });
      expect(started.status).toBe(202);
      const runId = started.json.id;
      let status = 'queued';
      for (let i = 0; i < 200 && status === 'queued'; i++) {
        await new Promise((done) => setTimeout(done, 50));
        status = (await platform.call('GET', `/api/v1/test-runs/${runId}`, { token: admin })).json.status;
      }
      expect(status).toBe('running');
      await platform.stop();
      platform = await startTestPlatform({}, platform.dataDir);
      admin = await platform.login('admin', ADMIN_PASSWORD);
      const run = await platform.call('GET', `/api/v1/test-runs/${runId}`, { token: admin });
      expect(run.json.status).toBe('cancelled');
      expect(run.json.finishedAt).not.toBeNull();
    } finally {
      await target.close();
    }
  }, 120_000);
});

