import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { acquireDataDirLock } from '../storage/dataDirLock';
import { migrateToLatest, openPostgres } from '../storage/postgres/database';
import { NulSafePlugin } from '../storage/postgres/nulSafePlugin';
import type { Database } from '../storage/postgres/tables';
import { isUniqueViolation } from '../storage/postgres/values';
import { parseSecretKey, SECRET_KEY_FILE } from '../secrets/secretKey';
import { checkInstallation, openEmbeddedSource, SourceError, type EmbeddedSource } from './embeddedSource';
import { secretsForTarget, SecretKeyProblem } from './secretsForTarget';
import { COPIES } from './tableCopies';
import { advanceIdentity, upsertRows } from './upsertRows';
import {
  flowRows,
  knowledgeRows,
  modelRows,
  secretRows,
  sessionRows,
  settingsRows,
  sqliteRows,
  tokenRows,
  userRows,
  versionRows,
} from './sourceRows';
import { compareCounts, type KindCount } from './counts';

export interface MigrateOptions {
  dataDir: string;
  databaseUrl: string;
  /** SWITCHBOARD_SECRET_KEY of the PostgreSQL installation. */
  targetKey: Buffer;
  /** The key the source's secrets were saved with; default DATA_DIR/secret.key. */
  sourceKey?: Buffer | null;
  /** Write into a target that already holds rows (existing keys are overwritten). */
  force?: boolean;
}

export interface MigrateResult {
  counts: KindCount[];
  /** Every kind has as many records in the target as in the source. */
  same: boolean;
  /** Secrets were decrypted with the source key and encrypted with the target key. */
  reencrypted: boolean;
}

/** The target already holds data and `force` was not given. */
export class TargetNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `The target database is not empty (rows in ${tables.join(', ')}). Migrate into an empty database, ` +
        'or pass --force to copy over it (records with the same ids are overwritten; others stay).',
    );
    this.name = 'TargetNotEmptyError';
  }
}

/** With --force: a target record has the same unique value (an account's email) under another id. */
export class TargetConflictError extends Error {
  constructor(detail: string) {
    super(
      `The target holds a different record with the same unique value (${detail}), so it was not written over. ` +
        'This happens when a server has already run on the target database (it made its own first admin): ' +
        'migrate into an empty database instead. Nothing was written.',
    );
    this.name = 'TargetConflictError';
  }
}

export { SourceError, SecretKeyProblem };

function sourceKeyOf(dataDir: string, given: Buffer | null | undefined): Buffer | null {
  if (given) return given;
  const file = path.join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) return null;
  const key = parseSecretKey(readFileSync(file, 'utf8'));
  if (!key) throw new SecretKeyProblem(`${file} does not hold a 32-byte base64 key.`);
  return key;
}

const TABLES = Object.values(COPIES).map((c) => c.table);

async function nonEmptyTables(db: Kysely<Database>): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLES) {
    const { rows } = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS any`.execute(db);
    if (rows[0]?.any) found.push(table);
  }
  return found;
}

async function copyAll(trx: Kysely<Database>, source: EmbeddedSource, secrets: ReturnType<typeof secretsForTarget>): Promise<void> {
  // Flows before versions (versions reference their flow).
  await upsertRows(trx, COPIES.flows, flowRows(source));
  await upsertRows(trx, COPIES.flowVersions, versionRows(source));
  await upsertRows(trx, COPIES.flowModels, modelRows(source));
  await upsertRows(trx, COPIES.users, userRows(source));
  await upsertRows(trx, COPIES.apiTokens, tokenRows(source));
  await upsertRows(trx, COPIES.authSessions, sessionRows(source));
  const settings = settingsRows(source);
  await upsertRows(trx, COPIES.orgSettings, settings.settings);
  await upsertRows(trx, COPIES.bootstrapSteps, settings.steps);
  await upsertRows(trx, COPIES.secretKeyCheck, [{ id: 1, key_check: secrets.keyCheck }]);
  await upsertRows(trx, COPIES.secrets, secretRows(secrets.secrets));
  await upsertRows(trx, COPIES.knowledgeSources, knowledgeRows(source));
  await upsertRows(trx, COPIES.audit, sqliteRows(source.audit, 'audit', 'id'));
  await advanceIdentity(trx, 'audit', 'id');
  const conversations = source.conversations;
  await upsertRows(trx, COPIES.conversations, sqliteRows(conversations, 'conversations', 'created_at, id'));
  await upsertRows(trx, COPIES.messages, sqliteRows(conversations, 'messages', 'session_id, id'));
  await upsertRows(trx, COPIES.events, sqliteRows(conversations, 'events', 'id'));
  await advanceIdentity(trx, 'events', 'id');
  await upsertRows(trx, COPIES.agents, sqliteRows(conversations, 'agents', 'agent_id'));
  await upsertRows(trx, COPIES.dailyCounts, sqliteRows(conversations, 'daily_counts', 'flow_id, day, metric'));
  await upsertRows(trx, COPIES.reviewMarks, sqliteRows(conversations, 'review_marks', 'flow_id, key'));
}

/**
 * Copies an embedded installation (DATA_DIR) into PostgreSQL in one transaction: all of it or,
 * on any error, nothing. DATA_DIR is locked meanwhile, so no server can start on it (nor is one
 * running: the lock is refused then), and is only read.
 */
export async function migrateToPostgres(options: MigrateOptions): Promise<MigrateResult> {
  checkInstallation(options.dataDir);
  const lock = acquireDataDirLock(options.dataDir);
  try {
    const source = openEmbeddedSource(options.dataDir);
    try {
      const secrets = secretsForTarget(source.secrets, sourceKeyOf(options.dataDir, options.sourceKey), options.targetKey);
      const pool = openPostgres(options.databaseUrl, { maxConnections: 2 });
      try {
        await migrateToLatest(pool);
        const db = pool.withPlugin(new NulSafePlugin());
        const filled = await nonEmptyTables(db);
        if (filled.length > 0 && !options.force) throw new TargetNotEmptyError(filled);
        try {
          await db.transaction().execute((trx) => copyAll(trx, source, secrets));
        } catch (err) {
          if (isUniqueViolation(err)) throw new TargetConflictError((err as { detail?: string }).detail ?? (err as Error).message);
          throw err;
        }
        const counts = await compareCounts(source, db);
        return { counts, same: counts.every((c) => c.source === c.target), reencrypted: secrets.reencrypted };
      } finally {
        await pool.destroy();
      }
    } finally {
      source.close();
    }
  } finally {
    lock.release();
  }
}
