// `sentinel run`'s stateful agent against an API whose create answers 201 with the new id only in a
// Location header (an absolute URL under a base path, the id percent-encoded). Unknown ids answer 404,
// so a broken chain shows; defects seeded behind the create are found only when the id flows.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { statefulAgent } from '../../src/agents/stateful/agent.js';
import { buildIdentities } from '../../src/execution/auth/identity.js';
import { runTests, type RunOutcome } from '../../src/orchestration/run-tests.js';
import { loadSpec } from '../../src/spec/load.js';
import type { ApiModel } from '../../src/spec/model.js';

const SPEC = `
openapi: 3.0.3
info: { title: location items, version: '1' }
paths:
  /items:
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/ItemInput' } } } }
      responses:
        '201': { description: created, headers: { Location: { required: true, schema: { type: string } } } }
        '400': { description: invalid }
  /items/{itemId}:
    parameters: [ { name: itemId, in: path, required: true, schema: { type: string } } ]
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        '404': { description: unknown }
        '500': { description: broken }
    put:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/ItemInput' } } } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        '400': { description: invalid }
        '404': { description: unknown }
    delete:
      responses:
        '204': { description: gone }
        '404': { description: unknown }
components:
  schemas:
    ItemInput:
      type: object
      additionalProperties: false
      required: [name, size]
      properties:
        name: { type: string, minLength: 1, maxLength: 20 }
        size: { type: integer, minimum: 1, maximum: 9 }
    Item:
      type: object
      required: [name, size]
      properties:
        name: { type: string }
        size: { type: integer }
`;

type Defect = 'none' | 'delete-keeps' | 'read-500' | 'location-elsewhere';

let server: Server;
let origin: string;
let model: ApiModel;
let defect: Defect = 'none';
const items = new Map<string, { name: string; size: number }>();
/** `METHOD decoded-id → status` of every request on an item. */
const log: string[] = [];
let created = 0;

function validInput(value: unknown): value is { name: string; size: number } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { name, size, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && typeof name === 'string' && name.length >= 1 && name.length <= 20 && Number.isInteger(size) && (size as number) >= 1 && (size as number) <= 9;
}

function reply(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

function handle(request: IncomingMessage, response: ServerResponse, text: string): void {
  const url = new URL(request.url!, origin);
  let input: unknown;
  try {
    input = text === '' ? undefined : JSON.parse(text);
  } catch {
    input = undefined;
  }
  if (url.pathname === '/api/v1/items' && request.method === 'POST') {
    if (!validInput(input)) return reply(response, 400);
    // An id that needs percent-encoding in a URL: the Location carries it encoded.
    const id = `it+em ${++created}`;
    items.set(id, input);
    const where = defect === 'location-elsewhere' ? `${origin}/api/v1/archive/${encodeURIComponent(id)}` : `${origin}/api/v1/items/${encodeURIComponent(id)}`;
    return reply(response, 201, undefined, { location: where });
  }
  const match = /^\/api\/v1\/items\/([^/]+)$/.exec(url.pathname);
  if (match === null) return reply(response, 404);
  const id = decodeURIComponent(match[1]!);
  const record = (status: number) => log.push(`${request.method} ${id} → ${status}`);
  const item = items.get(id);
  if (item === undefined) {
    record(404);
    return reply(response, 404);
  }
  if (request.method === 'GET') {
    if (defect === 'read-500') {
      record(500);
      return reply(response, 500, { error: 'boom' });
    }
    record(200);
    return reply(response, 200, item);
  }
  if (request.method === 'PUT') {
    if (!validInput(input)) {
      record(400);
      return reply(response, 400);
    }
    items.set(id, input);
    record(200);
    return reply(response, 200, input);
  }
  if (request.method === 'DELETE') {
    if (defect !== 'delete-keeps') items.delete(id);
    record(204);
    return reply(response, 204);
  }
  reply(response, 405);
}

beforeAll(async () => {
  model = await loadSpec('-', { stdin: SPEC });
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => handle(request, response, text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  items.clear();
  log.length = 0;
  created = 0;
});

function run(seeded: Defect): Promise<RunOutcome> {
  defect = seeded;
  return runTests({
    model,
    operations: model.operations,
    baseUrl: `${origin}/api/v1`,
    agents: [statefulAgent],
    seed: 5,
    maxExamples: 1,
    identities: buildIdentities({ headers: [], credentials: {}, identities: [] }, new Set()),
    concurrency: 1,
    timeoutMs: 2000,
  });
}

describe('a stateful run over Location-only creates', () => {
  it('plans the lifecycle with the id read from the Location, and the id reaches every later step', async () => {
    const { plan, result } = await run('none');
    const lifecycle = plan.scenarios.find((s) => s.kind === 'lifecycle')!;
    expect(lifecycle.steps[0]!.extract).toEqual({ item_id: '$response.header.Location#regex:/items/([^/?#]+)/?(?:[?#]|$)' });
    // Created ids are `it+em N`: the decoded id reached the server in every step, never a 404 for a made-up one.
    expect(log.filter((line) => line.startsWith('GET it+em 1') || line.startsWith('PUT it+em 1') || line.startsWith('DELETE it+em 1'))).toEqual([
      'GET it+em 1 → 200',
      'PUT it+em 1 → 200',
      'GET it+em 1 → 200',
      'DELETE it+em 1 → 204',
      'GET it+em 1 → 404',
    ]);
    expect(log.some((line) => /→ 404/.test(line) && !line.startsWith('GET it+em 1'))).toBe(false);
    expect(result.summary.notes.filter((note) => note.includes('without'))).toEqual([]);
    expect(result.findings.map((f) => `${f.check} ${f.operation}`)).toEqual([]);
  });

  it('finds an item still readable after DELETE, with a curl line per step carrying the created id', async () => {
    const { result } = await run('delete-keeps');
    const finding = result.findings.find((f) => f.check === 'use_after_free');
    expect(finding).toBeDefined();
    const curls = finding!.steps!.map((step) => step.curl);
    expect(curls[0]).toMatch(/-X POST \S+\/api\/v1\/items /);
    // Every later step addresses the id the Location gave, encoded again for the path.
    expect(curls.slice(1).every((curl) => curl.includes('/api/v1/items/it%2Bem%201'))).toBe(true);
    expect(curls.slice(1).length).toBe(5);
  });

  it('finds a read that fails (500) only for created items', async () => {
    const { result } = await run('read-500');
    const failures = result.findings.filter((f) => f.check === 'server_error' && f.operation === 'GET /items/{itemId}');
    expect(failures.length).toBe(1);
    expect(failures[0]!.request.url).toContain('/api/v1/items/it%2Bem%20');
  });

  it('a Location the pattern does not match leaves the later steps unsent, with a note saying why', async () => {
    const { result } = await run('location-elsewhere');
    expect(log).toEqual([]);
    const note = result.summary.notes.find((n) => n.includes('stateful:lifecycle:/items/{itemId}'));
    expect(note).toContain('POST /items answered 201 without item_id ($response.header.Location#regex:/items/([^/?#]+)/?(?:[?#]|$): http://127.0.0.1:');
    expect(note).toContain('/api/v1/archive/it%2Bem%201 does not match)');
  });
});
