// The engine end to end against a real local server, with hand-written plans so each behaviour is pinned:
// concurrency bound, identities on the wire, scenario extraction, shrinking, transport errors, events.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario, TestPlan } from '../../src/core/test-case.js';
import { executePlan, type EngineOptions } from '../../src/execution/run/execute-plan.js';
import type { RunEvent } from '../../src/core/events.js';
import { loadSpec } from '../../src/spec/load.js';
import type { ApiModel } from '../../src/spec/model.js';
import { engineOptions, testCase } from '../support/engine-fixtures.js';

const SPEC = `
openapi: 3.0.3
info: { title: engine test, version: '1' }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
security: [ { bearer: [] } ]
paths:
  /busy:
    get:
      responses: { '200': { description: ok } }
  /slow:
    get:
      responses: { '200': { description: ok } }
  /whoami:
    get:
      responses: { '200': { description: ok } }
  /items:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [name], properties: { name: { type: string }, color: { type: string }, size: { type: integer } } }
      parameters:
        - { name: verbose, in: query, schema: { type: boolean } }
      responses:
        '201': { description: created, content: { application/json: { schema: { type: object } } } }
  /items/{id}:
    get:
      parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
        '404': { description: gone }
`;

let server: Server;
let base: string;
let model: ApiModel;
let inFlight = 0;
let maxInFlight = 0;
const items = new Map<number, unknown>();
const authSeen: (string | undefined)[] = [];

beforeAll(async () => {
  model = await loadSpec('-', { stdin: SPEC });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/busy') {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        // Long enough that all three first requests are in flight together even on a busy machine.
        setTimeout(() => {
          inFlight -= 1;
          res.end();
        }, 60);
        return;
      }
      if (url.pathname === '/slow') return; // never answers: the run's timeout must end it
      if (url.pathname === '/whoami') {
        authSeen.push(req.headers.authorization);
        res.end();
        return;
      }
      if (url.pathname === '/items' && req.method === 'POST') {
        const value = JSON.parse(body) as Record<string, unknown>;
        // Seeded defect: any item with a color crashes the server.
        if (value.color !== undefined) {
          res.writeHead(500);
          res.end('color column missing');
          return;
        }
        const id = items.size + 1;
        items.set(id, value);
        res.writeHead(201, { 'content-type': 'application/json', location: `/items/${id}` });
        res.end(JSON.stringify({ id, ...value }));
        return;
      }
      const match = /^\/items\/(\d+)$/.exec(url.pathname);
      if (match && items.has(Number(match[1]))) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(items.get(Number(match[1]))));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});


function options(plan: Partial<TestPlan>, extra: Partial<EngineOptions> = {}): EngineOptions {
  return engineOptions(model, base, plan, extra);
}

