// Users: created by an admin (and the first admin at first start), listed, changed, removed. The last
// enabled admin can be neither removed, demoted nor disabled, so the platform never locks itself out.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema, UserRow } from '../data/schema.js';
import { conflict, invalid, notFound } from '../core/service-error.js';
import { recordAudit, type RequestContext } from './audit-log.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import type { PlatformRole } from './roles.js';

export interface UserView {
  id: string;
  username: string;
  role: PlatformRole;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$';

export function checkPassword(password: string, path = 'body/password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid(path, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

/** First start: the `admin` user, with SENTINEL_ADMIN_PASSWORD or a generated password the caller prints once. */
export async function ensureAdmin(db: Kysely<Schema>, given: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
  const existing = await db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
  if (existing !== undefined) return { created: false };
  const generated = given === undefined ? randomBytes(18).toString('base64url') : undefined;
  const password = given ?? generated!;
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`SENTINEL_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters`);
  await db
    .insertInto('users')
    .values({ username: 'admin', password_hash: await hashPassword(password), role: 'admin', must_change_password: generated !== undefined })
    .onConflict((oc) => oc.column('username').doUpdateSet({ role: 'admin', disabled: false }))
    .execute();
  return generated === undefined ? { created: true } : { created: true, generatedPassword: generated };
}

export async function createUser(db: Kysely<Schema>, context: RequestContext, input: { username: string; password: string; role: PlatformRole }): Promise<UserView> {
  checkPassword(input.password);
  const taken = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken !== undefined) throw conflict(`the username ${input.username} is taken`);
  const row = await db
    .insertInto('users')
    .values({ username: input.username, password_hash: await hashPassword(input.password), role: input.role })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      // Two creations of one name at once: the second loses the race to the unique index.
      if ((error as { code?: string }).code === '23505') throw conflict(`the username ${input.username} is taken`);
      throw error;
    });
  await recordAudit(db, context, { action: 'user.create', targetType: 'user', targetId: row.id, details: { username: row.username, role: row.role } });
  return userView(row);
}

export async function getUser(db: Kysely<Schema>, id: string): Promise<UserView> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('user');
  return userView(row);
}

export async function listUsers(db: Kysely<Schema>, page: number, limit: number, q?: string): Promise<{ items: UserView[]; total: number }> {
  let query = db.selectFrom('users');
  if (q !== undefined && q !== '') query = query.where('username', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('created_at').orderBy('id').limit(limit).offset((page - 1) * limit).execute();
  return { items: rows.map(userView), total: Number(total) };
}

export interface UserChange {
  password?: string;
  role?: PlatformRole;
  disabled?: boolean;
}

export async function updateUser(db: Kysely<Schema>, context: RequestContext, id: string, change: UserChange): Promise<UserView> {
  if (change.password !== undefined) checkPassword(change.password);
  const current = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (current === undefined) throw notFound('user');
  const losesAdmin = current.role === 'admin' && !current.disabled && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
  if (losesAdmin && (await enabledAdmins(db)) <= 1) throw conflict('the last enabled admin cannot be demoted or disabled');
  const values: Partial<Pick<UserRow, 'password_hash' | 'role' | 'disabled' | 'must_change_password'>> & { updated_at: string } = { updated_at: new Date().toISOString() };
  if (change.password !== undefined) {
    values.password_hash = await hashPassword(change.password);
    // An admin setting someone's password leaves it to be changed by them; changing one's own clears it.
    values.must_change_password = context.principal?.userId !== id;
  }
  if (change.role !== undefined) values.role = change.role;
  if (change.disabled !== undefined) values.disabled = change.disabled;
  const row = await db.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  // A new password or a disabled account ends the sessions it had.
  if (change.password !== undefined || change.disabled === true) await db.updateTable('refresh_tokens').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
  await recordAudit(db, context, {
    action: 'user.update',
    targetType: 'user',
    targetId: id,
    details: { ...(change.role !== undefined ? { role: change.role } : {}), ...(change.disabled !== undefined ? { disabled: change.disabled } : {}), passwordChanged: change.password !== undefined },
  });
  return userView(row);
}

export async function deleteUser(db: Kysely<Schema>, context: RequestContext, id: string): Promise<void> {
  const current = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (current === undefined) throw notFound('user');
  if (context.principal?.userId === id) throw conflict('you cannot delete your own account');
  if (current.role === 'admin' && !current.disabled && (await enabledAdmins(db)) <= 1) throw conflict('the last enabled admin cannot be deleted');
  await db.transaction().execute(async (trx) => {
    // Keys die with their creator.
    await trx.updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('created_by', '=', id).where('revoked_at', 'is', null).execute();
    await trx.deleteFrom('users').where('id', '=', id).execute();
  });
  await recordAudit(db, context, { action: 'user.delete', targetType: 'user', targetId: id, details: { username: current.username } });
}

async function enabledAdmins(db: Kysely<Schema>): Promise<number> {
  const { count } = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('count')).where('role', '=', 'admin').where('disabled', '=', false).executeTakeFirstOrThrow();
  return Number(count);
}

