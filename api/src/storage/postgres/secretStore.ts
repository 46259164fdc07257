import { sql, type Selectable } from 'kysely';
import type { EncryptedValue, SecretStore, StoredSecret } from '../secretStore';
import type { SecretsTable } from './coreTables';
import type { PostgresDatabase } from './database';
import { isoOf, jsonText } from './values';

function secretOf(row: Selectable<SecretsTable>): StoredSecret {
  return {
    name: row.name,
    value: row.value as EncryptedValue,
    hosts: row.hosts,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
  };
}

/** Secrets in PostgreSQL: only the vault's ciphertext, never a plain value (see secrets/vault.ts). */
export class PostgresSecretStore implements SecretStore {
  constructor(
    private readonly db: PostgresDatabase,
    private readonly now: () => number,
  ) {}

  async list(): Promise<StoredSecret[]> {
    const rows = await this.db.selectFrom('secrets').selectAll().execute();
    // Sorted here, as the embedded store sorts, not by the database's collation.
    return rows.map(secretOf).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<StoredSecret | null> {
    const row = await this.db.selectFrom('secrets').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? secretOf(row) : null;
  }

  async put(name: string, value: EncryptedValue, hosts: string[]): Promise<{ secret: StoredSecret; created: boolean }> {
    const at = new Date(this.now()).toISOString();
    const row = await this.db
      .insertInto('secrets')
      .values({ name, value: jsonText(value), hosts: jsonText(hosts), created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: jsonText(value), hosts: jsonText(hosts), updated_at: at }))
      .returningAll()
      // xmax is 0 on a freshly inserted row and set on one the upsert updated.
      .returning(sql<boolean>`(xmax = 0)`.as('created'))
      .executeTakeFirstOrThrow();
    const { created, ...secret } = row;
    return { secret: secretOf(secret), created };
  }

  async setHosts(name: string, hosts: string[]): Promise<StoredSecret | null> {
    const row = await this.db
      .updateTable('secrets')
      .set({ hosts: jsonText(hosts), updated_at: new Date(this.now()).toISOString() })
      .where('name', '=', name)
      .returningAll()
      .executeTakeFirst();
    return row ? secretOf(row) : null;
  }

  async delete(name: string): Promise<boolean> {
    const result = await this.db.deleteFrom('secrets').where('name', '=', name).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async keyCheck(): Promise<string | null> {
    const row = await this.db.selectFrom('secret_key_check').select('key_check').where('id', '=', 1).executeTakeFirst();
    return row?.key_check ?? null;
  }

  async setKeyCheck(check: string): Promise<void> {
    await this.db
      .insertInto('secret_key_check')
      .values({ id: 1, key_check: check })
      .onConflict((oc) => oc.column('id').doUpdateSet({ key_check: check }))
      .execute();
  }
}