describe('engine', () => {
  it('never has more requests in flight than --concurrency', async () => {
    maxInFlight = 0;
    const cases = Array.from({ length: 24 }, (_, i) => testCase(`b${i}`, 'GET /busy'));
    const { result } = await executePlan(options({ cases }, { concurrency: 3 }));
    expect(result.summary.requests).toBe(24);
    expect(maxInFlight).toBe(3);
  });

  it('sends each identity its own credentials, none for identity null, the override verbatim', async () => {
    authSeen.length = 0;
    const cases = [
      testCase('d', 'GET /whoami'),
      testCase('b', 'GET /whoami', { identity: 'bob' }),
      testCase('n', 'GET /whoami', { identity: null }),
      testCase('o', 'GET /whoami', { authOverride: { Authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } }),
    ];
    await executePlan(options({ cases }, { concurrency: 1 }));
    expect(authSeen).toEqual(['Bearer DEFAULT', 'Bearer BOB', undefined, 'Bearer eyJhbGciOiJub25lIn0.e30.']);
  });

  it('records a target that never answers as transport errors, says so, and finishes', async () => {
    const cases = Array.from({ length: 3 }, (_, i) => testCase(`s${i}`, 'GET /slow'));
    const events: RunEvent[] = [];
    const { result, transportErrorsByCode } = await executePlan(options({ cases }, { timeoutMs: 200, onEvent: (e) => events.push(e) }));
    expect(result.summary.transportErrors).toBe(3);
    expect(transportErrorsByCode).toEqual({ timeout: 3 });
    expect(result.summary.notes).toContain('3 of 3 requests got no response (timeout ×3)');
    expect(events.filter((e) => e.type === 'case.finished').map((e) => (e as { transportError?: string }).transportError)).toEqual(['timeout', 'timeout', 'timeout']);
  });

  it('stops sending to a target that has answered nothing at all, and says how much was not sent', async () => {
    const cases = Array.from({ length: 40 }, (_, i) => testCase(`dead${i}`, 'GET /slow'));
    const events: RunEvent[] = [];
    const { result } = await executePlan(options({ cases }, { concurrency: 4, timeoutMs: 150, onEvent: (e) => events.push(e) }));
    // Requests already in flight when the 16th failed still finish; nothing new starts after that.
    expect(result.summary.requests).toBeGreaterThanOrEqual(16);
    expect(result.summary.requests).toBeLessThan(16 + 4);
    expect(result.summary.notes.some((note) => /^stopped sending after \d+ requests without a single response: \d+ cases and scenarios were not sent$/.test(note))).toBe(true);
    expect(events.filter((e) => e.type === 'case.finished')).toHaveLength(40);
  });

  it('runs a scenario with extracted variables and judges each step', async () => {
    const scenario: Scenario = {
      id: 'life',
      agent: 'stateful',
      title: 'create then read',
      kind: 'lifecycle',
      operation: 'POST /items',
      checks: [],
      steps: [
        { case: testCase('create', 'POST /items', { body: { mediaType: 'application/json', value: { name: 'a' } } }), extract: { id: '$response.body#/id', where: '$response.header.Location' } },
        { case: testCase('read', 'GET /items/{id}', { pathParams: { id: '{{id}}' } }), extract: {} },
        { case: testCase('never', 'GET /items/{id}', { pathParams: { id: '{{missing}}' } }), extract: {} },
      ],
    };
    const events: RunEvent[] = [];
    const { result } = await executePlan(options({ scenarios: [scenario] }, { onEvent: (e) => events.push(e) }));
    const urls = events.flatMap((e) => (e.type === 'exchange' ? [`${e.exchange.request.method} ${new URL(e.exchange.request.url).pathname} ${e.exchange.response?.status}`] : []));
    expect(urls).toEqual(['POST /items 201', expect.stringMatching(/^GET \/items\/\d+ 200$/)]);
    expect(events.find((e) => e.type === 'scenario.finished')).toMatchObject({ scenarioId: 'life', steps: 2 });
    expect(result.summary.scenarios).toBe(1);
  });

  it('turns scenario check drafts into findings with every step and its curl line', async () => {
    const scenario = (id: string): Scenario => ({
      id,
      agent: 'stateful',
      title: id,
      kind: 'lifecycle',
      operation: 'POST /items',
      checks: ['always_resource'],
      steps: [
        { case: testCase(`${id}-create`, 'POST /items', { body: { mediaType: 'application/json', value: { name: id } } }), extract: { id: '$response.body#/id' } },
        { case: testCase(`${id}-read`, 'GET /items/{id}', { pathParams: { id: '{{id}}' } }), extract: {} },
      ],
    });
    const alwaysResource = {
      id: 'always_resource',
      severity: 'high' as const,
      description: 'test check: reports every scenario whose last step read a resource',
      run: ({ steps }: { steps: { exchange?: { response?: { status: number } } }[] }) =>
        steps.at(-1)?.exchange?.response?.status === 200 ? [{ title: 'resource read', message: 'm', cause: 'read-200' }] : [],
    };
    const { result } = await executePlan(options({ scenarios: [scenario('s1'), scenario('s2')] }, { checks: { exchangeChecks: [], scenarioChecks: [alwaysResource] } }));
    expect(result.findings).toHaveLength(1);
    const finding = result.findings[0]!;
    expect(finding).toMatchObject({ check: 'always_resource', operation: 'POST /items', count: 2, severity: 'high' });
    expect(finding.steps?.map((step) => [step.request.method, step.response?.status])).toEqual([
      ['POST', 201],
      ['GET', 200],
    ]);
    expect(finding.steps?.every((step) => step.curl.startsWith('curl '))).toBe(true);
    expect(finding.request.method).toBe('GET');
  });

  it('dedupes repeated failures and shrinks the evidence to the parts that matter', async () => {
    const cases = [
      testCase('c1', 'POST /items', { query: { verbose: true }, body: { mediaType: 'application/json', value: { name: 'a', color: 'red', size: 2 } } }, { expectation: 'accept' }),
      testCase('c2', 'POST /items', { body: { mediaType: 'application/json', value: { name: 'b', color: 'blue' } } }, { expectation: 'accept' }),
    ];
    const events: RunEvent[] = [];
    const { result } = await executePlan(options({ cases }, { concurrency: 1, onEvent: (e) => events.push(e) }));
    const serverErrors = result.findings.filter((f) => f.check === 'server_error');
    expect(serverErrors).toHaveLength(1);
    expect(serverErrors[0]!.count).toBe(2);
    expect(serverErrors[0]!.caseIds).toEqual(['c1', 'c2']);
    // verbose and size were dropped (the 500 persisted), color kept (without it the 500 goes away).
    expect(serverErrors[0]!.request.url).toBe(`${base}/items`);
    expect(JSON.parse(serverErrors[0]!.request.body!)).toEqual({ name: 'a', color: 'red' });
    expect(serverErrors[0]!.curl).toContain("--data-binary '{\"name\":\"a\",\"color\":\"red\"}'");
    expect(serverErrors[0]!.curl).not.toContain('DEFAULT');
    // Two cases, three shrink attempts, and the shrunk request sent once more: it fails again, so not flaky.
    expect(serverErrors[0]!.flaky).toBeUndefined();
    expect(result.summary.requests).toBe(2 + 3 + 1);
    expect(events.filter((e) => e.type === 'finding')).toHaveLength(result.findings.length);
    expect(events.at(-1)?.type).toBe('run.finished');
  });
});
