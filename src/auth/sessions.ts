// Sessions: login with a password (throttled per user and per address), refresh-token rotation with
// reuse detection (a rotated token presented again revokes its whole family), logout.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../data/schema.js';
import { invalid, ServiceError } from '../core/service-error.js';
import { ACCESS_TOKEN_SECONDS, hashToken, newOpaqueToken, signAccessToken } from './access-tokens.js';
import { recordAudit, type RequestContext } from './audit-log.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, spendVerifyTime, verifyPassword } from './passwords.js';
import { checkPassword } from './users.js';

export const REFRESH_TOKEN_DAYS = 7;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface SessionDeps {
  db: Kysely<Schema>;
  jwtSecret: Uint8Array;
  throttle: LoginThrottle;
}

const INVALID_LOGIN = 'wrong username or password';

export async function login(deps: SessionDeps, context: RequestContext, username: string, password: string): Promise<TokenPair> {
  const { db, throttle } = deps;
  const waitMs = throttle.retryAfterMs(username, context.address);
  if (waitMs > 0) {
    await recordAudit(db, context, { action: 'auth.login_locked', actor: username });
    const seconds = Math.ceil(waitMs / 1000);
    throw new ServiceError(429, `too many failed logins: try again in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
  }
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = user !== undefined ? await verifyPassword(user.password_hash, password) : (await spendVerifyTime(password), false);
  if (!ok || user === undefined || user.disabled) {
    throttle.failed(username, context.address);
    await recordAudit(db, context, { action: 'auth.login_failed', actor: username, ...(user ? { targetType: 'user', targetId: user.id } : {}) });
    throw new ServiceError(401, INVALID_LOGIN);
  }
  throttle.succeeded(username);
  const now = new Date().toISOString();
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
  const pair = await issueTokens(deps, { userId: user.id, username: user.username, role: user.role }, randomUUID());
  await recordAudit(db, { ...context, principal: { kind: 'user', userId: user.id, username: user.username, role: user.role } }, { action: 'auth.login', targetType: 'user', targetId: user.id });
  return pair;
}

export async function refresh(deps: SessionDeps, context: RequestContext, refreshToken: string): Promise<TokenPair> {
  const { db } = deps;
  const stored = await db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hashToken(refreshToken)).executeTakeFirst();
  if (stored === undefined) throw new ServiceError(401, 'the refresh token is not valid');
  if (stored.revoked_at !== null || stored.replaced_by !== null) {
    // Presented again after rotation: someone else holds a copy. End every session of the family.
    await revokeFamily(db, stored.family_id);
    await recordAudit(db, context, { action: 'auth.refresh_reused', targetType: 'user', targetId: stored.user_id, details: { family: stored.family_id } });
    throw new ServiceError(401, 'the refresh token was already used; its sessions are revoked, log in again');
  }
  if (Date.parse(stored.expires_at) <= Date.now()) throw new ServiceError(401, 'the refresh token has expired, log in again');
  const user = await db.selectFrom('users').selectAll().where('id', '=', stored.user_id).executeTakeFirst();
  if (user === undefined || user.disabled) throw new ServiceError(401, 'the account of this refresh token is disabled or deleted');
  const pair = await issueTokens(deps, { userId: user.id, username: user.username, role: user.role }, stored.family_id, stored.id);
  await recordAudit(db, { ...context, principal: { kind: 'user', userId: user.id, username: user.username, role: user.role } }, { action: 'auth.refresh', targetType: 'user', targetId: user.id });
  return pair;
}

/** Ends the session of the given refresh token (it must be the caller's), or all the caller's sessions. */
export async function logout(deps: SessionDeps, context: RequestContext, refreshToken: string | undefined): Promise<void> {
  const { db } = deps;
  const userId = context.principal!.userId;
  if (refreshToken !== undefined) {
    const stored = await db.selectFrom('refresh_tokens').select(['family_id', 'user_id']).where('token_hash', '=', hashToken(refreshToken)).executeTakeFirst();
    if (stored !== undefined && stored.user_id === userId) await revokeFamily(db, stored.family_id);
  } else {
    await db.updateTable('refresh_tokens').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  }
  await recordAudit(db, context, { action: 'auth.logout', targetType: 'user', targetId: userId, details: { allSessions: refreshToken === undefined } });
}

/** A signed-in user changes their own password, proving the current one; other sessions end. */
export async function changeOwnPassword(deps: SessionDeps, context: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
  const { db } = deps;
  const userId = context.principal!.userId;
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (user === undefined || !(await verifyPassword(user.password_hash, currentPassword))) {
    throw new ServiceError(403, 'the current password is wrong', [{ path: 'body/currentPassword', message: 'is not your current password' }]);
  }
  checkPassword(newPassword, 'body/newPassword');
  if (newPassword === currentPassword) throw invalid('body/newPassword', 'must differ from the current password');
  const now = new Date().toISOString();
  await db.updateTable('users').set({ password_hash: await hashPassword(newPassword), must_change_password: false, updated_at: now }).where('id', '=', userId).execute();
  await db.updateTable('refresh_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  await recordAudit(db, context, { action: 'auth.password_change', targetType: 'user', targetId: userId });
}

async function issueTokens(deps: SessionDeps, claims: { userId: string; username: string; role: Schema['users']['role'] }, familyId: string, replaces?: string): Promise<TokenPair> {
  const refreshToken = newOpaqueToken('srt_');
  const expiresAt = new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('refresh_tokens')
      .values({ token_hash: hashToken(refreshToken), family_id: familyId, user_id: claims.userId, expires_at: expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (replaces !== undefined) {
      await trx.updateTable('refresh_tokens').set({ replaced_by: created.id, revoked_at: new Date().toISOString() }).where('id', '=', replaces).execute();
    }
  });
  return { accessToken: await signAccessToken(deps.jwtSecret, claims), refreshToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_SECONDS };
}

async function revokeFamily(db: Kysely<Schema>, familyId: string): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: new Date().toISOString() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute();
}
