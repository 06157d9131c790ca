// Findings of runs: stored redacted, with a fingerprint (the same defect in every run) and an embedding
// (for similar findings across runs). Within a run a fingerprint is stored once, so a re-delivered batch
// changes nothing.
import { sql, type Kysely } from 'kysely';
import type { Finding, FindingStep, Severity } from '../../core/finding.js';
import { redactFinding } from '../../execution/redaction/redact-finding.js';
import { findingEmbedding, type EmbeddingInput } from '../embedding.js';
import { findingFingerprint } from '../fingerprint.js';
import { pageWindow, toCount, type Page, type PageRequest } from '../pagination.js';
import { bumpRunSummary } from '../run-summary.js';
import type { FindingRow, Schema, SeverityName, TriageStatus } from '../schema.js';

/** A finding as the API answers it: the JSON report's item plus its id, run, fingerprint and triage. */
export interface StoredFinding {
  id: string;
  runId: string;
  fingerprint: string;
  check: string;
  severity: Severity;
  operation: string;
  title: string;
  message: string;
  cause: string;
  count: number;
  correlationId: string | null;
  request: Finding['request'];
  curl: string;
  response?: NonNullable<Finding['response']>;
  evidence?: string;
  payload?: string;
  steps?: FindingStep[];
  caseIds: string[];
  triage: TriageStatus;
  createdAt: string;
}

export interface FindingFilter extends PageRequest {
  check?: string;
  severity?: Severity | Severity[];
  operation?: string;
  triage?: TriageStatus;
}

export interface SimilarFinding {
  id: string;
  runId: string;
  fingerprint: string;
  check: string;
  severity: Severity;
  operation: string;
  title: string;
  createdAt: string;
  /** Cosine distance, 0 (same words) to 2. */
  distance: number;
}

export interface SimilarOptions {
  limit?: number;
  /** Only findings of other runs (default true): "where else did this happen". */
  otherRunsOnly?: boolean;
  maxDistance?: number;
}

