// API keys for CI: stored hashed (the key itself is shown once, by the auth service), with a prefix to
// tell keys apart in lists, a role, an optional expiry and a revocation time.
import type { Kysely } from 'kysely';
import { DataConflictError, isUniqueViolation } from '../errors.js';
import { pageWindow, toCount, type Page, type PageRequest } from '../pagination.js';
import type { ApiKeyRow, Role, Schema } from '../schema.js';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewApiKey {
  name: string;
  prefix: string;
  keyHash: string;
  role: Role;
  createdBy: string | null;
  expiresAt?: Date | null;
}

export function apiKeysRepository(db: Kysely<Schema>) {
  return {
    async create(input: NewApiKey): Promise<ApiKey> {
      try {
        const row = await db
          .insertInto('api_keys')
          .values({
            name: input.name,
            prefix: input.prefix,
            key_hash: input.keyHash,
            role: input.role,
            created_by: input.createdBy,
            expires_at: input.expiresAt ? input.expiresAt.toISOString() : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toApiKey(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DataConflictError('an API key with this hash already exists', { cause: error });
        throw error;
      }
    },

    async get(id: string): Promise<ApiKey | undefined> {
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toApiKey(row);
    },

    /** The key of this hash when it is neither revoked nor expired. */
    async findActiveByHash(keyHash: string, now: Date = new Date()): Promise<ApiKey | undefined> {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('key_hash', '=', keyHash)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
        .executeTakeFirst();
      return row && toApiKey(row);
    },

    async list(request: PageRequest & { createdBy?: string; includeRevoked?: boolean } = {}): Promise<Page<ApiKey>> {
      const { page, limit, offset } = pageWindow(request);
      let query = db.selectFrom('api_keys');
      if (request.createdBy !== undefined) query = query.where('created_by', '=', request.createdBy);
      if (request.includeRevoked !== true) query = query.where('revoked_at', 'is', null);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toApiKey), total: toCount(count.total), page, limit };
    },

    async revoke(id: string, now: Date = new Date()): Promise<ApiKey | undefined> {
      const row = await db
        .updateTable('api_keys')
        .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now.toISOString())) }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toApiKey(row);
    },

    async touch(id: string, at: Date = new Date()): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: at.toISOString() }).where('id', '=', id).execute();
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('api_keys').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ApiKeysRepository = ReturnType<typeof apiKeysRepository>;

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
