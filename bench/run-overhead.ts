// Overhead of Sentinel's execution path against a bare undici loop, in the same process, against the
// same local server (a child process, so it does not share this event loop), with the same requests and
// concurrency. Goal: Sentinel ≥ 0.5× the bare loop's requests/second.
// Also: cases planned per second for GitHub's REST description (all operations, positive + negative).
//   npx tsx bench/run-overhead.ts [requests] [concurrency]
import { spawn } from 'node:child_process';
import { Pool } from 'undici';
import type { TestCase } from '../src/core/test-case.js';
import { buildIdentities, identityInfos } from '../src/execution/auth/identity.js';
import { createCheckRegistry } from '../src/execution/checks/registry.js';
import { prepareRequest } from '../src/execution/prepare.js';
import { negativeAgent } from '../src/agents/negative/agent.js';
import { positiveAgent } from '../src/agents/positive.js';
import { executePlan } from '../src/execution/run/execute-plan.js';
import { buildPlan } from '../src/orchestration/plan.js';
import { loadSpec } from '../src/spec/load.js';
import type { ApiModel } from '../src/spec/model.js';
import { createSchemaValidator } from '../src/spec/validator.js';
import { githubRestSpec } from '../test/support/real-specs.js';

const REQUESTS = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = Number(process.argv[3] ?? 8);
const ROUNDS = 5;
const GITHUB_SPEC = githubRestSpec();

const SPEC = `
openapi: 3.0.3
info: { title: bench, version: '1' }
paths:
  /pets/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer, minimum: 1 } }
        - { name: fields, in: query, schema: { type: string, enum: [all, short] } }
      responses:
        '200':
          description: a pet
          headers: { X-Request-Id: { schema: { type: string } } }
          content:
            application/json:
              schema:
                type: object
                required: [id, name, tags]
                properties:
                  id: { type: integer }
                  name: { type: string, maxLength: 50 }
                  tags: { type: array, items: { type: string } }
                  born: { type: string, format: date }
        '404': { description: not found }
`;

// The target: answers every pet with a small valid JSON document, as a real API would.
const SERVER = `
import http from 'node:http';
const server = http.createServer((req, res) => {
  const id = Number(req.url.split('/')[2].split('?')[0]);
  const body = JSON.stringify({ id, name: 'pet ' + id, tags: ['a', 'b'], born: '2020-01-02' });
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': String(id) });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startServer(): Promise<{ base: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

function cases(count: number): TestCase[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    agent: 'positive',
    operation: 'GET /pets/{id}',
    title: 'bench',
    expectation: 'accept',
    request: { method: 'get', pathParams: { id: (i % 1000) + 1 }, query: { fields: i % 2 === 0 ? 'all' : 'short' }, headers: {}, cookies: {} },
  }));
}

async function bareLoop(model: ApiModel, base: string, planned: TestCase[]): Promise<number> {
  const operation = model.operations[0]!;
  const identities = buildIdentities({ headers: [], credentials: {}, identities: [] }, new Set());
  const requests = planned.map((c) => prepareRequest(model, operation, c.request, base, identities));
  const pool = new Pool(base, { connections: CONCURRENCY });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const url = new URL(request.url);
        const response = await pool.request({ path: url.pathname + url.search, method: 'GET', headers: request.headers });
        await response.body.text();
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  return requests.length / seconds;
}

async function sentinelLoop(model: ApiModel, base: string, planned: TestCase[]): Promise<number> {
  const validator = createSchemaValidator(model);
  let events = 0;
  const start = performance.now();
  const { result } = await executePlan({
    model,
    operations: model.operations,
    plan: { seed: 1, cases: planned, scenarios: [], notes: [] },
    baseUrl: base,
    identities: buildIdentities({ headers: [], credentials: {}, identities: [] }, new Set()),
    concurrency: CONCURRENCY,
    timeoutMs: 10_000,
    checkOptions: {},
    checks: createCheckRegistry(),
    validate: (schema, value) => validator.validate(schema as never, value),
    onEvent: () => {
      events += 1;
    },
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.summary.findings > 0 || result.summary.transportErrors > 0) {
    throw new Error(`bench target should be clean: ${result.summary.findings} findings, ${result.summary.transportErrors} transport errors`);
  }
  if (events < planned.length) throw new Error('events missing');
  return planned.length / seconds;
}

async function planningRate(): Promise<void> {
  const model = await loadSpec(GITHUB_SPEC);
  const context = { seed: 1, maxExamples: 10, identities: identityInfos(buildIdentities({ headers: [], credentials: {}, identities: [] }, new Set())) };
  const start = performance.now();
  const plan = buildPlan(model, model.operations, [positiveAgent, negativeAgent], context);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `planning (GitHub REST, ${model.operations.length} operations, positive+negative, max-examples 10): ${plan.cases.length} cases in ${seconds.toFixed(2)} s = ${Math.round(plan.cases.length / seconds)} cases/s`,
  );
}

const server = await startServer();
try {
  const model = await loadSpec('-', { stdin: SPEC });
  const planned = cases(REQUESTS);
  // Warm-up: JIT, connections, compiled validators.
  await bareLoop(model, server.base, planned.slice(0, 2000));
  await sentinelLoop(model, server.base, planned.slice(0, 2000));
  const bare: number[] = [];
  const sentinel: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bare.push(await bareLoop(model, server.base, planned));
    sentinel.push(await sentinelLoop(model, server.base, planned));
  }
  // The machine is shared: rounds alternate, and each round's ratio pairs runs made seconds apart.
  const best = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratios = sentinel.map((rate, i) => rate / bare[i]!);
  console.log(`requests: ${REQUESTS} per round, concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds`);
  console.log(`bare undici loop:   best ${Math.round(best(bare))} req/s  (rounds: ${bare.map(Math.round).join(', ')})`);
  console.log(`sentinel executor:  best ${Math.round(best(sentinel))} req/s  (rounds: ${sentinel.map(Math.round).join(', ')})`);
  console.log(`ratio sentinel/bare: best-to-best ${(best(sentinel) / best(bare)).toFixed(2)}×, median of rounds ${median(ratios).toFixed(2)}× (goal ≥ 0.50×)`);
  await planningRate();
} finally {
  server.stop();
}
