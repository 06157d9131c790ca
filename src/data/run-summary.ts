// The test_run_summary read model (CQRS): commands write runs, results and findings; lists and dashboards
// read one row per run from here. Writes of results, cases and findings bump its counters as they land;
// every status change recomputes the row from the facts, so it never drifts.
import { sql, type Kysely } from 'kysely';
import type { Schema, SeverityName } from './schema.js';

/** Recomputes the summary row of one run from test_runs, test_executions, test_results and findings. */
export async function refreshRunSummary(db: Kysely<Schema>, runId: string): Promise<void> {
  await sql`
    WITH failing AS (
      SELECT DISTINCT jsonb_array_elements_text(case_ids) AS case_id FROM findings WHERE run_id = ${runId}
    ), executions AS (
      SELECT count(*)::int AS cases,
             count(*) FILTER (WHERE transport_error IS NOT NULL)::int AS errored,
             count(*) FILTER (WHERE transport_error IS NULL AND case_id IN (SELECT case_id FROM failing))::int AS failed
      FROM test_executions WHERE run_id = ${runId}
    ), found AS (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE severity = 'critical')::int AS critical,
             count(*) FILTER (WHERE severity = 'high')::int AS high,
             count(*) FILTER (WHERE severity = 'medium')::int AS medium,
             count(*) FILTER (WHERE severity = 'low')::int AS low,
             count(*) FILTER (WHERE severity = 'info')::int AS info
      FROM findings WHERE run_id = ${runId}
    ), sent AS (
      SELECT count(*)::int AS requests FROM test_results WHERE run_id = ${runId}
    )
    INSERT INTO test_run_summary AS s (
      run_id, specification_id, spec_name, spec_version, base_url, status, created_by, created_at, started_at, finished_at,
      duration_ms, cases, cases_passed, cases_failed, cases_errored, requests, findings,
      findings_critical, findings_high, findings_medium, findings_low, findings_info, pass_rate, updated_at)
    SELECT r.id, r.specification_id, r.spec_name, r.spec_version, r.base_url, r.status, r.created_by, r.created_at, r.started_at, r.finished_at,
           CASE WHEN r.started_at IS NOT NULL AND r.finished_at IS NOT NULL
                THEN extract(epoch FROM (r.finished_at - r.started_at)) * 1000 END,
           e.cases, e.cases - e.errored - e.failed, e.failed, e.errored, sent.requests, f.total,
           f.critical, f.high, f.medium, f.low, f.info,
           CASE WHEN e.cases > 0 THEN (e.cases - e.errored - e.failed)::double precision / e.cases END,
           now()
    FROM test_runs r, executions e, found f, sent
    WHERE r.id = ${runId}
    ON CONFLICT (run_id) DO UPDATE SET
      specification_id = excluded.specification_id, status = excluded.status, started_at = excluded.started_at,
      finished_at = excluded.finished_at, duration_ms = excluded.duration_ms, cases = excluded.cases,
      cases_passed = excluded.cases_passed, cases_failed = excluded.cases_failed, cases_errored = excluded.cases_errored,
      requests = excluded.requests, findings = excluded.findings, findings_critical = excluded.findings_critical,
      findings_high = excluded.findings_high, findings_medium = excluded.findings_medium, findings_low = excluded.findings_low,
      findings_info = excluded.findings_info, pass_rate = excluded.pass_rate, updated_at = excluded.updated_at`.execute(db);
}

export interface SummaryIncrement {
  requests?: number;
  cases?: number;
  /** Cases that ended in a transport error. */
  errored?: number;
  findings?: Partial<Record<SeverityName, number>>;
}

/**
 * Bumps the live counters after a batch (no scan of the run's rows). While the run is going,
 * `cases_passed` counts the cases without a transport error; the recompute at the end also takes out the
 * cases that findings name.
 */
export async function bumpRunSummary(db: Kysely<Schema>, runId: string, increment: SummaryIncrement): Promise<void> {
  const cases = increment.cases ?? 0;
  const errored = increment.errored ?? 0;
  const bySeverity = increment.findings ?? {};
  const findings = Object.values(bySeverity).reduce((sum, n) => sum + (n ?? 0), 0);
  if ((increment.requests ?? 0) === 0 && cases === 0 && findings === 0) return;
  await sql`
    UPDATE test_run_summary SET
      requests = requests + ${increment.requests ?? 0},
      cases = cases + ${cases},
      cases_errored = cases_errored + ${errored},
      cases_passed = cases_passed + ${cases - errored},
      pass_rate = CASE WHEN cases + ${cases} > 0 THEN (cases_passed + ${cases - errored})::double precision / (cases + ${cases}) END,
      findings = findings + ${findings},
      findings_critical = findings_critical + ${bySeverity.critical ?? 0},
      findings_high = findings_high + ${bySeverity.high ?? 0},
      findings_medium = findings_medium + ${bySeverity.medium ?? 0},
      findings_low = findings_low + ${bySeverity.low ?? 0},
      findings_info = findings_info + ${bySeverity.info ?? 0},
      updated_at = now()
    WHERE run_id = ${runId}`.execute(db);
}
