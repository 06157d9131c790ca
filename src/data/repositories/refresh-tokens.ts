// Refresh tokens, stored hashed, in families: each rotation adds a token to the family of the one it
// replaces. Presenting a token that was already rotated (or revoked) means it leaked: the whole family is
// revoked, so neither the thief nor the owner can go on with it.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RefreshTokenRow, Schema } from '../schema.js';

export interface RefreshToken {
  id: string;
  familyId: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  replacedBy: string | null;
}

export interface NewRefreshToken {
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  /** Omitted for a new login: a new family starts. */
  familyId?: string;
}

export type RotationOutcome =
  | { status: 'rotated'; token: RefreshToken; previous: RefreshToken }
  | { status: 'reused'; familyId: string; userId: string }
  | { status: 'expired'; token: RefreshToken }
  | { status: 'unknown' };

export function refreshTokensRepository(db: Kysely<Schema>) {
  return {
    async store(input: NewRefreshToken): Promise<RefreshToken> {
      const row = await db
        .insertInto('refresh_tokens')
        .values({ token_hash: input.tokenHash, user_id: input.userId, family_id: input.familyId ?? randomUUID(), expires_at: input.expiresAt.toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toToken(row);
    },

    async findByHash(tokenHash: string): Promise<RefreshToken | undefined> {
      const row = await db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toToken(row);
    },

    /** Replaces the token of `tokenHash` by a new one of the same family, atomically. */
    async rotate(tokenHash: string, next: { tokenHash: string; expiresAt: Date }, now: Date = new Date()): Promise<RotationOutcome> {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
        if (current === undefined) return { status: 'unknown' } as const;
        if (current.revoked_at !== null || current.replaced_by !== null) {
          await revokeFamilyWith(trx, current.family_id, now);
          return { status: 'reused', familyId: current.family_id, userId: current.user_id } as const;
        }
        if (new Date(current.expires_at).getTime() <= now.getTime()) return { status: 'expired', token: toToken(current) } as const;
        const created = await trx
          .insertInto('refresh_tokens')
          .values({ token_hash: next.tokenHash, user_id: current.user_id, family_id: current.family_id, expires_at: next.expiresAt.toISOString() })
          .returningAll()
          .executeTakeFirstOrThrow();
        const previous = await trx
          .updateTable('refresh_tokens')
          .set({ revoked_at: now.toISOString(), replaced_by: created.id })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { status: 'rotated', token: toToken(created), previous: toToken(previous) } as const;
      });
    },

    /** Revokes every token of the family; returns how many were still live. */
    async revokeFamily(familyId: string, now: Date = new Date()): Promise<number> {
      return revokeFamilyWith(db, familyId, now);
    },

    /** Logout: revokes the family of the presented token. False when the token is unknown. */
    async revokeByHash(tokenHash: string, now: Date = new Date()): Promise<boolean> {
      const row = await db.selectFrom('refresh_tokens').select('family_id').where('token_hash', '=', tokenHash).executeTakeFirst();
      if (row === undefined) return false;
      await revokeFamilyWith(db, row.family_id, now);
      return true;
    },

    /** Every live token of a user (password change, account disabled). */
    async revokeAllForUser(userId: string, now: Date = new Date()): Promise<number> {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: now.toISOString() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async deleteExpired(before: Date = new Date()): Promise<number> {
      const result = await db.deleteFrom('refresh_tokens').where('expires_at', '<', before.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type RefreshTokensRepository = ReturnType<typeof refreshTokensRepository>;

async function revokeFamilyWith(db: Kysely<Schema>, familyId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toToken(row: RefreshTokenRow): RefreshToken {
  return {
    id: row.id,
    familyId: row.family_id,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    replacedBy: row.replaced_by,
  };
}
