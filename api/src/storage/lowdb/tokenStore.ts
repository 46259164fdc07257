import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import type { ApiToken, TokenStore } from '../tokenStore';
import type { AccountsFile } from './documents';

export class LowdbTokenStore implements TokenStore {
  constructor(
    private readonly db: Low<AccountsFile>,
    private readonly now: () => number,
  ) {}

  async list(): Promise<ApiToken[]> {
    return structuredClone(this.db.data.tokens);
  }

  async get(id: string): Promise<ApiToken | null> {
    const token = this.db.data.tokens.find((t) => t.id === id);
    return token ? structuredClone(token) : null;
  }

  async findBySecretHash(secretHash: string): Promise<ApiToken | null> {
    const token = this.db.data.tokens.find((t) => t.secretHash === secretHash);
    return token ? structuredClone(token) : null;
  }

  async create(input: Omit<ApiToken, 'id' | 'createdAt' | 'lastUsedAt'>): Promise<ApiToken> {
    const token: ApiToken = { ...input, id: randomUUID(), createdAt: new Date(this.now()).toISOString(), lastUsedAt: null };
    this.db.data.tokens.push(token);
    await this.db.write();
    return structuredClone(token);
  }

  async touch(id: string, at: string): Promise<void> {
    const token = this.db.data.tokens.find((t) => t.id === id);
    if (!token) return;
    token.lastUsedAt = at;
    await this.db.write();
  }

  async delete(id: string): Promise<boolean> {
    const before = this.db.data.tokens.length;
    this.db.data.tokens = this.db.data.tokens.filter((t) => t.id !== id);
    if (this.db.data.tokens.length === before) return false;
    await this.db.write();
    return true;
  }
}
