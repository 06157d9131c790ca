// `sentinel perf` as users run it: the built CLI against a local server, short runs, exit codes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentinel as runCli } from '../support/cli.js';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { startExampleApi } from '../../examples/shop-api/app.mjs';

const directory = mkdtempSync(join(tmpdir(), 'sentinel-perf-e2e-'));
const spec = join(directory, 'pets.yaml');
let server: Server;
let baseUrl: string;
const hits: Record<string, number> = {};
let delayMs = 0;

writeFileSync(
  spec,
  `openapi: 3.0.3
info: { title: pets, version: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      responses: { "200": { description: ok } }
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [name], properties: { name: { type: string, minLength: 1 } } }
      responses: { "201": { description: created } }
  /pets/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer, minimum: 1 } }
      responses: { "200": { description: ok } }
`,
);

beforeAll(async () => {
  server = createServer((request, response) => {
    const key = `${request.method} ${request.url?.replace(/\/\d+$/, '/{id}')}`;
    hits[key] = (hits[key] ?? 0) + 1;
    request.resume();
    request.on('end', () => setTimeout(() => response.end('{"ok":true}'), delayMs));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(directory, { recursive: true, force: true });
});

const sentinel = (...args: string[]) => runCli(args);

describe('sentinel perf', () => {
  it('exits 0 when thresholds hold; writes the report, k6 and Locust scripts; GETs only by default', async () => {
    const report = join(directory, 'out', 'perf.json');
    const k6 = join(directory, 'out', 'load.mjs');
    const locust = join(directory, 'out', 'locustfile.py');
    const result = await sentinel(
      'perf', spec, '--base-url', baseUrl, '--duration', '2s', '--rate', '40/s', '--workers', '1',
      '--threshold', 'p99<5s', '--threshold', 'error_rate<1%', '--report', `json=${report}`, '--export', `k6=${k6}`, '--export', `locust=${locust}`,
    );
    expect(result.stderr).toContain('POST /pets: left out');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('pass  p99<5s');
    expect(result.stdout).toContain('result: passed');
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written.kind).toBe('sentinel-perf-report');
    expect(written.summary.requests).toBeGreaterThanOrEqual(76);
    expect(written.summary.requests).toBeLessThanOrEqual(81);
    expect(written.result.operations.map((stats: { operation: string }) => stats.operation)).toEqual(['GET /pets', 'GET /pets/{id}']);
    expect(hits['POST /api/pets']).toBeUndefined();
    expect(existsSync(k6) && existsSync(locust)).toBe(true);
  });

  it('exits 1 when a threshold is breached, and stops early with --abort-on-fail', async () => {
    const started = Date.now();
    const result = await sentinel('perf', spec, '--base-url', baseUrl, '--duration', '90s', '--rate', '40/s', '--workers', '1', '--threshold', 'p50<1us', '--abort-on-fail');
    const output = result.stdout + result.stderr;
    expect(output).toContain('FAIL  p50<1us');
    expect(output).toMatch(/stopped early after \d+\.\ds: threshold p50<1us breached/);
    expect(result.code).toBe(1);
    // Far less than the planned 90 s, even with a slow start on a shared machine.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('exits 1 on a regression against a baseline report, naming the statistical test', async () => {
    const baseline = join(directory, 'baseline.json');
    const common = ['perf', spec, '--base-url', baseUrl, '--duration', '5s', '--rate', '30/s', '--workers', '1'];
    expect((await sentinel(...common, '--report', `json=${baseline}`)).code).toBe(0);
    // A large slowdown: on a shared 2-core machine per-second p95 of a trivial server can reach hundreds of ms.
    delayMs = 1000;
    const slower = await sentinel(...common, '--baseline', baseline);
    delayMs = 0;
    expect(slower.code).toBe(1);
    expect(slower.stdout).toMatch(/REGRESSION {2}all operations: median per-second p95 [\d.]+ ms -> [\d.]+ ms \(Mann-Whitney U=/);
  }, 90_000);

  it('loads writes with --include-writes in the closed model', async () => {
    const before = hits['POST /api/pets'] ?? 0;
    const result = await sentinel('perf', spec, '--base-url', baseUrl, '--duration', '1s', '--vus', '2', '--workers', '1', '--include-writes');
    expect(result.code).toBe(0);
    expect((hits['POST /api/pets'] ?? 0) - before).toBeGreaterThan(0);
  });

  it.each([
    [['--threshold', 'p95<200'], "--threshold 'p95<200': a latency needs a unit"],
    [['--profile', 'burst'], "--profile 'burst': expected one of load, stress, spike, soak"],
    [['--duration', '5 minutes'], "--duration: invalid duration '5 minutes'"],
    [['--rate', '10/s', '--vus', '3'], '--rate and --vus are exclusive'],
    [['--baseline', '/nonexistent/base.json'], '--baseline /nonexistent/base.json: cannot read (ENOENT)'],
    [['--export', 'jmeter=x.jmx'], "--export 'jmeter=x.jmx': expected k6=PATH or locust=PATH"],
  ])('exits 2 with one line for %j', async (extra, message) => {
    const result = await sentinel('perf', spec, '--base-url', baseUrl, '--duration', '1s', ...extra);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n').filter((line) => line.startsWith('sentinel:'))).toEqual([expect.stringContaining(message)]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with one line when the target is dead', async () => {
    const result = await sentinel('perf', spec, '--base-url', 'http://127.0.0.1:1', '--duration', '1s');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sentinel: cannot connect to http://127.0.0.1:1: ECONNREFUSED');
  });
});

describe('sentinel perf with scenarios against the example shop', () => {
  const shopSpec = resolve('examples/shop-api/openapi.yaml');
  // The example's own config (its bearer token), with a perf section: writes, weights and a scenario of ours.
  const config = join(directory, 'shop.config.yaml');
  writeFileSync(
    config,
    toYaml({
      ...parseYaml(readFileSync(resolve('examples/shop-api/sentinel.config.yaml'), 'utf8')),
      perf: {
        includeWrites: true,
        duration: '2s',
        rate: 40,
        workers: 1,
        thresholds: ['error_rate<5%'],
        weights: { 'lifecycle /items': 15, 'scenario order a lamp': 15 },
        scenarios: [
          {
            name: 'order a lamp',
            steps: [
              // A variable inside a longer string: the reserved per-iteration value.
              { operation: 'createItem', body: { name: 'Lamp ${unique}', price: 20, category: 'tools' }, extract: { itemId: '$response.body#/id' } },
              { operation: 'POST /orders', body: { itemId: '${itemId}', quantity: 2 }, extract: { orderId: '$response.body#/id' } },
              { operation: 'getOrder' },
            ],
          },
        ],
      },
    }),
  );

  it('--include-writes plans a lifecycle per resource, runs it and the config scenario, and reports them', async () => {
    const api: { url: string; close: () => Promise<void> } = await startExampleApi({ defects: false });
    const report = join(directory, 'shop-perf.json');
    const k6 = join(directory, 'shop-k6.mjs');
    try {
      const result = await sentinel('perf', shopSpec, '--base-url', api.url, '--config', config, '--report', `json=${report}`, '--export', `k6=${k6}`);
      expect(result.stderr).toContain('note: DELETE /items/{itemId}: sent only within scenario lifecycle /items');
      expect(result.code, result.stdout + result.stderr).toBe(0);
    } finally {
      await api.close();
    }
    const written = JSON.parse(readFileSync(report, 'utf8'));
    const operations = written.operations as { operation: string; weight: number; steps?: string[] }[];
    expect(operations.find((entry) => entry.operation === 'scenario lifecycle /items')).toEqual({
      operation: 'scenario lifecycle /items',
      weight: 15,
      variants: 1,
      steps: ['POST /items', 'GET /items/{itemId}', 'PATCH /items/{itemId}', 'DELETE /items/{itemId}'],
    });
    expect(operations.find((entry) => entry.operation === 'scenario order a lamp')?.steps).toEqual(['POST /items', 'POST /orders', 'GET /orders/{orderId}']);
    expect(operations.some((entry) => entry.operation === 'DELETE /items/{itemId}')).toBe(false);
    // The ids flowed: the steps after the create answered 2xx, so every started iteration that ended completed.
    const scenarios = written.result.scenarios as { name: string; completed: number; failed: number; failures: Record<string, number> }[];
    for (const name of ['scenario lifecycle /items', 'scenario order a lamp']) {
      const stats = scenarios.find((entry) => entry.name === name)!;
      expect(stats.completed, name).toBeGreaterThan(0);
      expect(stats.failures, name).toEqual({});
    }
    const deletes = (written.result.operations as { operation: string; statusClasses?: Record<string, number>; requests: number }[]).find((entry) => entry.operation === 'DELETE /items/{itemId}');
    expect(deletes?.requests).toBeGreaterThan(0);
    expect(readFileSync(k6, 'utf8')).toContain('function runScenario(name, steps)');
    expect(readFileSync(k6, 'utf8')).toContain('Lamp __SENTINEL_unique__');
  }, 60_000);

  it('exits 2 with one line naming the config scenario and step', async () => {
    const broken = join(directory, 'broken.config.yaml');
    writeFileSync(broken, toYaml({ perf: { scenarios: [{ name: 'lamp', steps: [{ operation: 'getOrder', params: { orderId: '${orderId}' } }] }] } }));
    const result = await sentinel('perf', shopSpec, '--base-url', 'http://127.0.0.1:1', '--config', broken);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`sentinel: ${broken}: perf.scenarios: scenario "lamp" step 1: '\${orderId}' is used before a step extracts it`);
  });
});

describe('sentinel perf with credentials', () => {
  const secureSpec = join(directory, 'secure.yaml');
  writeFileSync(
    secureSpec,
    `openapi: 3.0.3
info: { title: secure, version: "1" }
security: [ { bearer: [] } ]
components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }
paths:
  /login:
    post:
      security: []
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "200": { description: ok } }
  /secure:
    get:
      responses: { "200": { description: ok }, "401": { description: no } }
`,
  );
  let secure: Server;
  let secureUrl: string;
  const seen: string[] = [];
  const logins: string[] = [];
  beforeAll(async () => {
    secure = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (request.url === '/login') {
          logins.push(body);
          response.setHeader('content-type', 'application/json');
          response.end('{"token":"t0k"}');
          return;
        }
        seen.push(request.headers.authorization ?? '');
        response.end('{}');
      });
    });
    await new Promise<void>((done) => secure.listen(0, '127.0.0.1', done));
    secureUrl = `http://127.0.0.1:${(secure.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    secure.closeAllConnections();
    await new Promise((done) => secure.close(done));
  });

  it('--bearer puts the token where the security scheme says', async () => {
    seen.length = 0;
    const result = await sentinel('perf', secureSpec, '--base-url', secureUrl, '--duration', '1s', '--rate', '10', '--workers', '1', '--bearer', 'abc');
    expect(result.code, result.stderr).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['Bearer abc']));
  });

  it("logs in with the config's auth.login once and loads with the token, at the config's rate and duration", async () => {
    seen.length = 0;
    logins.length = 0;
    const config = join(directory, 'secure.config.yaml');
    writeFileSync(
      config,
      toYaml({ baseUrl: secureUrl, auth: { login: { operation: 'POST /login', body: { user: 'u' }, token: '$response.body#/token' } }, perf: { duration: '1s', rate: '20/s', workers: 1 } }),
    );
    const result = await sentinel('perf', secureSpec, '--config', config);
    expect(result.code, result.stderr).toBe(0);
    expect(logins).toEqual(['{"user":"u"}']);
    expect(new Set(seen)).toEqual(new Set(['Bearer t0k']));
    expect(seen.length).toBeGreaterThanOrEqual(18);
    expect(seen.length).toBeLessThanOrEqual(21);
  });
});
