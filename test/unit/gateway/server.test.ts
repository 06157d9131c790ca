// The gateway's cross-cutting rules, on a gateway with one small service and an authenticator that
// knows two tokens: authentication and permission, problem+json, validation listing every problem,
// body limit, malformed JSON, rate limit headers and 429, correlation IDs, the OpenAPI document.
import type { FastifyPluginAsync } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import { createGateway } from '../../../src/gateway/server.js';

const PRINCIPALS: Record<string, Principal> = {
  'viewer-token': { kind: 'user', userId: '00000000-0000-4000-8000-000000000001', username: 'vera', role: 'viewer' },
  'tester-token': { kind: 'user', userId: '00000000-0000-4000-8000-000000000002', username: 'tom', role: 'tester' },
};

const notes: FastifyPluginAsync = async (app) => {
  app.get('/notes', { config: { permission: 'specifications:read' }, schema: { operationId: 'listNotes', summary: 'notes', response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } } } }, async () => ({ ok: true }));
  app.post<{ Body: { title: string; size: number } }>(
    '/notes',
    {
      config: { permission: 'specifications:create' },
      schema: {
        operationId: 'createNote',
        summary: 'create a note',
        body: { type: 'object', required: ['title', 'size'], additionalProperties: false, properties: { title: { type: 'string', maxLength: 5 }, size: { type: 'integer' } } },
        response: { 201: { type: 'object', properties: { title: { type: 'string' } } } },
      },
    },
    async (request, reply) => reply.code(201).send({ title: request.body.title }),
  );
};

describe('gateway', () => {
  let app: Awaited<ReturnType<typeof createGateway>>;

  beforeAll(async () => {
    app = await createGateway({
      bodyLimit: 1024,
      rateLimitPerMinute: 30,
      loginRateLimitPerMinute: 5,
      authenticate: async (token) => PRINCIPALS[token],
      isReady: async () => true,
      services: [notes],
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const call = (method: 'GET' | 'POST', token: string | undefined, payload?: string, headers: Record<string, string> = {}) =>
    app.inject({ method, url: '/api/v1/notes', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(payload !== undefined ? { payload } : {}) });

  it('401 without or with an unknown credential, 403 without the permission, problem+json', async () => {
    const anonymous = await call('GET', undefined);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await call('GET', 'nobody')).statusCode).toBe(401);
    expect((await call('GET', undefined, undefined, { authorization: 'Basic abc' })).statusCode).toBe(401);
    const forbidden = await call('POST', 'viewer-token', '{"title":"a","size":1}');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().detail).toContain('specifications:create');
    expect((await call('POST', 'tester-token', '{"title":"a","size":1}')).statusCode).toBe(201);
  });

  it('400 lists every problem, unknown fields included; malformed JSON is a 400; an oversized body a 413', async () => {
    const invalid = await call('POST', 'tester-token', JSON.stringify({ title: 'too long', extra: 1 }));
    expect(invalid.statusCode).toBe(400);
    const paths = invalid.json().errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['body/extra', 'body/size', 'body/title']);
    const malformed = await call('POST', 'tester-token', '{"title": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toMatch(/JSON/);
    const wrongType = await call('POST', 'tester-token', JSON.stringify({ title: 'a', size: '1' }));
    expect(wrongType.statusCode).toBe(400);
    const oversized = await call('POST', 'tester-token', JSON.stringify({ title: 'a', size: 1, pad: 'x'.repeat(2000) }));
    expect(oversized.statusCode).toBe(413);
    expect(oversized.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('echoes a given X-Correlation-ID and creates one otherwise', async () => {
    const given = await call('GET', undefined, undefined, { 'x-correlation-id': 'ci-build-42' });
    expect(given.headers['x-correlation-id']).toBe('ci-build-42');
    expect(given.json().correlationId).toBe('ci-build-42');
    const created = await call('GET', undefined, undefined, { 'x-correlation-id': 'bad value with spaces' });
    expect(created.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers RateLimit-* headers and 429 past the limit, per principal', async () => {
    const first = await call('GET', 'viewer-token');
    expect(first.headers['ratelimit-limit']).toBe('30');
    expect(Number(first.headers['ratelimit-remaining'])).toBeLessThan(30);
    let last = first;
    for (let i = 0; i < 31 && last.statusCode !== 429; i++) last = await call('GET', 'viewer-token');
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Another principal has its own budget.
    expect((await call('GET', 'tester-token')).statusCode).toBe(200);
  });

  it('publishes an OpenAPI 3.1 document of its routes, with their problems', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    const create = document.paths['/api/v1/notes'].post;
    expect(create.operationId).toBe('createNote');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '413', '429']));
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['title', 'size']);
    expect(document.paths['/health'].get.security).toEqual([]);
    const docs = await app.inject({ method: 'GET', url: '/docs' });
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.body).toContain('/api/v1/notes');
  });
});
