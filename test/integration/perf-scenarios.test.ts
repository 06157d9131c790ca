// Stateful scenarios in the load mix against a small in-test API that holds items: values extracted from
// one answer must reach the next request (the server refuses ids it never gave), failures end iterations.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../src/execution/load/run-load.js';
import type { LoadResult, OperationStats, ScenarioStats } from '../../src/execution/load/result.js';
import { scenarioMarker, type LoadPlan, type MixEntry, type ScenarioStep } from '../../src/execution/load/types.js';

const items = new Set<number>();
const tags = new Set<string>();
let nextId = 1;
/** Requests that carried a value the server never gave, or one of the wrong JSON type. */
const refused: string[] = [];

let server: Server;
let base = '';

function reply(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

function refuse(response: ServerResponse, why: string): void {
  refused.push(why);
  reply(response, 400, { error: why });
}

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url!, 'http://local');
  const itemId = /^\/items\/(\d+)$/.exec(pathname)?.[1];
  if (request.method === 'POST' && pathname === '/items') {
    const id = nextId++;
    items.add(id);
    return reply(response, 201, { id, name: (await bodyOf(request)).name }, { location: `/items/${id}` });
  }
  if (request.method === 'POST' && pathname === '/tags') {
    const tag = `t-${nextId++}`;
    tags.add(tag);
    return reply(response, 201, { data: { tag } });
  }
  if (request.method === 'GET' && itemId) return items.has(Number(itemId)) ? reply(response, 200, { id: Number(itemId) }) : refuse(response, `GET ${pathname}`);
  if (request.method === 'DELETE' && itemId) return items.delete(Number(itemId)) ? reply(response, 204) : refuse(response, `DELETE ${pathname}`);
  if (request.method === 'POST' && pathname === '/links') {
    const body = await bodyOf(request);
    if ('itemId' in body && (typeof body.itemId !== 'number' || !items.has(body.itemId) || body.note !== `for ${body.itemId}`)) return refuse(response, `link ${JSON.stringify(body)}`);
    if ('tag' in body && (typeof body.tag !== 'string' || !tags.has(body.tag))) return refuse(response, `link ${JSON.stringify(body)}`);
    return reply(response, 201, { ok: true });
  }
  if (request.method === 'GET' && pathname === '/follow') {
    const location = String(request.headers['x-follow']);
    return items.has(Number(/^\/items\/(\d+)$/.exec(location)?.[1])) ? reply(response, 200, { ok: true }) : refuse(response, `follow ${location}`);
  }
  // Over the 1 MiB an extraction may keep.
  if (request.method === 'GET' && pathname === '/big') return reply(response, 200, { id: 1, pad: 'x'.repeat(1_200_000) });
  if (request.method === 'GET' && pathname === '/health') return reply(response, 200, { ok: true });
  reply(response, 404, { error: 'not found' });
}

