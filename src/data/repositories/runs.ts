// Test runs: created queued, moved through their statuses with timestamps, listed from the summary read
// model. Credentials are stored as the caller's ciphertext and only ever read back on their own.
import { sql, type Kysely } from 'kysely';
import { InvalidTransitionError } from '../errors.js';
import { pageWindow, toCount, type Page, type PageRequest } from '../pagination.js';
import { refreshRunSummary } from '../run-summary.js';
import type { RunStatus, Schema, SeverityName, TestRunRow, TestRunSummaryRow } from '../schema.js';

export interface NewRun {
  specificationId: string | null;
  specName: string;
  specVersion: number;
  baseUrl: string;
  /** The run's settings, without secrets (those go in `credentials`). */
  options?: Record<string, unknown>;
  /** Ciphertext of the target credentials and identity headers (encrypted by the caller). */
  credentials?: string | null;
  createdBy?: string | null;
}

export interface Run {
  id: string;
  specificationId: string | null;
  specName: string;
  specVersion: number;
  baseUrl: string;
  status: RunStatus;
  options: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The engine's run summary, once the run finished. */
  summary: Record<string, unknown> | null;
  error: string | null;
}

/** A run as lists and dashboards see it: one row of the read model. */
export interface RunOverview {
  id: string;
  specificationId: string | null;
  specName: string;
  specVersion: number;
  baseUrl: string;
  status: RunStatus;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  cases: number;
  casesPassed: number;
  casesFailed: number;
  casesErrored: number;
  requests: number;
  findings: number;
  findingsBySeverity: Record<SeverityName, number>;
  /** Passed cases over all cases, 0–1; null before any case ran. */
  passRate: number | null;
}

export interface RunFilter extends PageRequest {
  status?: RunStatus | RunStatus[];
  specificationId?: string;
  specName?: string;
  createdBy?: string;
  createdFrom?: Date;
  createdTo?: Date;
}

/** Totals over the runs a filter selects, for dashboards (read from the summary only). */
export interface RunTotals {
  runs: number;
  byStatus: Record<RunStatus, number>;
  cases: number;
  requests: number;
  findings: number;
  findingsBySeverity: Record<SeverityName, number>;
  /** Mean of the runs' pass rates (runs without cases left out); null when none. */
  averagePassRate: number | null;
  averageDurationMs: number | null;
}

export interface TransitionDetails {
  /** The engine's run summary (on completion). */
  summary?: Record<string, unknown>;
  /** Why the run failed or was cancelled. */
  error?: string;
  at?: Date;
}

const TERMINAL: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];
/** The statuses a run may come from to reach each status. */
const ALLOWED_FROM: Record<RunStatus, readonly RunStatus[]> = {
  queued: [],
  running: ['queued'],
  completed: ['running'],
  failed: ['queued', 'running'],
  cancelled: ['queued', 'running'],
};

export const SHUTDOWN_REASON = 'the server stopped before the run finished';

