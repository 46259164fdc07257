import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from './tables';
import { MIGRATIONS } from './migrations';

// BIGINT (int8) and COUNT(*) come back as strings by default; every such value here (epoch ms,
// ids, counts) fits in a double, so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type PostgresDatabase = Kysely<Database>;

// The pool under each database openPostgres made, for the few statements that go to pg directly.
const pools = new WeakMap<PostgresDatabase, pg.Pool>();

/** The pg pool under `db`; only databases made by openPostgres have one. */
export function poolOf(db: PostgresDatabase): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('poolOf: this database was not opened with openPostgres');
  return pool;
}

export interface OpenPostgresOptions {
  /** Connections per instance; PostgreSQL's own limit is shared by every instance. */
  maxConnections?: number;
  logger?: Logger;
}

/** A pool on `DATABASE_URL`. Errors of idle clients are logged, never thrown (they would end the process). */
export function openPostgres(url: string, options: OpenPostgresOptions = {}): PostgresDatabase {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  pool.on('error', (err) => options.logger?.error({ err }, 'an idle PostgreSQL connection failed'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

export class MigrationError extends Error {
  constructor(readonly failed: string | null, cause: unknown) {
    super(`PostgreSQL migration ${failed ?? '(setup)'} failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/**
 * Brings the schema to the newest migration. Safe when several instances start at once: Kysely's
 * PostgreSQL adapter holds an advisory lock while it migrates, so the others wait and then find
 * nothing left to do.
 */
export async function migrateToLatest(db: PostgresDatabase, logger?: Logger): Promise<MigrationResultSet['results']> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? null;
  if (error) throw new MigrationError(failed, error);
  for (const r of results ?? []) logger?.info({ migration: r.migrationName }, 'PostgreSQL migration applied');
  return results;
}
