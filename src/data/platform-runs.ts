// Storage of the platform's runs as the run service needs it: the run row and its read-model summary,
// the event log that server-sent events replay, and the findings with their fingerprint and embedding.
import { sql, type Kysely } from 'kysely';
import { findingEmbedding } from './embedding.js';
import { findingFingerprint } from './fingerprint.js';
import type { FindingRow, RunStatus, Schema, TestRunRow, TestRunSummaryRow } from './schema.js';

const EMPTY_COUNTS = {
  cases: 0,
  cases_passed: 0,
  cases_failed: 0,
  cases_errored: 0,
  requests: 0,
  findings: 0,
  findings_critical: 0,
  findings_high: 0,
  findings_medium: 0,
  findings_low: 0,
  findings_info: 0,
  duration_ms: null,
  pass_rate: null,
  started_at: null,
  finished_at: null,
};

export interface NewRun {
  specificationId: string;
  specName: string;
  specVersion: number;
  baseUrl: string;
  options: Record<string, unknown>;
  credentials: string | null;
  createdBy: string | null;
}

export async function insertRun(db: Kysely<Schema>, run: NewRun): Promise<TestRunRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('test_runs')
      .values({
        specification_id: run.specificationId,
        spec_name: run.specName,
        spec_version: run.specVersion,
        base_url: run.baseUrl,
        status: 'queued',
        options: JSON.stringify(run.options),
        credentials: run.credentials,
        created_by: run.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('test_run_summary')
      .values({
        run_id: row.id,
        specification_id: row.specification_id,
        spec_name: row.spec_name,
        spec_version: row.spec_version,
        base_url: row.base_url,
        status: row.status,
        created_by: row.created_by,
        created_at: row.created_at,
        ...EMPTY_COUNTS,
      })
      .execute();
    return row;
  });
}

export async function markRunning(db: Kysely<Schema>, runId: string): Promise<boolean> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('test_runs').set({ status: 'running', started_at: now }).where('id', '=', runId).where('status', '=', 'queued').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx.updateTable('test_run_summary').set({ status: 'running', started_at: now, updated_at: now }).where('run_id', '=', runId).execute();
    return true;
  });
}

export interface RunCompletion {
  status: Extract<RunStatus, 'completed' | 'failed' | 'cancelled'>;
  summary?: Record<string, unknown> & { requests?: number; cases?: number; scenarios?: number; durationMs?: number; bySeverity?: Record<string, number>; findings?: number };
  error?: string;
  findings?: StoredFinding[];
}

export interface StoredFinding {
  check: string;
  severity: FindingRow['severity'];
  operation: string;
  title: string;
  message: string;
  cause: string;
  request: unknown;
  response?: unknown;
  curl: string;
  evidence?: string;
  payload?: string;
  count: number;
  caseIds: string[];
  correlationId: string;
  steps?: unknown[];
}

/** Ends a run in one transaction: its findings, its status and summary, and the read model. */
export async function completeRun(db: Kysely<Schema>, runId: string, completion: RunCompletion): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const findings = completion.findings ?? [];
    for (let start = 0; start < findings.length; start += 100) {
      const batch = findings.slice(start, start + 100);
      await trx
        .insertInto('findings')
        .values(
          batch.map((finding) => ({
            run_id: runId,
            check: finding.check,
            severity: finding.severity,
            operation: finding.operation,
            title: finding.title,
            message: finding.message,
            cause: finding.cause,
            fingerprint: findingFingerprint(finding),
            request: JSON.stringify(finding.request),
            response: finding.response === undefined ? null : JSON.stringify(finding.response),
            curl: finding.curl,
            evidence: finding.evidence ?? null,
            payload: finding.payload ?? null,
            occurrences: finding.count,
            case_ids: JSON.stringify(finding.caseIds),
            correlation_id: finding.correlationId,
            steps: finding.steps === undefined ? null : JSON.stringify(finding.steps),
            embedding: sql`sentinel_embedding(${`{${findingEmbedding(finding).join(',')}}`}::real[])` as never,
          })),
        )
        .onConflict((oc) => oc.columns(['run_id', 'fingerprint']).doNothing())
        .execute();
    }
    await trx
      .updateTable('test_runs')
      .set({ status: completion.status, finished_at: now, summary: completion.summary === undefined ? null : JSON.stringify(completion.summary), error: completion.error ?? null, credentials: null })
      .where('id', '=', runId)
      .execute();
    const summary = completion.summary;
    const severity = (name: string) => summary?.bySeverity?.[name] ?? 0;
    const run = await trx.selectFrom('test_runs').select(['started_at']).where('id', '=', runId).executeTakeFirst();
    await trx
      .updateTable('test_run_summary')
      .set({
        status: completion.status,
        finished_at: now,
        duration_ms: run?.started_at ? Date.parse(now) - Date.parse(run.started_at) : null,
        cases: (summary?.cases ?? 0) + (summary?.scenarios ?? 0),
        requests: summary?.requests ?? 0,
        findings: findings.length,
        findings_critical: severity('critical'),
        findings_high: severity('high'),
        findings_medium: severity('medium'),
        findings_low: severity('low'),
        findings_info: severity('info'),
        updated_at: now,
      })
      .where('run_id', '=', runId)
      .execute();
  });
}