export function runsRepository(db: Kysely<Schema>) {
  return {
    async create(input: NewRun): Promise<Run> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('test_runs')
          .values({
            specification_id: input.specificationId,
            spec_name: input.specName,
            spec_version: input.specVersion,
            base_url: input.baseUrl,
            status: 'queued',
            options: JSON.stringify(input.options ?? {}),
            credentials: input.credentials ?? null,
            created_by: input.createdBy ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await refreshRunSummary(trx, row.id);
        return toRun(row);
      });
    },

    async get(id: string): Promise<(Run & { overview: RunOverview }) | undefined> {
      const row = await db.selectFrom('test_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      const overview = await db.selectFrom('test_run_summary').selectAll().where('run_id', '=', id).executeTakeFirstOrThrow();
      return { ...toRun(row), overview: toOverview(overview) };
    },

    /** The stored ciphertext, for the executor only; undefined when the run does not exist. */
    async getCredentials(id: string): Promise<string | null | undefined> {
      const row = await db.selectFrom('test_runs').select('credentials').where('id', '=', id).executeTakeFirst();
      return row?.credentials;
    },

    /**
     * Moves a run to `to`: `running` sets started_at; completed, failed and cancelled set finished_at.
     * Undefined when the run does not exist; InvalidTransitionError when its status does not allow it.
     */
    async transition(id: string, to: RunStatus, details: TransitionDetails = {}): Promise<Run | undefined> {
      const at = (details.at ?? new Date()).toISOString();
      const allowedFrom = [...ALLOWED_FROM[to]];
      return db.transaction().execute(async (trx) => {
        const values: Record<string, unknown> = { status: to };
        if (to === 'running') values.started_at = at;
        if (TERMINAL.includes(to)) values.finished_at = at;
        if (details.summary !== undefined) values.summary = JSON.stringify(details.summary);
        if (details.error !== undefined) values.error = details.error;
        const row = allowedFrom.length === 0
          ? undefined
          : await trx.updateTable('test_runs').set(values).where('id', '=', id).where('status', 'in', allowedFrom).returningAll().executeTakeFirst();
        if (row === undefined) {
          const existing = await trx.selectFrom('test_runs').select('status').where('id', '=', id).executeTakeFirst();
          if (existing === undefined) return undefined;
          throw new InvalidTransitionError(existing.status, to);
        }
        await refreshRunSummary(trx, id);
        return toRun(row);
      });
    },

    /** Newest first, from the read model. */
    async list(filter: RunFilter = {}): Promise<Page<RunOverview>> {
      const { page, limit, offset } = pageWindow(filter);
      const query = filteredSummaries(db, filter);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('created_at', 'desc').orderBy('run_id').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toOverview), total: toCount(count.total), page, limit };
    },

    /** Totals over the runs of the filter (its paging ignored), from the read model. */
    async totals(filter: Omit<RunFilter, 'page' | 'limit'> = {}): Promise<RunTotals> {
      const query = filteredSummaries(db, filter);
      const row = await query
        .select([
          sql<string>`count(*)`.as('runs'),
          sql<string>`count(*) FILTER (WHERE status = 'queued')`.as('queued'),
          sql<string>`count(*) FILTER (WHERE status = 'running')`.as('running'),
          sql<string>`count(*) FILTER (WHERE status = 'completed')`.as('completed'),
          sql<string>`count(*) FILTER (WHERE status = 'failed')`.as('failed'),
          sql<string>`count(*) FILTER (WHERE status = 'cancelled')`.as('cancelled'),
          sql<string>`coalesce(sum(cases), 0)`.as('cases'),
          sql<string>`coalesce(sum(requests), 0)`.as('requests'),
          sql<string>`coalesce(sum(findings), 0)`.as('findings'),
          sql<string>`coalesce(sum(findings_critical), 0)`.as('critical'),
          sql<string>`coalesce(sum(findings_high), 0)`.as('high'),
          sql<string>`coalesce(sum(findings_medium), 0)`.as('medium'),
          sql<string>`coalesce(sum(findings_low), 0)`.as('low'),
          sql<string>`coalesce(sum(findings_info), 0)`.as('info'),
          sql<number | null>`avg(pass_rate)::double precision`.as('average_pass_rate'),
          sql<number | null>`avg(duration_ms)::double precision`.as('average_duration_ms'),
        ])
        .executeTakeFirstOrThrow();
      return {
        runs: toCount(row.runs),
        byStatus: { queued: toCount(row.queued), running: toCount(row.running), completed: toCount(row.completed), failed: toCount(row.failed), cancelled: toCount(row.cancelled) },
        cases: toCount(row.cases),
        requests: toCount(row.requests),
        findings: toCount(row.findings),
        findingsBySeverity: { critical: toCount(row.critical), high: toCount(row.high), medium: toCount(row.medium), low: toCount(row.low), info: toCount(row.info) },
        averagePassRate: row.average_pass_rate,
        averageDurationMs: row.average_duration_ms,
      };
    },

    /** Deletes the run with its cases, executions, results, findings, events and summary. */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('test_runs').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /**
     * Marks every queued or running run cancelled (at shutdown, and at start for runs a crash left
     * behind): none stays `running` without a process running it. Returns their ids. For one server
     * process; with several processes sharing a database, each must only cancel its own runs (`ids`).
     */
    async cancelInFlight(options: { reason?: string; at?: Date; ids?: string[] } = {}): Promise<string[]> {
      const { reason = SHUTDOWN_REASON, at = new Date(), ids } = options;
      if (ids !== undefined && ids.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        let update = trx
          .updateTable('test_runs')
          .set({ status: 'cancelled', finished_at: at.toISOString(), error: reason })
          .where('status', 'in', ['queued', 'running']);
        if (ids !== undefined) update = update.where('id', 'in', ids);
        const rows = await update.returning('id').execute();
        for (const row of rows) await refreshRunSummary(trx, row.id);
        return rows.map((row) => row.id);
      });
    },

    /** Recomputes the run's read-model row from its stored facts. */
    async refreshSummary(id: string): Promise<void> {
      await refreshRunSummary(db, id);
    },
  };
}

export type RunsRepository = ReturnType<typeof runsRepository>;

function filteredSummaries(db: Kysely<Schema>, filter: Omit<RunFilter, 'page' | 'limit'>) {
  let query = db.selectFrom('test_run_summary');
  if (filter.status !== undefined) {
    const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
    if (statuses.length > 0) query = query.where('status', 'in', statuses);
  }
  if (filter.specificationId !== undefined) query = query.where('specification_id', '=', filter.specificationId);
  if (filter.specName !== undefined) query = query.where('spec_name', '=', filter.specName);
  if (filter.createdBy !== undefined) query = query.where('created_by', '=', filter.createdBy);
  if (filter.createdFrom !== undefined) query = query.where('created_at', '>=', filter.createdFrom.toISOString());
  if (filter.createdTo !== undefined) query = query.where('created_at', '<', filter.createdTo.toISOString());
  return query;
}

function toRun(row: TestRunRow): Run {
  return {
    id: row.id,
    specificationId: row.specification_id,
    specName: row.spec_name,
    specVersion: row.spec_version,
    baseUrl: row.base_url,
    status: row.status,
    options: row.options,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    summary: row.summary,
    error: row.error,
  };
}

function toOverview(row: TestRunSummaryRow): RunOverview {
  return {
    id: row.run_id,
    specificationId: row.specification_id,
    specName: row.spec_name,
    specVersion: row.spec_version,
    baseUrl: row.base_url,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    cases: row.cases,
    casesPassed: row.cases_passed,
    casesFailed: row.cases_failed,
    casesErrored: row.cases_errored,
    requests: row.requests,
    findings: row.findings,
    findingsBySeverity: {
      critical: row.findings_critical,
      high: row.findings_high,
      medium: row.findings_medium,
      low: row.findings_low,
      info: row.findings_info,
    },
    passRate: row.pass_rate,
  };
}
