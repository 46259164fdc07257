import type { Logger } from 'pino';
import type { Config } from '../config';
import { ConfigError, SHARED_SECRET_KEY_REQUIRED } from '../config';
import type { FlowModelStore } from '../intentModels/modelStore';
import { checkDataDir } from '../bootstrap/checkDataDir';
import type { Stores } from './stores';
import { acquireDataDirLock } from './dataDirLock';
import { openLowdbStores } from './lowdb/openStores';
import { migrateToLatest, openPostgres, type PostgresDatabase } from './postgres/database';
import { postgresStores, withStartupLock } from './postgres/openStores';
import { postgresModelStore } from './postgres/modelStore';
import { pingPostgres } from './postgres/ping';

export interface OpenedStores {
  stores: Stores;
  /** Where published versions' intent models live; null keeps the files under DATA_DIR/models. */
  models: FlowModelStore | null;
  /** The stores' PostgreSQL pool, already migrated, for the conversation store to share; null for the embedded stores. */
  postgres: PostgresDatabase | null;
  /**
   * Runs the one-time start-up steps (first admin, samples) so that instances starting together
   * on one database do them once. The embedded stores need nothing: DATA_DIR is locked.
   */
  startupExclusive<T>(run: () => Promise<T>): Promise<T>;
  /** Whether the shared database answers (`GET /readyz`); absent for the embedded stores. */
  ping?: () => Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenStoresOptions {
  clock: () => number;
  logger: Logger;
  /** The chat's SQLite file that checkDataDir looks for; null when the chat keeps conversations elsewhere. */
  conversationsFile: string | null;
}

/**
 * DATABASE_URL set: every store in PostgreSQL, schema migrated on start, no DATA_DIR lock (several
 * instances share the database). Otherwise the embedded stores in DATA_DIR, which one process
 * locks for itself.
 */
export async function openStores(config: Config, options: OpenStoresOptions): Promise<OpenedStores> {
  return config.databaseUrl === null ? openEmbedded(config, options) : openOnPostgres(config, config.databaseUrl, options);
}

async function openEmbedded(config: Config, options: OpenStoresOptions): Promise<OpenedStores> {
  // Before the lock file, the first write: a wrong DATA_DIR is reported, not changed.
  checkDataDir(config.dataDir, { conversationsFile: options.conversationsFile, secretKeyConfigured: config.secretKey !== null });
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const stores = await openLowdbStores(config.dataDir, options.clock);
    return {
      stores,
      models: null,
      postgres: null,
      startupExclusive: (run) => run(),
      async close() {
        stores.audit.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function openOnPostgres(config: Config, url: string, options: OpenStoresOptions): Promise<OpenedStores> {
  // loadConfig already refuses this; a Config built by hand gets the same answer.
  if (config.secretKey === null) throw new ConfigError([{ variable: 'SWITCHBOARD_SECRET_KEY', message: SHARED_SECRET_KEY_REQUIRED }]);
  const db = openPostgres(url, { logger: options.logger });
  try {
    await migrateToLatest(db, options.logger);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    stores: postgresStores(db, options.clock),
    models: postgresModelStore(db),
    postgres: db,
    startupExclusive: (run) => withStartupLock(db, run),
    ping: () => pingPostgres(db),
    close: () => db.destroy(),
  };
}
