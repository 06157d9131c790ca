// The whole schema of the platform. Embeddings live in pgvector's `vector` when the server has the
// extension (PGlite always does); otherwise in `real[]` with the same `<=>` cosine-distance operator, so
// the repositories' SQL is the same on both (see README "Data service").
import type { Migration } from './migration.js';

export const EMBEDDING_DIMENSIONS = 256;

const ROLES = `('admin', 'manager', 'tester', 'viewer')`;
const SEVERITIES = `('critical', 'high', 'medium', 'low', 'info')`;
const RUN_STATUSES = `('queued', 'running', 'completed', 'failed', 'cancelled')`;

const embeddingWithPgvector = [
  `CREATE EXTENSION IF NOT EXISTS vector`,
  `CREATE FUNCTION sentinel_embedding(real[]) RETURNS vector LANGUAGE sql IMMUTABLE AS 'SELECT $1::vector(${EMBEDDING_DIMENSIONS})'`,
];

const embeddingWithArrays = [
  `CREATE FUNCTION sentinel_embedding(real[]) RETURNS real[] LANGUAGE sql IMMUTABLE AS 'SELECT $1'`,
  `CREATE FUNCTION sentinel_cosine_distance(a real[], b real[]) RETURNS double precision LANGUAGE sql IMMUTABLE AS
     'SELECT 1 - sum(x * y) / nullif(sqrt(sum(x * x)) * sqrt(sum(y * y)), 0) FROM unnest(a, b) AS t(x, y)'`,
  `CREATE OPERATOR <=> (LEFTARG = real[], RIGHTARG = real[], FUNCTION = sentinel_cosine_distance)`,
];

