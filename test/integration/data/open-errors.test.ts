import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/data/index.js';
import { SentinelError } from '../../../src/core/errors.js';

describe('openDatabase refuses clearly', () => {
  it('a PostgreSQL server that does not answer: one line naming the URL without its password', async () => {
    const error = await openDatabase({ databaseUrl: 'postgres://sentinel:hunter22@127.0.0.1:1/sentinel' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SentinelError);
    expect((error as SentinelError).kind).toBe('connection');
    expect((error as Error).message).toMatch(/^database postgres:\/\/sentinel:\*\*\*@127\.0\.0\.1:1\/sentinel: .*ECONNREFUSED/);
    expect((error as Error).message).not.toContain('hunter22');
  });

  it('a data folder that cannot be made', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'sentinel-data-'));
    try {
      const blocker = join(parent, 'file');
      await writeFile(blocker, 'not a folder');
      await expect(openDatabase({ dataDir: blocker })).rejects.toThrow(new RegExp(`^database folder ${blocker}: .*(EEXIST|ENOTDIR)`));
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
