import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, openPostgres, type PostgresDatabase } from '../../../api/src/storage/postgres';
import { MIGRATIONS } from '../../../api/src/storage/postgres/migrations';
import { createTestDatabase, runPostgresTests, type TestDatabase } from '../../support/postgres';

describe.runIf(runPostgresTests)('PostgreSQL migrations', () => {
  let database: TestDatabase;
  const opened: PostgresDatabase[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const db of opened) await db.destroy();
    await database?.drop();
  });

  it('run once when several instances start at the same moment', async () => {
    const instances = [0, 1, 2].map(() => openPostgres(database.url));
    opened.push(...instances);
    const results = await Promise.all(instances.map((db) => migrateToLatest(db)));
    const applied = results.flatMap((r) => r ?? []).filter((r) => r.status === 'Success');
    // Each migration applied by exactly one instance; the others found nothing left to do.
    expect(applied.map((r) => r.migrationName).sort()).toEqual(Object.keys(MIGRATIONS).sort());
    const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(instances[0]!);
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
  });
});
