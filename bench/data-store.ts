// Results stored per second by the data service (redaction, batching, partitions, read-model counters)
// against a bare batched INSERT of the same exchanges into the same table, in the same run, on PGlite
// and, when DATABASE_URL or SENTINEL_TEST_DATABASE_URL is set, on PostgreSQL (in a database of its own,
// dropped afterwards). Goals: ≥ 2,800 results/s on PostgreSQL and ≥ 0.7× the bare loop. A second baseline,
// a bare loop of the service's own SQL (jsonb_to_recordset), shows what redaction and the counters cost.
//   npx tsx bench/data-store.ts [results] [batch]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type OpenDatabaseOptions } from '../src/data/index.js';
import type { Exchange } from '../src/core/exchange.js';

const RESULTS = Number(process.argv[2] ?? 20_000);
const BATCH = Number(process.argv[3] ?? 1_000);
const ROUNDS = 3;
const serverUrl = process.env.DATABASE_URL || process.env.SENTINEL_TEST_DATABASE_URL;

/** Exchanges shaped like a real run's: credentials in headers, small JSON bodies. */
function exchanges(count: number): Exchange[] {
  return Array.from({ length: count }, (_, i) => ({
    caseId: `case-${i % 500}`,
    correlationId: randomUUID(),
    request: {
      method: i % 3 === 0 ? 'POST' : 'GET',
      url: `http://127.0.0.1:8080/api/items/${i}?expand=owner`,
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.bench.token', accept: 'application/json', 'x-correlation-id': `c-${i}` },
      ...(i % 3 === 0 ? { body: JSON.stringify({ name: `item ${i}`, price: i * 1.5, tags: ['a', 'b'] }) } : {}),
    },
    response: {
      status: i % 50 === 0 ? 500 : 200,
      headers: { 'content-type': 'application/json', 'content-length': '96', date: new Date().toUTCString() },
      body: JSON.stringify({ id: i, name: `item ${i}`, owner: { id: 7, name: 'owner' }, tags: ['a', 'b'] }),
      truncated: false,
    },
    startedAt: Date.now(),
    durationMs: 2 + (i % 10),
    retries: 0,
  }));
}

const COLUMNS = ['run_id', 'case_id', 'correlation_id', 'method', 'url', 'status_code', 'error_code', 'duration_ms', 'retries', 'request', 'response', 'error', 'started_at', 'created_at'];

/** The baseline: one multi-row INSERT per batch with the values serialized, nothing else. */
async function bareLoop(database: Database, runId: string, items: Exchange[]): Promise<void> {
  const created = new Date().toISOString();
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((e) => {
      const values = [runId, e.caseId, e.correlationId, e.request.method, e.request.url, e.response?.status ?? null, null, e.durationMs, e.retries,
        JSON.stringify(e.request), e.response ? JSON.stringify(e.response) : null, null, new Date(e.startedAt).toISOString(), created];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await database.db.executeQuery(CompiledQuery.raw(`INSERT INTO test_results (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params));
  }
}

/** The same SQL as the data service (one JSON parameter per batch) without redaction or counters: its overhead alone. */
async function bareRecordsetLoop(database: Database, runId: string, items: Exchange[]): Promise<void> {
  const created = new Date().toISOString();
  for (let start = 0; start < items.length; start += BATCH) {
    const rows = items.slice(start, start + BATCH).map((e) => ({
      case_id: e.caseId, correlation_id: e.correlationId, method: e.request.method, url: e.request.url, status_code: e.response?.status ?? null,
      duration_ms: e.durationMs, retries: e.retries, request: e.request, response: e.response ?? null, started_at: new Date(e.startedAt).toISOString(),
    }));
    await database.db.executeQuery(CompiledQuery.raw(
      `INSERT INTO test_results (run_id, case_id, correlation_id, method, url, status_code, duration_ms, retries, request, response, started_at, created_at)
       SELECT $1, case_id, correlation_id, method, url, status_code, duration_ms, retries, request, response, started_at, $2
       FROM jsonb_to_recordset($3::jsonb) AS t(case_id text, correlation_id text, method text, url text, status_code integer,
         duration_ms double precision, retries integer, request jsonb, response jsonb, started_at timestamptz)`,
      [runId, created, JSON.stringify(rows)],
    ));
  }
}

async function sentinel(database: Database, runId: string, items: Exchange[]): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await database.results.insertResults(runId, items.slice(start, start + BATCH));
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return RESULTS / (Number(process.hrtime.bigint() - started) / 1e9);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(label: string, options: OpenDatabaseOptions): Promise<void> {
  const database = await openDatabase(options);
  try {
    const spec = await database.specifications.create({ name: 'bench', source: 'bench', rawDocument: '', normalizedDocument: {}, operationCount: 1 });
    const run = await database.runs.create({ specificationId: spec.id, specName: spec.name, specVersion: spec.version, baseUrl: 'http://127.0.0.1:8080' });
    await database.runs.transition(run.id, 'running');
    const items = exchanges(RESULTS);
    await sentinel(database, run.id, items.slice(0, BATCH)); // warm-up: JIT, plan cache, partition check
    await bareLoop(database, run.id, items.slice(0, BATCH));
    const bare: number[] = [];
    const sameSql: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bare.push(await timed(() => bareLoop(database, run.id, items)));
      sameSql.push(await timed(() => bareRecordsetLoop(database, run.id, items)));
      ours.push(await timed(() => sentinel(database, run.id, items)));
    }
    const rate = median(ours);
    const baseline = median(bare);
    const recordset = median(sameSql);
    const format = (n: number) => Math.round(n).toLocaleString('en-US').padStart(7);
    console.log(
      `${label.padEnd(10)} data service ${format(rate)} results/s   bare INSERT … VALUES loop ${format(baseline)} results/s   ratio ${(rate / baseline).toFixed(2)}×` +
        `   (bare loop of the service's SQL ${format(recordset)} results/s, ratio ${(rate / recordset).toFixed(2)}×)`,
    );
  } finally {
    await database.close();
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

console.log(`${RESULTS.toLocaleString('en-US')} results per round, batches of ${BATCH}, median of ${ROUNDS} rounds`);
const dataDir = await mkdtemp(join(tmpdir(), 'sentinel-bench-'));
try {
  await measure('PGlite', { dataDir });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
if (serverUrl) {
  const name = `sentinel_bench_${randomUUID().replaceAll('-', '')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await measure('PostgreSQL', { databaseUrl: url.toString() });
  } finally {
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL or SENTINEL_TEST_DATABASE_URL)');
}
