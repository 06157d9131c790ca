// Versioned migrations, each in its own transaction: a failed one rolls back whole and stops the start,
// leaving the database as it was before it. An advisory lock lets several processes start at once.
import { type Kysely, sql } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations/index.js';

const MIGRATION_LOCK = 73_680_001;

export class MigrationError extends Error {
  constructor(migration: Migration, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`database migration ${String(migration.version).padStart(3, '0')}_${migration.name} failed: ${reason}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Applies the migrations not yet recorded; returns the versions applied now. */
export async function migrate(db: Kysely<any>, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  checkOrder(migrations);
  const pgvector = await hasPgvector(db);
  const applied: number[] = [];
  for (const migration of migrations) {
    try {
      const ran = await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
        await sql`CREATE TABLE IF NOT EXISTS sentinel_migrations (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
        const done = await sql<{ version: number }>`SELECT version FROM sentinel_migrations WHERE version = ${migration.version}`.execute(trx);
        if (done.rows.length > 0) return false;
        for (const statement of migration.statements({ pgvector })) await sql.raw(statement).execute(trx);
        await sql`INSERT INTO sentinel_migrations (version, name) VALUES (${migration.version}, ${migration.name})`.execute(trx);
        return true;
      });
      if (ran) applied.push(migration.version);
    } catch (error) {
      throw new MigrationError(migration, error);
    }
  }
  return applied;
}

async function hasPgvector(db: Kysely<any>): Promise<boolean> {
  const found = await sql`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`.execute(db);
  return found.rows.length > 0;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous !== undefined && previous.version >= migration.version) {
      throw new Error(`database migrations out of order: ${previous.version} before ${migration.version}`);
    }
  });
}
