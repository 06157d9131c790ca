// One Kysely over either engine: PGlite (embedded PostgreSQL, in a folder) or a PostgreSQL server.
// Both speak the same SQL through node-postgres, so nothing above this file knows which one it has.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { IsoTimestampsPlugin } from './iso-timestamps.js';
import type { Schema } from './schema.js';

export type EngineKind = 'pglite' | 'postgres';

export interface Connection {
  db: Kysely<Schema>;
  kind: EngineKind;
  close: () => Promise<void>;
}

/** PGlite keeps its files in `<dataDir>/pgdata`. */
export async function connectPglite(dataDir: string): Promise<Connection> {
  const directory = join(dataDir, 'pgdata');
  await mkdir(directory, { recursive: true });
  const pglite = await PGlite.create({ dataDir: directory, extensions: { vector } });
  // The adapter has one connection: a transaction holds it, so code inside a transaction uses only `trx`.
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins: [new IsoTimestampsPlugin()] });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export async function connectPostgres(databaseUrl: string): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, application_name: 'sentinel' });
  // An idle client losing its server must not crash the process; the next query reports the error.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), plugins: [new IsoTimestampsPlugin()] });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
