// The data service: database access, migrations, repositories and the run summary read model.
export { openDatabase, DEFAULT_DATA_DIR, type Database, type OpenDatabaseOptions } from './database.js';
export { migrate, MigrationError } from './migrate.js';
export { MIGRATIONS, EMBEDDING_DIMENSIONS, type Migration, type MigrationContext } from './migrations/index.js';
export { ResultPartitions, listPartitions, monthRanges, DEFAULT_MONTHS_AHEAD } from './partitions.js';
export type * from './schema.js';
export { ROLES, RUN_STATUSES, TRIAGE_STATUSES } from './schema.js';
