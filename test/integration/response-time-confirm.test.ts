// response_time confirms before it accuses: a slow answer to a request safe to repeat is measured twice
// more and reported only if the median is slow; an unsafe method keeps its single measurement and says so.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario, TestPlan } from '../../src/core/test-case.js';
import { executePlan, type EngineOptions } from '../../src/execution/run/execute-plan.js';
import type { RunEvent } from '../../src/core/events.js';
import { loadSpec } from '../../src/spec/load.js';
import type { ApiModel } from '../../src/spec/model.js';
import { engineOptions, testCase } from '../support/engine-fixtures.js';

const SPEC = `
openapi: 3.0.3
info: { title: response time confirmation, version: '1' }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
security: [ { bearer: [] } ]
paths:
  /flaky:
    get:
      parameters: [ { name: tag, in: query, schema: { type: string } } ]
      responses: { '200': { description: ok } }
  /slow:
    get:
      responses: { '200': { description: ok } }
  /orders:
    post:
      requestBody:
        content: { application/json: { schema: { type: object } } }
      responses: { '201': { description: created } }
`;

// Far apart on both sides of the limit: a fast answer is a few ms, even on a busy machine.
const LIMIT_MS = 250;
const SLOW_MS = 500;

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let base: string;
let model: ApiModel;
let received: Received[] = [];
const flakyTagsSeen = new Set<string>();

beforeAll(async () => {
  model = await loadSpec('-', { stdin: SPEC });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const url = new URL(req.url!, 'http://x');
      const answer = (status: number) => res.writeHead(status).end();
      if (url.pathname === '/flaky') {
        // Slow only on the first call for each tag: a GC pause, not a slow API.
        const tag = url.searchParams.get('tag') ?? '';
        const first = !flakyTagsSeen.has(tag);
        flakyTagsSeen.add(tag);
        if (first) setTimeout(() => answer(200), SLOW_MS);
        else answer(200);
        return;
      }
      if (url.pathname === '/slow') return void setTimeout(() => answer(200), SLOW_MS);
      if (url.pathname === '/orders') return void setTimeout(() => answer(201), SLOW_MS);
      answer(404);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  flakyTagsSeen.clear();
});


function options(plan: Partial<TestPlan>, onEvent?: (event: RunEvent) => void): EngineOptions {
  return engineOptions(model, base, plan, { concurrency: 1, timeoutMs: 5000, checkOptions: { maxResponseTimeMs: LIMIT_MS }, ...(onEvent === undefined ? {} : { onEvent }) });
}

const TIMING = String.raw`\d+ ms`;