beforeAll(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const id = scenarioMarker('id');
const json = { 'content-type': 'application/json' };

function step(operation: string, url: string, extra: Partial<ScenarioStep['request']> = {}, extract?: Record<string, string>): ScenarioStep {
  const [method] = operation.split(' ');
  return { operation, request: { method: method!, url, headers: {}, operation, ...extra }, extract };
}

function scenario(name: string, weight: number, steps: ScenarioStep[]): MixEntry {
  return { operation: `scenario ${name}`, weight, requests: [], scenario: steps };
}

const createItem = (extract: Record<string, string> = { id: '$response.body#/id' }) =>
  step('POST /items', `${base}/items`, { body: '{"name":"load"}', headers: json }, extract);

const crud = () =>
  scenario('crud', 3, [createItem(), step('GET /items/{id}', `${base}/items/${id}`), step('DELETE /items/{id}', `${base}/items/${id}`)]);

function plan(overrides: Partial<LoadPlan>): LoadPlan {
  return { model: 'open', stages: [{ name: 's', durationMs: 1500, target: 150 }], mix: [crud()], connections: 8, timeoutMs: 2000, seed: 3, workers: 1, ...overrides };
}

const operation = (result: LoadResult, name: string): OperationStats | undefined => result.operations.find((stats) => stats.operation === name);
const scenarioStats = (result: LoadResult, name: string): ScenarioStats => result.scenarios!.find((stats) => stats.name === `scenario ${name}`)!;

/** Every answer of the operation was 2xx. */
function allOk(result: LoadResult, name: string): void {
  const stats = operation(result, name)!;
  expect(stats.requests, name).toBeGreaterThan(0);
  expect(stats.statusClasses['2xx'], name).toBe(stats.requests);
}

function expectCrudFlowed(result: LoadResult): void {
  const stats = scenarioStats(result, 'crud');
  expect(stats.completed).toBeGreaterThan(10);
  expect(stats.failed).toBe(0);
  expect(stats.skippedSteps).toBe(0);
  expect(stats.failures).toEqual({});
  expect(stats.iterations).toBe(stats.completed + stats.interrupted);
  for (const name of ['POST /items', 'GET /items/{id}', 'DELETE /items/{id}']) allOk(result, name);
  // An iteration completes exactly when its last step (the delete) is answered 2xx.
  expect(operation(result, 'DELETE /items/{id}')!.requests).toBe(stats.completed);
  expect(operation(result, 'GET /items/{id}')!.requests).toBeGreaterThanOrEqual(stats.completed);
  expect(stats.duration.count).toBe(stats.completed);
  expect(stats.duration.p50).toBeGreaterThan(0);
  // Steps are recorded as requests under their own operations, never under the scenario's name.
  expect(operation(result, 'scenario crud')).toBeUndefined();
}

describe('load scenarios against a stateful local API', () => {
  it('open model: values flow between steps, failures end iterations, every step recorded under its operation', async () => {
    refused.length = 0;
    const result = await runLoad(
      plan({
        workers: 2,
        mix: [
          crud(),
          { operation: 'GET /health', weight: 1, requests: [{ method: 'GET', url: `${base}/health`, headers: {}, operation: 'GET /health' }] },
          // A number extracted from JSON stays a number in a JSON body, and is text inside a longer string.
          scenario('links', 2, [createItem(), step('POST /links', `${base}/links`, { body: `{"itemId":"${id}","note":"for ${id}"}`, headers: json })]),
          // A string stays a string.
          scenario('tags', 2, [
            step('POST /tags', `${base}/tags`, {}, { tag: '$response.body#/data/tag' }),
            step('POST /links (tag)', `${base}/links`, { body: `{"tag":"${scenarioMarker('tag')}"}`, headers: json }),
          ]),
          scenario('located', 2, [
            createItem({ where: '$response.header.Location' }),
            step('GET /follow', `${base}/follow`, { headers: { 'x-follow': scenarioMarker('where') } }),
          ]),
          scenario('missing', 2, [createItem(), step('GET /missing/{id}', `${base}/missing/${id}`), step('DELETE /gone/{id}', `${base}/gone/${id}`)]),
          scenario('refused', 1, [createItem(), step('POST /refused', 'http://127.0.0.1:1/refused', { method: 'POST' }), step('GET /never', `${base}/health`)]),
          scenario('big', 1, [step('GET /big', `${base}/big`, {}, { id: '$response.body#/id' }), step('GET /items/{id} (after big)', `${base}/items/${id}`)]),
        ],
      }),
    );

    expect(refused).toEqual([]);
    expectCrudFlowed(result);
    allOk(result, 'GET /health');
    for (const name of ['links', 'tags', 'located']) {
      const stats = scenarioStats(result, name);
      expect(stats.completed, name).toBeGreaterThan(0);
      expect({ name, failed: stats.failed, skipped: stats.skippedSteps }).toEqual({ name, failed: 0, skipped: 0 });
    }
    for (const name of ['POST /links', 'POST /links (tag)', 'GET /follow']) allOk(result, name);

    const missing = scenarioStats(result, 'missing');
    expect(missing.completed).toBe(0);
    expect(missing.failed).toBeGreaterThan(0);
    expect(missing.failures).toEqual({ 'GET /missing/{id}: status 404': missing.failed });
    expect(missing.skippedSteps).toBe(missing.failed);
    expect(operation(result, 'GET /missing/{id}')!.statusClasses['4xx']).toBe(missing.failed);
    expect(operation(result, 'DELETE /gone/{id}')).toBeUndefined();

    const transport = scenarioStats(result, 'refused');
    expect(transport.failed).toBeGreaterThan(0);
    expect(transport.failures).toEqual({ 'POST /refused: ECONNREFUSED': transport.failed });
    expect(transport.skippedSteps).toBe(transport.failed);
    expect(operation(result, 'POST /refused')!.transportErrors.ECONNREFUSED).toBe(transport.failed);
    expect(operation(result, 'GET /never')).toBeUndefined();

    const big = scenarioStats(result, 'big');
    expect(big.failed).toBeGreaterThan(0);
    expect(big.failures).toEqual({ 'GET /big: id: body over 1048576 bytes': big.failed });
    expect(big.skippedSteps).toBe(big.failed);
    allOk(result, 'GET /big');
    // The whole body is still read (and counted), only not kept.
    expect(operation(result, 'GET /big')!.bytesReceived).toBeGreaterThan(1_200_000 * big.failed);
    expect(operation(result, 'GET /items/{id} (after big)')).toBeUndefined();

    // Every step is a request handed to the client: answered (in `overall`) or interrupted.
    expect(result.overall.requests + result.interrupted).toBe(result.sent);
    expect(result.scenarios!.map((stats) => stats.name).sort()).toEqual(
      ['big', 'crud', 'links', 'located', 'missing', 'refused', 'tags'].map((name) => `scenario ${name}`),
    );
  }, 30_000);

  it('closed model: each virtual user runs whole iterations, counts merged over workers', async () => {
    refused.length = 0;
    const result = await runLoad(plan({ model: 'closed', workers: 2, stages: [{ name: 's', durationMs: 1500, target: 4 }] }));
    expect(refused).toEqual([]);
    expectCrudFlowed(result);
    expect(result.scenarios).toHaveLength(1);
    // At most one iteration per user is cut by the end.
    expect(scenarioStats(result, 'crud').interrupted).toBeLessThanOrEqual(4);
  }, 30_000);

  it('a mix of scenarios only warms up and runs (no plain request to warm with)', async () => {
    const result = await runLoad(plan({ stages: [{ name: 's', durationMs: 500, target: 40 }] }));
    expect(scenarioStats(result, 'crud').completed).toBeGreaterThan(0);
    expect(result.histograms.operations['GET /items/{id}']).toBeDefined();
  }, 30_000);

  it('a plan whose step uses a value no earlier step gives is refused before any worker starts', async () => {
    const broken = scenario('broken', 1, [step('GET /items/{id}', `${base}/items/${id}`)]);
    await expect(runLoad(plan({ mix: [broken] }))).rejects.toThrow(/scenario broken" step 1 \(GET \/items\/\{id\}\): uses id, which no earlier step extracts/);
  });
});