const SEVERITY_ORDER = sql<number>`CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;
const findingColumns = [
  'id', 'run_id', 'fingerprint', 'check', 'severity', 'operation', 'title', 'message', 'cause', 'occurrences', 'correlation_id',
  'request', 'curl', 'response', 'evidence', 'payload', 'steps', 'case_ids', 'triage', 'created_at',
] as const;

/** Redacts, fingerprints and embeds findings, then inserts the ones new to the run. Returns those. */
export async function insertFindingRows(
  db: Kysely<Schema>,
  runId: string,
  findings: readonly Finding[],
  secretNames: readonly string[] = [],
): Promise<StoredFinding[]> {
  if (findings.length === 0) return [];
  const rows = findings.map((finding) => {
    const written = redactFinding(finding, secretNames);
    const fingerprint = findingFingerprint(written);
    const embedding = findingEmbedding(written);
    return {
      run_id: runId,
      check: written.check,
      severity: written.severity,
      operation: written.operation,
      title: written.title,
      message: written.message,
      cause: written.cause,
      fingerprint,
      request: JSON.stringify(written.request),
      response: written.response === undefined ? null : JSON.stringify(written.response),
      curl: written.curl,
      evidence: written.evidence ?? null,
      payload: written.payload ?? null,
      occurrences: written.count,
      case_ids: JSON.stringify(finding.caseIds),
      correlation_id: written.correlationId,
      steps: written.steps === undefined ? null : JSON.stringify(written.steps),
      embedding: sql`sentinel_embedding(${embedding}::real[])`,
    };
  });
  const inserted = await db
    .insertInto('findings')
    .values(rows)
    .onConflict((oc) => oc.columns(['run_id', 'fingerprint']).doNothing())
    .returning([...findingColumns])
    .execute();
  const bySeverity: Partial<Record<SeverityName, number>> = {};
  for (const row of inserted) bySeverity[row.severity] = (bySeverity[row.severity] ?? 0) + 1;
  await bumpRunSummary(db, runId, { findings: bySeverity });
  return inserted.map(toStoredFinding);
}

export function findingsRepository(db: Kysely<Schema>) {
  return {
    insert: (runId: string, findings: readonly Finding[], options: { secretNames?: readonly string[] } = {}) =>
      insertFindingRows(db, runId, findings, options.secretNames),

    /** Worst first, then by check, operation and cause (the reports' order). */
    async list(runId: string, filter: FindingFilter = {}): Promise<Page<StoredFinding>> {
      const { page, limit, offset } = pageWindow(filter);
      let query = db.selectFrom('findings').where('run_id', '=', runId);
      if (filter.check !== undefined) query = query.where('check', '=', filter.check);
      if (filter.operation !== undefined) query = query.where('operation', '=', filter.operation);
      if (filter.triage !== undefined) query = query.where('triage', '=', filter.triage);
      if (filter.severity !== undefined) {
        const severities = Array.isArray(filter.severity) ? filter.severity : [filter.severity];
        if (severities.length > 0) query = query.where('severity', 'in', severities);
      }
      const [rows, count] = await Promise.all([
        query.select([...findingColumns]).orderBy(SEVERITY_ORDER).orderBy('check').orderBy('operation').orderBy('cause').orderBy('id').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toStoredFinding), total: toCount(count.total), page, limit };
    },

    /** Every finding of the run in the engine's shape, for the report writers. */
    async forReport(runId: string): Promise<Finding[]> {
      const rows = await db.selectFrom('findings').select([...findingColumns]).where('run_id', '=', runId)
        .orderBy(SEVERITY_ORDER).orderBy('check').orderBy('operation').orderBy('cause').execute();
      return rows.map(toEngineFinding);
    },

    async get(id: string): Promise<StoredFinding | undefined> {
      const row = await db.selectFrom('findings').select([...findingColumns]).where('id', '=', id).executeTakeFirst();
      return row && toStoredFinding(row);
    },

    async setTriage(id: string, triage: TriageStatus): Promise<StoredFinding | undefined> {
      const row = await db.updateTable('findings').set({ triage }).where('id', '=', id).returning([...findingColumns]).executeTakeFirst();
      return row && toStoredFinding(row);
    },

    /** The nearest findings to a stored one by embedding distance, nearest first. */
    async similar(id: string, options: SimilarOptions = {}): Promise<SimilarFinding[]> {
      const limit = Math.min(Math.max(1, options.limit ?? 10), 200);
      const otherRuns = options.otherRunsOnly !== false;
      const result = await sql<SimilarRow>`
        SELECT f.id, f.run_id, f.fingerprint, f."check", f.severity, f.operation, f.title, f.created_at,
               (f.embedding <=> t.embedding)::double precision AS distance
        FROM findings f, (SELECT embedding, run_id FROM findings WHERE id = ${id}) t
        WHERE f.id <> ${id} ${otherRuns ? sql`AND f.run_id <> t.run_id` : sql``}
        ORDER BY f.embedding <=> t.embedding, f.created_at DESC
        LIMIT ${limit}`.execute(db);
      return result.rows.filter((row) => options.maxDistance === undefined || row.distance <= options.maxDistance).map(toSimilar);
    },

    /** The nearest stored findings to one that may not be stored (for grouping a new failure). */
    async similarTo(finding: EmbeddingInput, options: Omit<SimilarOptions, 'otherRunsOnly'> = {}): Promise<SimilarFinding[]> {
      const limit = Math.min(Math.max(1, options.limit ?? 10), 200);
      const embedding = findingEmbedding(finding);
      const result = await sql<SimilarRow>`
        SELECT id, run_id, fingerprint, "check", severity, operation, title, created_at,
               (embedding <=> sentinel_embedding(${embedding}::real[]))::double precision AS distance
        FROM findings
        ORDER BY embedding <=> sentinel_embedding(${embedding}::real[]), created_at DESC
        LIMIT ${limit}`.execute(db);
      return result.rows.filter((row) => options.maxDistance === undefined || row.distance <= options.maxDistance).map(toSimilar);
    },

    /** Every occurrence of one defect across runs, newest first. */
    async byFingerprint(fingerprint: string, request: PageRequest = {}): Promise<Page<StoredFinding>> {
      const { page, limit, offset } = pageWindow(request);
      const query = db.selectFrom('findings').where('fingerprint', '=', fingerprint);
      const [rows, count] = await Promise.all([
        query.select([...findingColumns]).orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toStoredFinding), total: toCount(count.total), page, limit };
    },
  };
}

export type FindingsRepository = ReturnType<typeof findingsRepository>;

interface SimilarRow {
  id: string;
  run_id: string;
  fingerprint: string;
  check: string;
  severity: Severity;
  operation: string;
  title: string;
  created_at: Date | string;
  distance: number;
}

function toSimilar(row: SimilarRow): SimilarFinding {
  return {
    id: row.id,
    runId: row.run_id,
    fingerprint: row.fingerprint,
    check: row.check,
    severity: row.severity,
    operation: row.operation,
    title: row.title,
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
    distance: Number(row.distance),
  };
}

type FindingSelection = Pick<FindingRow, (typeof findingColumns)[number]>;

function toStoredFinding(row: FindingSelection): StoredFinding {
  const stored: StoredFinding = {
    id: row.id,
    runId: row.run_id,
    fingerprint: row.fingerprint,
    check: row.check,
    severity: row.severity,
    operation: row.operation,
    title: row.title,
    message: row.message,
    cause: row.cause,
    count: row.occurrences,
    correlationId: row.correlation_id,
    request: row.request as Finding['request'],
    curl: row.curl,
    caseIds: row.case_ids,
    triage: row.triage,
    createdAt: row.created_at,
  };
  if (row.response !== null) stored.response = row.response as NonNullable<Finding['response']>;
  if (row.evidence !== null) stored.evidence = row.evidence;
  if (row.payload !== null) stored.payload = row.payload;
  if (row.steps !== null) stored.steps = row.steps as FindingStep[];
  return stored;
}

function toEngineFinding(row: FindingSelection): Finding {
  const stored = toStoredFinding(row);
  const finding: Finding = {
    check: stored.check,
    severity: stored.severity,
    operation: stored.operation,
    title: stored.title,
    message: stored.message,
    cause: stored.cause,
    request: stored.request,
    curl: stored.curl,
    count: stored.count,
    caseIds: stored.caseIds,
    correlationId: stored.correlationId ?? '',
  };
  if (stored.response !== undefined) finding.response = stored.response;
  if (stored.evidence !== undefined) finding.evidence = stored.evidence;
  if (stored.payload !== undefined) finding.payload = stored.payload;
  if (stored.steps !== undefined) finding.steps = stored.steps;
  return finding;
}
