import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listPartitions, MIGRATIONS, monthRanges, type Migration } from '../../../src/data/index.js';
import { DATA_TEST_TIMEOUT_MS, ENGINES, type Location } from './engines.js';

// Creating a PGlite database runs initdb in WebAssembly: seconds when idle, minutes on a loaded machine.
vi.setConfig({ testTimeout: DATA_TEST_TIMEOUT_MS, hookTimeout: DATA_TEST_TIMEOUT_MS });

describe.each(ENGINES)('migrations on $name', (engine) => {
  let location: Location;
  beforeAll(async () => {
    location = await engine.createLocation();
  });
  afterAll(async () => {
    await location?.dispose();
  });

  it('creates the whole schema once, and reopening applies nothing again', async () => {
    const first = await location.open();
    const tables = await sql<{ name: string }>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`.execute(first.db);
    const names = tables.rows.map((row) => row.name);
    for (const table of ['specifications', 'test_runs', 'test_cases', 'test_executions', 'test_results', 'findings', 'run_events',
      'users', 'refresh_tokens', 'api_keys', 'audit_events', 'test_run_summary', 'sentinel_migrations']) {
      expect(names).toContain(table);
    }
    await first.db.insertInto('users').values({ username: 'kept', password_hash: 'h', role: 'viewer' }).execute();
    expect(await first.isReady()).toBe(true);
    await first.close();
    expect(await first.isReady()).toBe(false);

    const again = await location.open();
    const recorded = await again.db.selectFrom('sentinel_migrations').select(['version', 'name']).execute();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    const users = await again.db.selectFrom('users').select('username').execute();
    expect(users).toEqual([{ username: 'kept' }]);
    await again.close();
  });

  it('a failing migration leaves the database as it was and names itself', async () => {
    const broken: Migration = {
      version: 900,
      name: 'half_written',
      statements: () => [
        `CREATE TABLE half_written (id integer)`,
        `INSERT INTO users (username, password_hash, role) VALUES ('ghost', 'h', 'viewer')`,
        `SELECT no_such_function()`,
      ],
    };
    await expect(location.open({ migrations: [...MIGRATIONS, broken] })).rejects.toThrow(/migration 900_half_written failed: .*no_such_function/);

    const database = await location.open();
    const table = await sql`SELECT 1 FROM pg_tables WHERE tablename = 'half_written'`.execute(database.db);
    expect(table.rows).toHaveLength(0);
    const ghost = await database.db.selectFrom('users').select('id').where('username', '=', 'ghost').execute();
    expect(ghost).toHaveLength(0);
    const versions = await database.db.selectFrom('sentinel_migrations').select('version').execute();
    expect(versions.map((v) => v.version)).not.toContain(900);
    await database.close();
  });

  it('creates test_results partitions for this month and the months ahead, and for any month written', async () => {
    const database = await location.open({ partitionMonthsAhead: 2 });
    const expected = monthRanges(new Date(), 2).map((range) => range.name);
    expect(await listPartitions(database.db)).toEqual(expect.arrayContaining(expected));
    await database.partitions.ensureFor([new Date(Date.UTC(2031, 6, 15))]);
    expect(await listPartitions(database.db)).toContain('test_results_2031_07');
    await database.close();
  });
});
