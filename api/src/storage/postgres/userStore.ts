import { randomUUID } from 'node:crypto';
import type { Selectable, Updateable } from 'kysely';
import type { CreateUserResult, DeleteUserResult, NewUser, Role, UpdateUserResult, User, UserLocale, UserPatch, UserStore } from '../userStore';
import type { UsersTable } from './coreTables';
import type { PostgresDatabase } from './database';
import { isoOf, isoOrNull, isUniqueViolation } from './values';

function userOf(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    deactivatedAt: isoOrNull(row.deactivated_at),
    lastSignInAt: isoOrNull(row.last_sign_in_at),
    ...(row.locale !== null ? { locale: row.locale as UserLocale } : {}),
  };
}

function columnsOf(patch: UserPatch): Updateable<UsersTable> {
  const set: Updateable<UsersTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
  if (patch.deactivatedAt !== undefined) set.deactivated_at = patch.deactivatedAt;
  if (patch.lastSignInAt !== undefined) set.last_sign_in_at = patch.lastSignInAt;
  if (patch.locale !== undefined) set.locale = patch.locale;
  return set;
}

/**
 * Accounts in PostgreSQL. The email is unique in the table, so two instances creating one account
 * at once cannot both succeed. A change that could remove the last active admin locks every active
 * admin's row first, so two instances demoting the last two admins at once cannot both pass.
 */
export class PostgresUserStore implements UserStore {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number,
  ) {}

  async list(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('seq').execute()).map(userOf);
  }

  async get(id: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userOf(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row ? userOf(row) : null;
  }

  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  async create(input: NewUser): Promise<CreateUserResult> {
    const at = new Date(this.now()).toISOString();
    try {
      const row = await this.db
        .insertInto('users')
        .values({
          id: randomUUID(),
          email: input.email.trim().toLowerCase(),
          name: input.name,
          role: input.role,
          password_hash: input.passwordHash,
          created_at: at,
          updated_at: at,
          deactivated_at: input.deactivatedAt ?? null,
          last_sign_in_at: input.lastSignInAt ?? null,
          locale: input.locale ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ok: true, user: userOf(row) };
    } catch (err) {
      if (isUniqueViolation(err)) return { ok: false, reason: 'emailTaken' };
      throw err;
    }
  }

  async update(id: string, patch: UserPatch): Promise<UpdateUserResult> {
    const losesAdmin = (patch.role !== undefined && patch.role !== 'admin') || Boolean(patch.deactivatedAt);
    return this.db.transaction().execute(async (trx) => {
      const admins = losesAdmin ? await this.lockActiveAdmins(trx) : [];
      const user = await trx.selectFrom('users').select(['role', 'deactivated_at']).where('id', '=', id).executeTakeFirst();
      if (!user) return { ok: false, reason: 'notFound' } as const;
      if (losesAdmin && user.role === 'admin' && user.deactivated_at === null && admins.length === 1) {
        return { ok: false, reason: 'lastAdmin' } as const;
      }
      const row = await trx
        .updateTable('users')
        .set({ ...columnsOf(patch), updated_at: new Date(this.now()).toISOString() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ok: true, user: userOf(row) } as const;
    });
  }

  async delete(id: string): Promise<DeleteUserResult> {
    return this.db.transaction().execute(async (trx) => {
      const admins = await this.lockActiveAdmins(trx);
      const user = await trx.selectFrom('users').select(['role', 'deactivated_at']).where('id', '=', id).executeTakeFirst();
      if (!user) return { ok: false, reason: 'notFound' } as const;
      if (user.role === 'admin' && user.deactivated_at === null && admins.length === 1) return { ok: false, reason: 'lastAdmin' } as const;
      await trx.deleteFrom('users').where('id', '=', id).execute();
      // Signed-in browsers go with the account, as in the embedded store.
      await trx.deleteFrom('auth_sessions').where('user_id', '=', id).execute();
      return { ok: true } as const;
    });
  }

  /**
   * Locks the active admins' rows until the transaction ends and returns their ids. Always in id
   * order, so two such transactions queue up instead of deadlocking.
   */
  private async lockActiveAdmins(trx: PostgresDatabase): Promise<string[]> {
    const rows = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.map((r) => r.id);
  }
}
