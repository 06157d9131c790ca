// Turns a bearer token or API key into a principal, reading the user's current role and state, so a
// demoted, disabled or deleted user loses access at once rather than when the token expires.
import type { Kysely } from 'kysely';
import type { Schema } from '../data/schema.js';
import { hashToken, looksLikeJwt, verifyAccessToken } from './access-tokens.js';
import { API_KEY_PREFIX } from './api-keys.js';
import type { Principal } from './principal.js';
import { roleRank } from './roles.js';

const LAST_USED_EVERY_MS = 60_000;

export function createAuthenticator(db: Kysely<Schema>, jwtSecret: Uint8Array): (token: string) => Promise<Principal | undefined> {
  const lastUsedWritten = new Map<string, number>();
  return async (token) => {
    if (looksLikeJwt(token)) {
      const claims = await verifyAccessToken(jwtSecret, token);
      if (claims === undefined) return undefined;
      const user = await db.selectFrom('users').select(['id', 'username', 'role', 'disabled']).where('id', '=', claims.userId).executeTakeFirst();
      if (user === undefined || user.disabled) return undefined;
      return { kind: 'user', userId: user.id, username: user.username, role: user.role };
    }
    if (!token.startsWith(API_KEY_PREFIX)) return undefined;
    const key = await db
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.created_by')
      .select(['api_keys.id', 'api_keys.role', 'api_keys.expires_at', 'api_keys.revoked_at', 'users.id as userId', 'users.username', 'users.role as userRole', 'users.disabled'])
      .where('api_keys.key_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (key === undefined || key.revoked_at !== null || key.disabled) return undefined;
    if (key.expires_at !== null && Date.parse(key.expires_at) <= Date.now()) return undefined;
    const now = Date.now();
    if ((lastUsedWritten.get(key.id) ?? 0) < now - LAST_USED_EVERY_MS) {
      lastUsedWritten.set(key.id, now);
      await db.updateTable('api_keys').set({ last_used_at: new Date(now).toISOString() }).where('id', '=', key.id).execute();
    }
    // A key never acts above its creator's current role.
    const role = roleRank(key.role) <= roleRank(key.userRole) ? key.role : key.userRole;
    return { kind: 'api-key', userId: key.userId, username: key.username, role, apiKeyId: key.id };
  };
}