/** Runs the previous process left queued or running (a crash, a kill): they are cancelled, never left running. */
export async function cancelInterruptedRuns(db: Kysely<Schema>, reason: string): Promise<number> {
  const rows = await db.selectFrom('test_runs').select('id').where('status', 'in', ['queued', 'running']).execute();
  for (const row of rows) await completeRun(db, row.id, { status: 'cancelled', error: reason });
  return rows.length;
}

export async function appendRunEvents(db: Kysely<Schema>, events: { runId: string; seq: number; type: string; payload: string }[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('run_events')
    .values(events.map((event) => ({ run_id: event.runId, seq: event.seq, type: event.type, payload: event.payload })))
    .onConflict((oc) => oc.columns(['run_id', 'seq']).doNothing())
    .execute();
}

export async function runEventsAfter(db: Kysely<Schema>, runId: string, afterSeq: number) {
  return db.selectFrom('run_events').select(['seq', 'type', 'payload']).where('run_id', '=', runId).where('seq', '>', afterSeq).orderBy('seq').execute();
}

export async function getRun(db: Kysely<Schema>, runId: string): Promise<(TestRunRow & { summaryRow: TestRunSummaryRow | undefined }) | undefined> {
  const row = await db.selectFrom('test_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (row === undefined) return undefined;
  const summaryRow = await db.selectFrom('test_run_summary').selectAll().where('run_id', '=', runId).executeTakeFirst();
  return { ...row, summaryRow };
}

export interface RunListFilter {
  status?: RunStatus;
  specificationId?: string;
  page: number;
  limit: number;
}

/** Lists read the summary read model, never the write tables. */
export async function listRunSummaries(db: Kysely<Schema>, filter: RunListFilter): Promise<{ items: TestRunSummaryRow[]; total: number }> {
  let query = db.selectFrom('test_run_summary');
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.specificationId !== undefined) query = query.where('specification_id', '=', filter.specificationId);
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const items = await query.selectAll().orderBy('created_at', 'desc').orderBy('run_id').limit(filter.limit).offset((filter.page - 1) * filter.limit).execute();
  return { items, total: Number(total) };
}

export interface FindingFilter {
  check?: string;
  severity?: FindingRow['severity'];
  operation?: string;
  page: number;
  limit: number;
}

const FINDING_COLUMNS = [
  'id', 'run_id', 'check', 'severity', 'operation', 'title', 'message', 'cause', 'fingerprint', 'request', 'response', 'curl', 'evidence', 'payload', 'occurrences', 'case_ids', 'correlation_id', 'steps', 'triage', 'created_at',
] as const;

const SEVERITY_ORDER = sql<number>`CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

export async function listRunFindings(db: Kysely<Schema>, runId: string, filter: FindingFilter): Promise<{ items: FindingRow[]; total: number }> {
  let query = db.selectFrom('findings').where('run_id', '=', runId);
  if (filter.check !== undefined) query = query.where('check', '=', filter.check);
  if (filter.severity !== undefined) query = query.where('severity', '=', filter.severity);
  if (filter.operation !== undefined) query = query.where('operation', '=', filter.operation);
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const items = await query
    .select([...FINDING_COLUMNS])
    .orderBy(SEVERITY_ORDER)
    .orderBy('check')
    .orderBy('operation')
    .orderBy('cause')
    .limit(filter.limit)
    .offset((filter.page - 1) * filter.limit)
    .execute();
  return { items: items as FindingRow[], total: Number(total) };
}

export async function allRunFindings(db: Kysely<Schema>, runId: string): Promise<FindingRow[]> {
  return (await db.selectFrom('findings').select([...FINDING_COLUMNS]).where('run_id', '=', runId).execute()) as FindingRow[];
}

export async function deleteRun(db: Kysely<Schema>, runId: string): Promise<void> {
  await db.deleteFrom('test_runs').where('id', '=', runId).execute();
}
