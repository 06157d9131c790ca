// What a run did: its planned cases, one execution row per case or scenario, and one result row per
// exchange (the high-volume, month-partitioned table). Exchanges are redacted here, before they are stored.
import { sql, type Kysely } from 'kysely';
import type { Exchange } from '../../core/exchange.js';
import { redactExchange } from '../../execution/redaction/redact.js';
import { pageWindow, toCount, type Page, type PageRequest } from '../pagination.js';
import type { ResultPartitions } from '../partitions.js';
import { bumpRunSummary } from '../run-summary.js';
import type { Schema } from '../schema.js';

export interface ExecutionInput {
  caseId: string;
  kind?: 'case' | 'scenario';
  operation?: string | null;
  agent?: string | null;
  requests: number;
  transportError?: string | null;
  finishedAt?: Date;
}

export interface CaseInput {
  caseId: string;
  kind?: 'case' | 'scenario';
  operation?: string | null;
  agent?: string | null;
  title?: string | null;
  /** The test case or scenario itself (plain data). */
  definition: unknown;
}

export interface StoredResult {
  id: string;
  runId: string;
  caseId: string;
  correlationId: string;
  method: string;
  url: string;
  statusCode: number | null;
  errorCode: string | null;
  durationMs: number;
  retries: number;
  request: unknown;
  response: unknown;
  error: unknown;
  startedAt: string;
  createdAt: string;
}

/** Rows per INSERT statement. */
export const RESULT_BATCH_ROWS = 1_000;

/**
 * Stores exchanges as result rows (redacted). A batch travels as one JSON parameter expanded by
 * jsonb_to_recordset: far fewer bind parameters than a multi-row VALUES, and the bodies are serialized once.
 * The month's partition must exist (ResultPartitions.ensureFor) before this runs.
 */
export async function insertResultRows(
  db: Kysely<Schema>,
  runId: string,
  exchanges: readonly Exchange[],
  secretNames: readonly string[] = [],
  createdAt: Date = new Date(),
): Promise<number> {
  if (exchanges.length === 0) return 0;
  const created = createdAt.toISOString();
  for (let start = 0; start < exchanges.length; start += RESULT_BATCH_ROWS) {
    const rows = exchanges.slice(start, start + RESULT_BATCH_ROWS).map((raw) => {
      const exchange = redactExchange(raw, secretNames);
      return {
        case_id: exchange.caseId,
        correlation_id: exchange.correlationId,
        method: exchange.request.method,
        url: exchange.request.url,
        status_code: exchange.response?.status ?? null,
        error_code: exchange.error?.code ?? null,
        duration_ms: exchange.durationMs,
        retries: exchange.retries,
        request: exchange.request,
        response: exchange.response ?? null,
        error: exchange.error ?? null,
        started_at: new Date(exchange.startedAt).toISOString(),
      };
    });
    await sql`
      INSERT INTO test_results (run_id, case_id, correlation_id, method, url, status_code, error_code, duration_ms, retries,
                                request, response, error, started_at, created_at)
      SELECT ${runId}, case_id, correlation_id, method, url, status_code, error_code, duration_ms, retries,
             request, response, error, started_at, ${created}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        case_id text, correlation_id text, method text, url text, status_code integer, error_code text,
        duration_ms double precision, retries integer, request jsonb, response jsonb, error jsonb, started_at timestamptz)`.execute(db);
  }
  await bumpRunSummary(db, runId, { requests: exchanges.length });
  return exchanges.length;
}

/** One row per finished case or scenario; a case already recorded is kept as it was. Returns rows added. */
export async function insertExecutionRows(db: Kysely<Schema>, runId: string, executions: readonly ExecutionInput[]): Promise<number> {
  if (executions.length === 0) return 0;
  const inserted = await db
    .insertInto('test_executions')
    .values(
      executions.map((e) => ({
        run_id: runId,
        case_id: e.caseId,
        kind: e.kind ?? 'case',
        operation: e.operation ?? null,
        agent: e.agent ?? null,
        requests: e.requests,
        transport_error: e.transportError ?? null,
        finished_at: (e.finishedAt ?? new Date()).toISOString(),
      })),
    )
    .onConflict((oc) => oc.columns(['run_id', 'case_id']).doNothing())
    .returning('transport_error')
    .execute();
  await bumpRunSummary(db, runId, { cases: inserted.length, errored: inserted.filter((row) => row.transport_error !== null).length });
  return inserted.length;
}

export function resultsRepository(db: Kysely<Schema>, partitions: ResultPartitions) {
  return {
    /** Stores a batch of exchanges of one run. */
    async insertResults(runId: string, exchanges: readonly Exchange[], options: { secretNames?: readonly string[] } = {}): Promise<number> {
      const createdAt = new Date();
      await partitions.ensureFor([createdAt]);
      return insertResultRows(db, runId, exchanges, options.secretNames, createdAt);
    },

    insertExecutions: (runId: string, executions: readonly ExecutionInput[]) => insertExecutionRows(db, runId, executions),

    /** The run's plan: its cases and scenarios (a case already stored is kept). */
    async insertCases(runId: string, cases: readonly CaseInput[]): Promise<number> {
      if (cases.length === 0) return 0;
      let added = 0;
      for (let start = 0; start < cases.length; start += RESULT_BATCH_ROWS) {
        const inserted = await db
          .insertInto('test_cases')
          .values(
            cases.slice(start, start + RESULT_BATCH_ROWS).map((c) => ({
              run_id: runId,
              case_id: c.caseId,
              kind: c.kind ?? 'case',
              operation: c.operation ?? null,
              agent: c.agent ?? null,
              title: c.title ?? null,
              definition: JSON.stringify(c.definition),
            })),
          )
          .onConflict((oc) => oc.columns(['run_id', 'case_id']).doNothing())
          .executeTakeFirst();
        added += Number(inserted.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    /** The run's exchanges in the order they started. */
    async listResults(runId: string, request: PageRequest & { caseId?: string } = {}): Promise<Page<StoredResult>> {
      const { page, limit, offset } = pageWindow(request);
      let query = db.selectFrom('test_results').where('run_id', '=', runId);
      if (request.caseId !== undefined) query = query.where('case_id', '=', request.caseId);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('started_at').orderBy('id').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          runId: row.run_id,
          caseId: row.case_id,
          correlationId: row.correlation_id,
          method: row.method,
          url: row.url,
          statusCode: row.status_code,
          errorCode: row.error_code,
          durationMs: row.duration_ms,
          retries: row.retries,
          request: row.request,
          response: row.response,
          error: row.error,
          startedAt: row.started_at,
          createdAt: row.created_at,
        })),
        total: toCount(count.total),
        page,
        limit,
      };
    },

    async countExecutions(runId: string): Promise<number> {
      const row = await db.selectFrom('test_executions').select((eb) => eb.fn.countAll<string>().as('total')).where('run_id', '=', runId).executeTakeFirstOrThrow();
      return toCount(row.total);
    },
  };
}

export type ResultsRepository = ReturnType<typeof resultsRepository>;
