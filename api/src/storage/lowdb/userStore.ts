import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import type {
  CreateUserResult,
  DeleteUserResult,
  NewUser,
  UpdateUserResult,
  User,
  UserPatch,
  UserStore,
} from '../userStore';
import { isActive } from '../userStore';
import type { AccountsFile } from './documents';

export class LowdbUserStore implements UserStore {
  constructor(
    private readonly db: Low<AccountsFile>,
    private readonly now: () => number,
  ) {}

  async list(): Promise<User[]> {
    return structuredClone(this.db.data.users);
  }

  async get(id: string): Promise<User | null> {
    const user = this.db.data.users.find((u) => u.id === id);
    return user ? structuredClone(user) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const wanted = email.trim().toLowerCase();
    const user = this.db.data.users.find((u) => u.email === wanted);
    return user ? structuredClone(user) : null;
  }

  async count(): Promise<number> {
    return this.db.data.users.length;
  }

  async create(input: NewUser): Promise<CreateUserResult> {
    const email = input.email.trim().toLowerCase();
    if (this.db.data.users.some((u) => u.email === email)) return { ok: false, reason: 'emailTaken' };
    const at = new Date(this.now()).toISOString();
    const user: User = { ...input, email, id: randomUUID(), createdAt: at, updatedAt: at };
    this.db.data.users.push(user);
    await this.db.write();
    return { ok: true, user: structuredClone(user) };
  }

  async update(id: string, patch: UserPatch): Promise<UpdateUserResult> {
    const user = this.db.data.users.find((u) => u.id === id);
    if (!user) return { ok: false, reason: 'notFound' };
    const losesAdmin = (patch.role !== undefined && patch.role !== 'admin') || Boolean(patch.deactivatedAt);
    if (losesAdmin && user.role === 'admin' && isActive(user) && this.adminCount() === 1) {
      return { ok: false, reason: 'lastAdmin' };
    }
    Object.assign(user, patch, { updatedAt: new Date(this.now()).toISOString() });
    await this.db.write();
    return { ok: true, user: structuredClone(user) };
  }

  async delete(id: string): Promise<DeleteUserResult> {
    const index = this.db.data.users.findIndex((u) => u.id === id);
    const user = this.db.data.users[index];
    if (!user) return { ok: false, reason: 'notFound' };
    if (user.role === 'admin' && isActive(user) && this.adminCount() === 1) return { ok: false, reason: 'lastAdmin' };
    this.db.data.users.splice(index, 1);
    this.db.data.sessions = this.db.data.sessions.filter((s) => s.userId !== id);
    await this.db.write();
    return { ok: true };
  }

  private adminCount(): number {
    return this.db.data.users.filter((u) => u.role === 'admin' && isActive(u)).length;
  }
}