describe('response_time confirmation by measuring again', () => {
  it('drops a slow answer that is fast when measured again, and notes it once per operation', async () => {
    const cases = [testCase('a', 'GET /flaky', { query: { tag: 'a' } }), testCase('b', 'GET /flaky', { query: { tag: 'b' } })];
    const { result } = await executePlan(options({ cases }));
    expect(result.findings.filter((finding) => finding.check === 'response_time')).toEqual([]);
    // Each case: the judged request and two repeats, counted in the run's totals.
    expect(received.map((r) => r.url)).toEqual(['/flaky?tag=a', '/flaky?tag=a', '/flaky?tag=a', '/flaky?tag=b', '/flaky?tag=b', '/flaky?tag=b']);
    expect(result.summary.requests).toBe(6);
    const notes = result.summary.notes.filter((note) => note.includes('not confirmed'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      new RegExp(String.raw`^GET /flaky: a slow answer was not confirmed when measured again \(${TIMING}, ${TIMING}, ${TIMING}\), so "Response slower than ${LIMIT_MS} ms" \(response_time\) is not reported$`),
    );
    const [first, ...repeats] = [...notes[0]!.matchAll(/(\d+) ms,?/g)].slice(0, 3).map((m) => Number(m[1]));
    expect(first).toBeGreaterThan(LIMIT_MS);
    for (const repeat of repeats) expect(repeat).toBeLessThanOrEqual(LIMIT_MS);
  });

  it('reports an answer slow every time, with its three measurements, the original exchange as evidence', async () => {
    const cases = [testCase('slow', 'GET /slow', { identity: 'bob' })];
    const events: RunEvent[] = [];
    const { result } = await executePlan(options({ cases }, (event) => events.push(event)));
    // Every measurement is an exchange of the run, and the case says it cost three requests.
    expect(events.filter((event) => event.type === 'exchange')).toHaveLength(3);
    expect(events.flatMap((event) => (event.type === 'case.finished' ? [event.requests] : []))).toEqual([3]);
    const findings = result.findings.filter((finding) => finding.check === 'response_time');
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    const measured = String.raw`${TIMING}, ${TIMING}, ${TIMING} \(median ${TIMING}, limit ${LIMIT_MS} ms\)`;
    expect(finding.message).toMatch(new RegExp(`^Measured 3 times: ${measured}\\.$`));
    expect(finding.evidence).toMatch(new RegExp(`^${measured}$`));
    expect(finding.count).toBe(1);
    // The same request three times, as the same identity; each repeat with its own correlation ID.
    expect(received).toHaveLength(3);
    expect(result.summary.requests).toBe(3);
    for (const request of received) {
      expect([request.method, request.url, request.headers.authorization, request.headers['x-tenant']]).toEqual(['GET', '/slow', 'Bearer BOB', 't1']);
    }
    const correlationIds = received.map((r) => r.headers['x-correlation-id']);
    expect(new Set(correlationIds).size).toBe(3);
    expect(finding.correlationId).toBe(correlationIds[0]);
    expect(result.summary.notes.filter((note) => note.includes('not confirmed'))).toEqual([]);
  });

  it('measures an operation again only until its slowness is confirmed: later slow answers join the finding', async () => {
    const cases = [testCase('one', 'GET /slow'), testCase('two', 'GET /slow'), testCase('three', 'GET /slow')];
    const { result } = await executePlan(options({ cases }));
    const findings = result.findings.filter((finding) => finding.check === 'response_time');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^Measured 3 times: /);
    expect(findings[0]!.count).toBe(3);
    // The first case and its two repeats, then one request for each later case.
    expect(received).toHaveLength(5);
    expect(result.summary.requests).toBe(5);
  });

  it('keeps the single measurement of a slow POST and says it is not safe to repeat', async () => {
    const cases = [testCase('order', 'POST /orders', { body: { mediaType: 'application/json', value: { item: 1 } } })];
    const { result } = await executePlan(options({ cases }));
    const findings = result.findings.filter((finding) => finding.check === 'response_time');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(new RegExp(`^The response took ${TIMING}, above the ${LIMIT_MS} ms limit \\(measured once: POST is not safe to repeat\\)\\.$`));
    expect(findings[0]!.evidence).toMatch(new RegExp(`^${TIMING}$`));
    expect(received.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual(['POST /orders {"item":1}']);
    expect(result.summary.requests).toBe(1);
  });

  it("measures a scenario step again before the scenario's next step is sent", async () => {
    const scenario: Scenario = {
      id: 'read-then-order',
      agent: 'stateful',
      title: 'read, then order',
      kind: 'lifecycle',
      operation: 'POST /orders',
      checks: [],
      steps: [
        { case: testCase('read', 'GET /flaky', { query: { tag: 'scenario' } }), extract: {} },
        { case: testCase('order', 'POST /orders', { body: { mediaType: 'application/json', value: { item: 2 } } }), extract: {} },
      ],
    };
    const { result } = await executePlan(options({ scenarios: [scenario] }));
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /flaky?tag=scenario', 'GET /flaky?tag=scenario', 'GET /flaky?tag=scenario', 'POST /orders']);
    expect(result.findings.map((finding) => `${finding.check} ${finding.operation}`)).toEqual(['response_time POST /orders']);
    expect(result.summary.notes.filter((note) => note.startsWith('GET /flaky: a slow answer was not confirmed'))).toHaveLength(1);
  });
});
