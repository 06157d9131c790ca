// API keys for CI: shown once at creation, stored as a SHA-256 hash, acting with a role no higher than
// their creator's (checked again on every use), optionally expiring, revocable.
import type { Kysely } from 'kysely';
import type { ApiKeyRow, Schema } from '../data/schema.js';
import { notFound, ServiceError } from '../core/service-error.js';
import { hashToken, newOpaqueToken } from './access-tokens.js';
import { recordAudit, type RequestContext } from './audit-log.js';
import { roleRank, type PlatformRole } from './roles.js';

export const API_KEY_PREFIX = 'sk_';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  role: PlatformRole;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function apiKeyView(row: ApiKeyRow): ApiKeyView {
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

export async function createApiKey(
  db: Kysely<Schema>,
  context: RequestContext,
  input: { name: string; role?: PlatformRole; expiresInDays?: number },
): Promise<ApiKeyView & { key: string }> {
  const creator = context.principal!;
  const role = input.role ?? creator.role;
  if (roleRank(role) > roleRank(creator.role)) throw new ServiceError(403, `an API key cannot have a role (${role}) above its creator's (${creator.role})`, [{ path: 'body/role', message: `must be at most ${creator.role}` }]);
  const key = newOpaqueToken(API_KEY_PREFIX);
  const row = await db
    .insertInto('api_keys')
    .values({
      name: input.name,
      prefix: key.slice(0, API_KEY_PREFIX.length + 6),
      key_hash: hashToken(key),
      role,
      created_by: creator.userId,
      expires_at: input.expiresInDays !== undefined ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, context, { action: 'api_key.create', targetType: 'api_key', targetId: row.id, details: { name: row.name, role } });
  return { ...apiKeyView(row), key };
}

export async function listApiKeys(db: Kysely<Schema>, page: number, limit: number): Promise<{ items: ApiKeyView[]; total: number }> {
  const { total } = await db.selectFrom('api_keys').select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset((page - 1) * limit).execute();
  return { items: rows.map(apiKeyView), total: Number(total) };
}

export async function revokeApiKey(db: Kysely<Schema>, context: RequestContext, id: string): Promise<void> {
  const row = await db.selectFrom('api_keys').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('API key');
  if (row.revoked_at === null) await db.updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
  await recordAudit(db, context, { action: 'api_key.revoke', targetType: 'api_key', targetId: id });
}
