import type { Low } from 'lowdb';
import type { AuthSession, AuthSessionStore } from '../authSessionStore';
import type { AccountsFile } from './documents';

export class LowdbAuthSessionStore implements AuthSessionStore {
  constructor(private readonly db: Low<AccountsFile>) {}

  async create(session: AuthSession): Promise<void> {
    this.db.data.sessions.push({ ...session });
    await this.db.write();
  }

  async get(idHash: string): Promise<AuthSession | null> {
    const session = this.db.data.sessions.find((s) => s.idHash === idHash);
    return session ? { ...session } : null;
  }

  async extend(idHash: string, expiresAt: string): Promise<void> {
    const session = this.db.data.sessions.find((s) => s.idHash === idHash);
    if (!session) return;
    session.expiresAt = expiresAt;
    await this.db.write();
  }

  async delete(idHash: string): Promise<void> {
    await this.removeWhere((s) => s.idHash === idHash);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.removeWhere((s) => s.userId === userId);
  }

  async deleteExpired(now: string): Promise<number> {
    return this.removeWhere((s) => s.expiresAt <= now);
  }

  private async removeWhere(predicate: (s: AuthSession) => boolean): Promise<number> {
    const before = this.db.data.sessions.length;
    this.db.data.sessions = this.db.data.sessions.filter((s) => !predicate(s));
    const removed = before - this.db.data.sessions.length;
    if (removed > 0) await this.db.write();
    return removed;
  }
}
