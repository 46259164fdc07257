import { sql } from 'kysely';
import type { Stores } from '../stores';
import type { PostgresDatabase } from './database';
import { PostgresFlowStore } from './flowStore';
import { PostgresUserStore } from './userStore';
import { PostgresTokenStore } from './tokenStore';
import { PostgresAuthSessionStore } from './authSessionStore';
import { PostgresSettingsStore } from './settingsStore';
import { PostgresSecretStore } from './secretStore';
import { PostgresAuditLog } from './auditLog';
import { PostgresKnowledgeStore } from './knowledgeStore';
import { NulSafePlugin } from './nulSafePlugin';

/**
 * Every store in `Stores` over one pool; the caller migrates first and destroys the pool last.
 * Text from the network (a name, an id in a URL, the email tried at sign-in) may hold U+0000,
 * which PostgreSQL text refuses: NulSafePlugin turns it into U+FFFD, so such a request is
 * answered like any other instead of failing.
 */
export function postgresStores(pool: PostgresDatabase, now: () => number): Stores {
  const db = pool.withPlugin(new NulSafePlugin());
  return {
    flows: new PostgresFlowStore(db, now),
    users: new PostgresUserStore(db, now),
    tokens: new PostgresTokenStore(db, now),
    authSessions: new PostgresAuthSessionStore(db),
    settings: new PostgresSettingsStore(db, now),
    secrets: new PostgresSecretStore(db, now),
    audit: new PostgresAuditLog(db),
    knowledge: new PostgresKnowledgeStore(db, now),
  };
}

/** Any fixed number, as long as no other advisory lock of this database uses it. */
const STARTUP_LOCK = 0x5357_4254; // "SWBT"

/**
 * Runs `run` while holding a session-level advisory lock on one pooled connection, so instances
 * starting at once on an empty database take turns at the one-time steps (first admin, samples):
 * the second finds them done instead of doing them again.
 */
export async function withStartupLock<T>(db: PostgresDatabase, run: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${STARTUP_LOCK})`.execute(conn);
    try {
      return await run();
    } finally {
      await sql`SELECT pg_advisory_unlock(${STARTUP_LOCK})`.execute(conn);
    }
  });
}
