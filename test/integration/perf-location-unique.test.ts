// A lifecycle planned from a small OpenAPI description, run by the engine against an in-test API that
// answers a create with the new id only in a Location header (an absolute URL under a base path) and
// refuses a second account with the same email or username (409): the id must come out of the header,
// and each iteration must send fresh unique values, or iterations fail.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planPerf } from '../../src/perf/planner.js';
import { createValueGenerator } from '../../src/agents/data/values.js';
import { prepareMix } from '../../src/perf/plan/prepare-mix.js';
import { runLoad } from '../../src/execution/load/run-load.js';
import type { LoadPlan, MixEntry } from '../../src/execution/load/types.js';
import { loadSpec } from '../../src/spec/load.js';

const DESCRIPTION = `
openapi: 3.0.3
info: { title: accounts, version: '1' }
paths:
  /accounts:
    post:
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/AccountInput' } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
        '409': { description: taken }
  /accounts/{accountId}:
    parameters: [ { name: accountId, in: path, required: true, schema: { type: string } } ]
    get: { responses: { '200': { description: ok } } }
    put:
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/AccountInput' } } }
      responses: { '200': { description: ok }, '409': { description: taken } }
    delete: { responses: { '204': { description: gone } } }
components:
  schemas:
    AccountInput:
      type: object
      required: [email, profile]
      properties:
        email: { type: string, format: email }
        profile:
          type: object
          required: [username]
          properties:
            username: { type: string, minLength: 3, maxLength: 24 }
            bio: { type: string, maxLength: 40 }
`;

interface Account {
  email: string;
  username: string;
}
const accounts = new Map<string, Account>();
let nextId = 1;
/** Why requests were refused other than by a conflict: wrong ids, bad bodies. */
const refused: string[] = [];
let conflicts = 0;
let server: Server;
let origin = '';

function reply(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function accountOf(request: IncomingMessage): Promise<Account | undefined> {
  let text = '';
  for await (const chunk of request) text += chunk;
  try {
    const body = JSON.parse(text) as { email?: unknown; profile?: { username?: unknown } };
    if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(body.email)) return undefined;
    const username = body.profile?.username;
    if (typeof username !== 'string' || username.length < 3 || username.length > 24) return undefined;
    return { email: body.email, username };
  } catch {
    return undefined;
  }
}

/** Another account already holds this email or username. */
const taken = (account: Account, except?: string) =>
  [...accounts].some(([id, other]) => id !== except && (other.email === account.email || other.username === account.username));

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url!, 'http://local');
  const raw = /^\/api\/accounts\/([^/]+)$/.exec(pathname)?.[1];
  const id = raw === undefined ? undefined : decodeURIComponent(raw);
  if (request.method === 'POST' && pathname === '/api/accounts') {
    const account = await accountOf(request);
    if (account === undefined) return (refused.push('bad create body'), reply(response, 400));
    if (taken(account)) return (conflicts++, reply(response, 409, { error: 'taken' }));
    // An id that needs percent-encoding in a URL: the Location carries it encoded, the engine decodes it.
    const newId = `acc:${nextId++}`;
    accounts.set(newId, account);
    return reply(response, 201, undefined, { location: `${origin}/api/accounts/${encodeURIComponent(newId)}` });
  }
  if (id === undefined) return reply(response, 404);
  if (!accounts.has(id)) return (refused.push(`${request.method} ${pathname}`), reply(response, 404));
  if (request.method === 'GET') return reply(response, 200, { id, ...accounts.get(id) });
  if (request.method === 'PUT') {
    const account = await accountOf(request);
    if (account === undefined) return (refused.push('bad update body'), reply(response, 400));
    if (taken(account, id)) return (conflicts++, reply(response, 409, { error: 'taken' }));
    accounts.set(id, account);
    return reply(response, 200, { id, ...account });
  }
  if (request.method === 'DELETE') return (accounts.delete(id), reply(response, 204));
  reply(response, 405);
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  accounts.clear();
  refused.length = 0;
  conflicts = 0;
});

async function plannedLifecycle(): Promise<MixEntry> {
  const model = await loadSpec('-', { stdin: DESCRIPTION });
  const planned = planPerf(model, { profile: 'load', includeWrites: true, thresholds: [], seed: 5 }, createValueGenerator(model, 5));
  const mix = prepareMix(model, planned.mix, `${origin}/api`, { commonHeaders: {}, identities: [{ name: 'default', role: 'admin', headers: {}, credentials: {} }] });
  return mix.find((entry) => entry.operation === 'scenario lifecycle /accounts')!;
}

function plan(entry: MixEntry): LoadPlan {
  return { model: 'closed', stages: [{ name: 's', durationMs: 1000, target: 4 }], mix: [entry], connections: 4, timeoutMs: 2000, seed: 1, workers: 2 };
}

describe('a lifecycle over an API with Location-only ids and unique fields', () => {
  it('is planned with the id read from the Location and the unique value in email and username', async () => {
    const entry = await plannedLifecycle();
    expect(entry.scenario!.map((step) => step.operation)).toEqual(['POST /accounts', 'GET /accounts/{accountId}', 'PUT /accounts/{accountId}', 'DELETE /accounts/{accountId}']);
    expect(entry.scenario![0]!.extract).toEqual({ accountId: '$response.header.Location#regex:/accounts/([^/?#]+)/?(?:[?#]|$)' });
    for (const index of [0, 2]) {
      const body = JSON.parse(entry.scenario![index]!.request.body!) as { email: string; profile: { username: string } };
      expect(body.email).toBe('u__SENTINEL_unique__@example.com');
      expect(body.profile.username).toBe('__SENTINEL_unique__');
    }
    expect(entry.scenario![1]!.request.url).toBe(`${origin}/api/accounts/__SENTINEL_accountId__`);
  });

  it('runs in the engine over two workers with no failed iteration and no conflict', async () => {
    const result = await runLoad(plan(await plannedLifecycle()));
    const stats = result.scenarios!.find((scenario) => scenario.name === 'scenario lifecycle /accounts')!;
    expect(refused).toEqual([]);
    expect(conflicts).toBe(0);
    expect(stats.completed).toBeGreaterThan(20);
    expect(stats.failed).toBe(0);
    expect(stats.failures).toEqual({});
    // Every account created was deleted by its own iteration (at most one per user cut by the end).
    expect(accounts.size).toBeLessThanOrEqual(4);
  }, 30_000);

  it('without the unique value, iterations after the first conflict (409)', async () => {
    const entry = await plannedLifecycle();
    // What the plan would be with one generated body for every iteration.
    const fixed: MixEntry = {
      ...entry,
      scenario: entry.scenario!.map((step) => ({ ...step, request: { ...step.request, ...(step.request.body ? { body: step.request.body.replaceAll('__SENTINEL_unique__', 'same1') } : {}) } })),
    };
    const result = await runLoad(plan(fixed));
    const stats = result.scenarios!.find((scenario) => scenario.name === 'scenario lifecycle /accounts')!;
    expect(refused).toEqual([]);
    expect(conflicts).toBeGreaterThan(0);
    expect(stats.failed).toBeGreaterThan(0);
    expect(Object.keys(stats.failures).some((reason) => reason.endsWith('status 409'))).toBe(true);
  }, 30_000);
});