const tables = (embeddingType: string) => [
  `CREATE TABLE sentinel_settings (key text PRIMARY KEY, value text NOT NULL)`,

  `CREATE TABLE users (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     username text NOT NULL UNIQUE,
     password_hash text NOT NULL,
     role text NOT NULL CHECK (role IN ${ROLES}),
     must_change_password boolean NOT NULL DEFAULT false,
     disabled boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     last_login_at timestamptz
   )`,

  `CREATE TABLE refresh_tokens (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     token_hash text NOT NULL UNIQUE,
     family_id uuid NOT NULL,
     user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     revoked_at timestamptz,
     replaced_by uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL
   )`,
  `CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`,
  `CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`,

  `CREATE TABLE api_keys (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     name text NOT NULL,
     prefix text NOT NULL,
     key_hash text NOT NULL UNIQUE,
     role text NOT NULL CHECK (role IN ${ROLES}),
     created_by uuid REFERENCES users (id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz,
     revoked_at timestamptz,
     last_used_at timestamptz
   )`,
  `CREATE INDEX api_keys_prefix_idx ON api_keys (prefix)`,

  // No foreign key to users: the audit trail outlives the accounts it names.
  `CREATE TABLE audit_events (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     at timestamptz NOT NULL DEFAULT now(),
     actor_id uuid,
     actor text,
     action text NOT NULL,
     target_type text,
     target_id text,
     address text,
     correlation_id text,
     details jsonb NOT NULL DEFAULT '{}'
   )`,
  `CREATE INDEX audit_events_at_idx ON audit_events (at DESC)`,
  `CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC)`,
  `CREATE INDEX audit_events_action_idx ON audit_events (action, at DESC)`,

  `CREATE TABLE specifications (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     name text NOT NULL,
     version integer NOT NULL CHECK (version > 0),
     source text NOT NULL,
     raw_document text NOT NULL,
     normalized_document jsonb NOT NULL,
     lint_score double precision,
     lint_findings jsonb NOT NULL DEFAULT '[]',
     operation_count integer NOT NULL DEFAULT 0,
     created_by uuid REFERENCES users (id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (name, version)
   )`,
  `CREATE INDEX specifications_created_idx ON specifications (created_at DESC)`,

  // A run keeps the name and version of its specification: deleting the specification keeps the history.
  `CREATE TABLE test_runs (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     specification_id uuid REFERENCES specifications (id) ON DELETE SET NULL,
     spec_name text NOT NULL,
     spec_version integer NOT NULL,
     base_url text NOT NULL,
     status text NOT NULL DEFAULT 'queued' CHECK (status IN ${RUN_STATUSES}),
     options jsonb NOT NULL DEFAULT '{}',
     credentials text,
     created_by uuid REFERENCES users (id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     started_at timestamptz,
     finished_at timestamptz,
     summary jsonb,
     error text
   )`,
  `CREATE INDEX test_runs_spec_idx ON test_runs (specification_id)`,
  `CREATE INDEX test_runs_in_flight_idx ON test_runs (status) WHERE status IN ('queued', 'running')`,
  `CREATE INDEX test_runs_created_idx ON test_runs (created_at DESC)`,

  `CREATE TABLE test_cases (
     run_id uuid NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
     case_id text NOT NULL,
     kind text NOT NULL DEFAULT 'case' CHECK (kind IN ('case', 'scenario')),
     operation text,
     agent text,
     title text,
     definition jsonb NOT NULL,
     PRIMARY KEY (run_id, case_id)
   )`,

  // One row per case or scenario the run executed.
  `CREATE TABLE test_executions (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     run_id uuid NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
     case_id text NOT NULL,
     kind text NOT NULL DEFAULT 'case' CHECK (kind IN ('case', 'scenario')),
     operation text,
     agent text,
     requests integer NOT NULL DEFAULT 0,
     transport_error text,
     finished_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (run_id, case_id)
   )`,

  // One row per exchange (request sent and its answer): the high-volume table, partitioned by month.
  `CREATE TABLE test_results (
     id uuid NOT NULL DEFAULT gen_random_uuid(),
     run_id uuid NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
     case_id text NOT NULL,
     correlation_id text NOT NULL,
     method text NOT NULL,
     url text NOT NULL,
     status_code integer,
     error_code text,
     duration_ms double precision NOT NULL,
     retries integer NOT NULL DEFAULT 0,
     request jsonb NOT NULL,
     response jsonb,
     error jsonb,
     started_at timestamptz NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (id, created_at)
   ) PARTITION BY RANGE (created_at)`,
  `CREATE INDEX test_results_run_idx ON test_results (run_id, created_at)`,
  `CREATE INDEX test_results_created_idx ON test_results (created_at DESC)`,
  `CREATE INDEX test_results_failed_idx ON test_results (run_id) WHERE status_code >= 500 OR error_code IS NOT NULL`,

  `CREATE TABLE findings (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     run_id uuid NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
     "check" text NOT NULL,
     severity text NOT NULL CHECK (severity IN ${SEVERITIES}),
     operation text NOT NULL,
     title text NOT NULL,
     message text NOT NULL DEFAULT '',
     cause text NOT NULL DEFAULT '',
     fingerprint text NOT NULL,
     request jsonb NOT NULL,
     response jsonb,
     curl text NOT NULL,
     evidence text,
     payload text,
     occurrences integer NOT NULL DEFAULT 1,
     case_ids jsonb NOT NULL DEFAULT '[]',
     correlation_id text,
     steps jsonb,
     triage text NOT NULL DEFAULT 'open' CHECK (triage IN ('open', 'confirmed', 'false_positive', 'accepted', 'fixed')),
     embedding ${embeddingType} NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (run_id, fingerprint)
   )`,
  `CREATE INDEX findings_run_severity_idx ON findings (run_id, severity)`,
  `CREATE INDEX findings_fingerprint_idx ON findings (fingerprint)`,
  `CREATE INDEX findings_check_idx ON findings ("check")`,

  `CREATE TABLE run_events (
     run_id uuid NOT NULL REFERENCES test_runs (id) ON DELETE CASCADE,
     seq integer NOT NULL,
     type text NOT NULL,
     payload jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (run_id, seq)
   )`,

  // The read model: one row per run, kept current by the data service whenever the run changes.
  `CREATE TABLE test_run_summary (
     run_id uuid PRIMARY KEY REFERENCES test_runs (id) ON DELETE CASCADE,
     specification_id uuid,
     spec_name text NOT NULL,
     spec_version integer NOT NULL,
     base_url text NOT NULL,
     status text NOT NULL,
     created_by uuid,
     created_at timestamptz NOT NULL,
     started_at timestamptz,
     finished_at timestamptz,
     duration_ms double precision,
     cases integer NOT NULL DEFAULT 0,
     cases_passed integer NOT NULL DEFAULT 0,
     cases_failed integer NOT NULL DEFAULT 0,
     cases_errored integer NOT NULL DEFAULT 0,
     requests integer NOT NULL DEFAULT 0,
     findings integer NOT NULL DEFAULT 0,
     findings_critical integer NOT NULL DEFAULT 0,
     findings_high integer NOT NULL DEFAULT 0,
     findings_medium integer NOT NULL DEFAULT 0,
     findings_low integer NOT NULL DEFAULT 0,
     findings_info integer NOT NULL DEFAULT 0,
     pass_rate double precision,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX test_run_summary_created_idx ON test_run_summary (created_at DESC)`,
  `CREATE INDEX test_run_summary_status_idx ON test_run_summary (status, created_at DESC)`,
  `CREATE INDEX test_run_summary_spec_idx ON test_run_summary (specification_id, created_at DESC)`,
];

export const initial: Migration = {
  version: 1,
  name: 'initial',
  statements: ({ pgvector }) =>
    pgvector
      ? [
          ...embeddingWithPgvector,
          ...tables(`vector(${EMBEDDING_DIMENSIONS})`),
          `CREATE INDEX findings_embedding_idx ON findings USING hnsw (embedding vector_cosine_ops)`,
          `INSERT INTO sentinel_settings (key, value) VALUES ('embedding_storage', 'pgvector')`,
        ]
      : [
          ...embeddingWithArrays,
          ...tables('real[]'),
          `INSERT INTO sentinel_settings (key, value) VALUES ('embedding_storage', 'real[]')`,
        ],
};
