// The data service: database access, migrations, repositories and the run summary read model.
export { openDatabase, DEFAULT_DATA_DIR, type Database, type OpenDatabaseOptions } from './database.js';
export { migrate, MigrationError } from './migrate.js';
export { MIGRATIONS, EMBEDDING_DIMENSIONS, type Migration, type MigrationContext } from './migrations/index.js';
export { ResultPartitions, listPartitions, monthRanges, DEFAULT_MONTHS_AHEAD } from './partitions.js';
export type * from './schema.js';
export { ROLES, RUN_STATUSES, TRIAGE_STATUSES } from './schema.js';
export { DataConflictError, InvalidTransitionError } from './errors.js';
export { pageWindow, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type Page, type PageRequest } from './pagination.js';
export { findingFingerprint } from './fingerprint.js';
export { findingEmbedding, type EmbeddingInput } from './embedding.js';
export { refreshRunSummary } from './run-summary.js';
export { createRunWriter, storedPayload, type RunWriter, type RunWriterOptions } from './run-writer.js';
export type { Repositories } from './repositories/index.js';
export type { User, UserWithPassword, NewUserInput, UserChanges, UsersRepository } from './repositories/users.js';
export type { RefreshToken, NewRefreshToken, RotationOutcome, RefreshTokensRepository } from './repositories/refresh-tokens.js';
export type { ApiKey, NewApiKey, ApiKeysRepository } from './repositories/api-keys.js';
export type { AuditEvent, NewAuditEvent, AuditEventFilter, AuditEventsRepository } from './repositories/audit-events.js';
export type {
  Specification, SpecificationDetail, SpecificationListItem, SpecificationVersion, NewSpecification, SpecificationsRepository,
} from './repositories/specifications.js';
export { SHUTDOWN_REASON } from './repositories/runs.js';
export type { Run, RunOverview, RunFilter, RunTotals, NewRun, TransitionDetails, RunsRepository } from './repositories/runs.js';
export type { StoredFinding, FindingFilter, SimilarFinding, SimilarOptions, FindingsRepository } from './repositories/findings.js';
export type { StoredResult, ExecutionInput, CaseInput, ResultsRepository } from './repositories/results.js';
export type { RunEventRecord, NewRunEvent, RunEventsRepository } from './repositories/run-events.js';
