import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Stores } from '../../../../api/src/storage/stores';
import { openLowdbStores } from '../../../../api/src/storage/lowdb/openStores';
import { fileModelStore, type FlowModelStore } from '../../../../api/src/intentModels/modelStore';
import { migrateToLatest, openPostgres, type PostgresDatabase } from '../../../../api/src/storage/postgres';
import { postgresStores } from '../../../../api/src/storage/postgres/openStores';
import { postgresModelStore } from '../../../../api/src/storage/postgres/modelStore';
import { createTestDatabase, runPostgresTests, type TestDatabase } from '../../../support/postgres';

/** Stores over fresh data, as one instance of the app sees them. */
export interface StoreInstance {
  stores: Stores;
  models: FlowModelStore;
}

export interface StoreBackend {
  name: 'lowdb' | 'postgres';
  /** Several processes may use the same data at once (PostgreSQL); the embedded files are locked to one. */
  shared: boolean;
}

export const STORE_BACKENDS: StoreBackend[] = [
  { name: 'lowdb', shared: false },
  ...(runPostgresTests ? [{ name: 'postgres', shared: true } as const] : []),
];

export interface StoreHarness {
  /** This test's instance, over empty data. */
  readonly current: StoreInstance;
  /** The clock of every instance the test opens; starts at FIXED_NOW. */
  readonly now: { value: number };
  /**
   * The same data opened again: as after a restart (lowdb reads its files anew; only read through
   * it, as the first one still holds its own copy) or, on PostgreSQL, another instance with its own
   * connection pool.
   */
  open(): Promise<StoreInstance>;
}

export const FIXED_NOW = Date.parse('2026-01-01T00:00:00Z');

/**
 * Empties every table the migrations made (a table added later is included without being listed
 * here), instead of creating a database for each test, and starts every sequence again, as
 * TRUNCATE … RESTART IDENTITY would; DELETE and setval because TRUNCATE makes new files for every
 * table, which took ~500 ms a test against ~10 ms for these few rows.
 */
async function emptyAllTables(db: PostgresDatabase): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%'`.execute(db);
  await db.transaction().execute(async (trx) => {
    for (const r of rows) await sql`DELETE FROM ${sql.table(r.tablename)}`.execute(trx);
    await sql`SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1, false) FROM pg_sequences WHERE schemaname = 'public'`.execute(trx);
  });
}

/** Registers the hooks that give each test of the calling `describe` fresh, empty stores on `backend`. */
export function useStoreBackend(backend: StoreBackend): StoreHarness {
  const now = { value: FIXED_NOW };
  const clock = () => now.value;
  let current: StoreInstance | null = null;
  let dir = '';
  let database: TestDatabase | null = null;
  const pools: PostgresDatabase[] = [];
  const audits: Stores['audit'][] = [];

  const openLowdb = async (clock: () => number): Promise<StoreInstance> => {
    const stores = await openLowdbStores(dir, clock);
    audits.push(stores.audit);
    return { stores, models: fileModelStore(dir) };
  };
  const openPg = (clock: () => number): StoreInstance => {
    const db = openPostgres(database!.url, { maxConnections: 5 });
    pools.push(db);
    return { stores: postgresStores(db, clock), models: postgresModelStore(db) };
  };

  if (backend.name === 'postgres') {
    beforeAll(async () => {
      database = await createTestDatabase();
      const db = openPostgres(database.url);
      pools.push(db);
      await migrateToLatest(db);
    });
    afterAll(async () => {
      for (const db of pools.splice(0)) await db.destroy();
      await database?.drop();
    });
  }

  beforeEach(async () => {
    now.value = FIXED_NOW;
    if (backend.name === 'lowdb') {
      dir = await mkdtemp(path.join(os.tmpdir(), 'sb-stores-'));
      current = await openLowdb(clock);
    } else {
      await emptyAllTables(pools[0]!);
      current = openPg(clock);
    }
  });
  afterEach(async () => {
    for (const audit of audits.splice(0)) audit.close();
    // Pools opened by this test; the first (the migrating one) lives until afterAll.
    for (const db of pools.splice(1)) await db.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = '';
  });

  return {
    get current() {
      if (!current) throw new Error('stores are opened in beforeEach');
      return current;
    },
    now,
    open: async () => (backend.name === 'lowdb' ? openLowdb(clock) : openPg(clock)),
  };
}
