// The tables as Kysely sees them. Timestamps are ISO 8601 UTC strings (see iso-timestamps.ts): every row
// that reaches the API already has the shape it answers with.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Read as an ISO string; written as an ISO string or left to the column's default. */
export type Timestamp = ColumnType<string, string | undefined, string>;
export type NullableTimestamp = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb: written as the value itself (serialized by the repositories), read parsed. */
export type Json<T> = ColumnType<T, string, string>;
export type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type Role = 'admin' | 'manager' | 'tester' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'manager', 'tester', 'viewer'];

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'completed', 'failed', 'cancelled'];

export type SeverityName = 'critical' | 'high' | 'medium' | 'low' | 'info';

export type TriageStatus = 'open' | 'confirmed' | 'false_positive' | 'accepted' | 'fixed';
export const TRIAGE_STATUSES: readonly TriageStatus[] = ['open', 'confirmed', 'false_positive', 'accepted', 'fixed'];

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  role: Role;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: NullableTimestamp;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  token_hash: string;
  family_id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: string;
  revoked_at: NullableTimestamp;
  replaced_by: string | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  prefix: string;
  key_hash: string;
  role: Role;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  address: string | null;
  correlation_id: string | null;
  details: Json<Record<string, unknown>>;
}

export interface SpecificationsTable {
  id: Generated<string>;
  name: string;
  version: number;
  source: string;
  raw_document: string;
  normalized_document: Json<unknown>;
  lint_score: number | null;
  lint_findings: Json<unknown[]>;
  operation_count: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface TestRunsTable {
  id: Generated<string>;
  specification_id: string | null;
  spec_name: string;
  spec_version: number;
  base_url: string;
  status: RunStatus;
  options: Json<Record<string, unknown>>;
  /** Opaque ciphertext written by the caller (the data service never sees the plain credentials). */
  credentials: string | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  summary: NullableJson<Record<string, unknown>>;
  error: string | null;
}

export interface TestCasesTable {
  run_id: string;
  case_id: string;
  kind: 'case' | 'scenario';
  operation: string | null;
  agent: string | null;
  title: string | null;
  definition: Json<unknown>;
}

export interface TestExecutionsTable {
  id: Generated<string>;
  run_id: string;
  case_id: string;
  kind: 'case' | 'scenario';
  operation: string | null;
  agent: string | null;
  requests: number;
  transport_error: string | null;
  finished_at: Timestamp;
}

export interface TestResultsTable {
  id: Generated<string>;
  run_id: string;
  case_id: string;
  correlation_id: string;
  method: string;
  url: string;
  status_code: number | null;
  error_code: string | null;
  duration_ms: number;
  retries: number;
  request: Json<unknown>;
  response: NullableJson<unknown>;
  error: NullableJson<unknown>;
  started_at: string;
  created_at: Timestamp;
}

export interface FindingsTable {
  id: Generated<string>;
  run_id: string;
  check: string;
  severity: SeverityName;
  operation: string;
  title: string;
  message: string;
  cause: string;
  fingerprint: string;
  request: Json<unknown>;
  response: NullableJson<unknown>;
  curl: string;
  evidence: string | null;
  payload: string | null;
  occurrences: number;
  case_ids: Json<string[]>;
  correlation_id: string | null;
  steps: NullableJson<unknown[]>;
  triage: ColumnType<TriageStatus, TriageStatus | undefined, TriageStatus>;
  /** Written through `sentinel_embedding(real[])`; never selected as a whole (see repositories/findings.ts). */
  embedding: ColumnType<unknown, unknown, never>;
  created_at: Timestamp;
}

export interface RunEventsTable {
  run_id: string;
  seq: number;
  type: string;
  payload: Json<unknown>;
  created_at: Timestamp;
}

export interface TestRunSummaryTable {
  run_id: string;
  specification_id: string | null;
  spec_name: string;
  spec_version: number;
  base_url: string;
  status: RunStatus;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
  cases: number;
  cases_passed: number;
  cases_failed: number;
  cases_errored: number;
  requests: number;
  findings: number;
  findings_critical: number;
  findings_high: number;
  findings_medium: number;
  findings_low: number;
  findings_info: number;
  pass_rate: number | null;
  updated_at: Timestamp;
}

export interface Schema {
  sentinel_migrations: MigrationsTable;
  sentinel_settings: SettingsTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  api_keys: ApiKeysTable;
  audit_events: AuditEventsTable;
  specifications: SpecificationsTable;
  test_runs: TestRunsTable;
  test_cases: TestCasesTable;
  test_executions: TestExecutionsTable;
  test_results: TestResultsTable;
  findings: FindingsTable;
  run_events: RunEventsTable;
  test_run_summary: TestRunSummaryTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type SpecificationRow = Selectable<SpecificationsTable>;
export type TestRunRow = Selectable<TestRunsTable>;
export type TestRunSummaryRow = Selectable<TestRunSummaryTable>;
export type FindingRow = Omit<Selectable<FindingsTable>, 'embedding'>;
export type RunEventRow = Selectable<RunEventsTable>;
