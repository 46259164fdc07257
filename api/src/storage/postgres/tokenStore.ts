import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ApiToken, TokenStore } from '../tokenStore';
import type { Role } from '../userStore';
import type { ApiTokensTable } from './coreTables';
import type { PostgresDatabase } from './database';
import { isoOf, isoOrNull } from './values';

function tokenOf(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    secretHash: row.secret_hash,
    createdAt: isoOf(row.created_at),
    createdBy: row.created_by,
    lastUsedAt: isoOrNull(row.last_used_at),
    expiresAt: isoOrNull(row.expires_at),
  };
}

/** API tokens in PostgreSQL, listed in the order they were created. */
export class PostgresTokenStore implements TokenStore {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number,
  ) {}

  async list(): Promise<ApiToken[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().orderBy('seq').execute()).map(tokenOf);
  }

  async get(id: string): Promise<ApiToken | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? tokenOf(row) : null;
  }

  async findBySecretHash(secretHash: string): Promise<ApiToken | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('secret_hash', '=', secretHash).orderBy('seq').executeTakeFirst();
    return row ? tokenOf(row) : null;
  }

  async create(input: Omit<ApiToken, 'id' | 'createdAt' | 'lastUsedAt'>): Promise<ApiToken> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({
        id: randomUUID(),
        name: input.name,
        role: input.role,
        secret_hash: input.secretHash,
        created_at: new Date(this.now()).toISOString(),
        created_by: input.createdBy,
        last_used_at: null,
        expires_at: input.expiresAt ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return tokenOf(row);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
