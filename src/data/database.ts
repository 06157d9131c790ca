// Opening the data service: connect (PGlite by default, PostgreSQL with a URL), migrate, create the
// result partitions ahead, and hand out the repositories over one Kysely.
import { resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { SentinelError } from '../core/errors.js';
import { connectPglite, connectPostgres, type EngineKind } from './connect.js';
import { migrate } from './migrate.js';
import type { Migration } from './migrations/index.js';
import { DEFAULT_MONTHS_AHEAD, ResultPartitions } from './partitions.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import type { Schema } from './schema.js';

export interface OpenDatabaseOptions {
  /** PGlite keeps its files in `<dataDir>/pgdata` (default data folder: `.sentinel`). */
  dataDir?: string;
  /** A PostgreSQL URL (the server passes `DATABASE_URL`); when given, PGlite is not used. */
  databaseUrl?: string;
  /** Months of test_results partitions created ahead of the current one (default 3). */
  partitionMonthsAhead?: number;
  /** The migrations to apply (default: all of Sentinel's); tests pass their own. */
  migrations?: readonly Migration[];
}

export interface Database extends Repositories {
  db: Kysely<Schema>;
  kind: EngineKind;
  /** Where finding embeddings live: pgvector's `vector`, or `real[]` on a server without pgvector. */
  embeddingStorage: 'pgvector' | 'real[]';
  partitions: ResultPartitions;
  /** True while the database answers and its migrations are applied. */
  isReady: () => Promise<boolean>;
  close: () => Promise<void>;
}

export const DEFAULT_DATA_DIR = '.sentinel';

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const url = options.databaseUrl !== undefined && options.databaseUrl !== '' ? options.databaseUrl : undefined;
  const where = url === undefined ? `database folder ${resolve(options.dataDir ?? DEFAULT_DATA_DIR)}` : `database ${describeUrl(url)}`;
  let connection: Awaited<ReturnType<typeof connectPglite>>;
  try {
    connection = url === undefined ? await connectPglite(resolve(options.dataDir ?? DEFAULT_DATA_DIR)) : await connectPostgres(url);
  } catch (error) {
    throw new SentinelError('connection', `${where}: ${reasonOf(error)}`, { cause: error });
  }
  const { db } = connection;
  try {
    try {
      await sql`SELECT 1`.execute(db);
    } catch (error) {
      throw new SentinelError('connection', `${where}: ${reasonOf(error)}`, { cause: error });
    }
    await migrate(db, options.migrations);
    const partitions = new ResultPartitions(db, options.partitionMonthsAhead ?? DEFAULT_MONTHS_AHEAD);
    await partitions.ensure();
    const embeddingStorage = await readEmbeddingStorage(db);
    let closed = false;
    return {
      db,
      kind: connection.kind,
      embeddingStorage,
      partitions,
      ...createRepositories(db, partitions),
      isReady: async () => {
        if (closed) return false;
        try {
          await sql`SELECT 1 FROM sentinel_migrations LIMIT 1`.execute(db);
          return true;
        } catch {
          return false;
        }
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'at the given DATABASE_URL (not a valid URL)';
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}

async function readEmbeddingStorage(db: Kysely<Schema>): Promise<'pgvector' | 'real[]'> {
  const row = await db.selectFrom('sentinel_settings').select('value').where('key', '=', 'embedding_storage').executeTakeFirst();
  return row?.value === 'real[]' ? 'real[]' : 'pgvector';
}
