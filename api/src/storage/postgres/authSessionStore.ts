import type { AuthSession, AuthSessionStore } from '../authSessionStore';
import type { PostgresDatabase } from './database';
import { isoOf } from './values';

/** Signed-in browsers in PostgreSQL, so a session made on one instance works on every other. */
export class PostgresAuthSessionStore implements AuthSessionStore {
  constructor(private readonly db: PostgresDatabase) {}

  async create(session: AuthSession): Promise<void> {
    await this.db
      .insertInto('auth_sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async get(idHash: string): Promise<AuthSession | null> {
    const row = await this.db.selectFrom('auth_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    if (!row) return null;
    return { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, createdAt: isoOf(row.created_at), expiresAt: isoOf(row.expires_at) };
  }

  async extend(idHash: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('auth_sessions').set({ expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpired(now: string): Promise<number> {
    const result = await this.db.deleteFrom('auth_sessions').where('expires_at', '<=', new Date(now)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
