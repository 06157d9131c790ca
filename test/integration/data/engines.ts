// The data tests run on PGlite always and on PostgreSQL when SENTINEL_TEST_DATABASE_URL is set. On
// PostgreSQL each opened store gets a database of its own, dropped afterwards, so runs never collide.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type OpenDatabaseOptions } from '../../../src/data/index.js';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** A fresh place to keep a database: a temporary folder or a new PostgreSQL database. */
  createLocation: () => Promise<Location>;
}

export interface Location {
  options: OpenDatabaseOptions;
  open: (extra?: Partial<OpenDatabaseOptions>) => Promise<Database>;
  dispose: () => Promise<void>;
}

const serverUrl = process.env.SENTINEL_TEST_DATABASE_URL;

const pglite: Engine = {
  name: 'pglite',
  createLocation: async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sentinel-data-'));
    const options = { dataDir };
    return {
      options,
      open: (extra = {}) => openDatabase({ ...options, ...extra }),
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

const postgres = (url: string): Engine => ({
  name: 'postgres',
  createLocation: async () => {
    const name = `sentinel_test_${randomUUID().replaceAll('-', '')}`;
    await admin(url, `CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const options = { databaseUrl: target.toString() };
    return {
      options,
      open: (extra = {}) => openDatabase({ ...options, ...extra }),
      dispose: () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  },
});

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export const ENGINES: Engine[] = serverUrl !== undefined && serverUrl !== '' ? [pglite, postgres(serverUrl)] : [pglite];

export const DATA_TEST_TIMEOUT_MS = 300_000;
