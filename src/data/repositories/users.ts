// Users: accounts with a role. Password hashing is the auth service's; this stores the hash.
import type { Kysely } from 'kysely';
import { DataConflictError, isUniqueViolation } from '../errors.js';
import { containsPattern, pageWindow, toCount, type Page, type PageRequest } from '../pagination.js';
import type { Role, Schema, UserRow } from '../schema.js';

export interface User {
  id: string;
  username: string;
  role: Role;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

/** A user with the stored hash, for the login check only. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface NewUserInput {
  username: string;
  passwordHash: string;
  role: Role;
  mustChangePassword?: boolean;
}

export interface UserChanges {
  username?: string;
  passwordHash?: string;
  role?: Role;
  mustChangePassword?: boolean;
  disabled?: boolean;
}

export function usersRepository(db: Kysely<Schema>) {
  return {
    async create(input: NewUserInput): Promise<User> {
      try {
        const row = await db
          .insertInto('users')
          .values({ username: input.username, password_hash: input.passwordHash, role: input.role, must_change_password: input.mustChangePassword ?? false })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toUser(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DataConflictError(`user "${input.username}" already exists`, { cause: error });
        throw error;
      }
    },

    async get(id: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },

    async findByUsername(username: string): Promise<UserWithPassword | undefined> {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return row && { ...toUser(row), passwordHash: row.password_hash };
    },

    async list(request: PageRequest & { role?: Role; q?: string } = {}): Promise<Page<User>> {
      const { page, limit, offset } = pageWindow(request);
      let query = db.selectFrom('users');
      if (request.role !== undefined) query = query.where('role', '=', request.role);
      if (request.q !== undefined && request.q !== '') query = query.where('username', 'ilike', containsPattern(request.q));
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('username').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toUser), total: toCount(count.total), page, limit };
    },

    async update(id: string, changes: UserChanges): Promise<User | undefined> {
      const values: Record<string, unknown> = { updated_at: new Date().toISOString() };
      if (changes.username !== undefined) values.username = changes.username;
      if (changes.passwordHash !== undefined) values.password_hash = changes.passwordHash;
      if (changes.role !== undefined) values.role = changes.role;
      if (changes.mustChangePassword !== undefined) values.must_change_password = changes.mustChangePassword;
      if (changes.disabled !== undefined) values.disabled = changes.disabled;
      try {
        const row = await db.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirst();
        return row && toUser(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DataConflictError(`user "${changes.username ?? ''}" already exists`, { cause: error });
        throw error;
      }
    },

    async recordLogin(id: string, at: Date = new Date()): Promise<void> {
      await db.updateTable('users').set({ last_login_at: at.toISOString() }).where('id', '=', id).execute();
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
      return toCount(row.total);
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}
