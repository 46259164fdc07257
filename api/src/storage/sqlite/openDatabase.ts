import Database from 'better-sqlite3';
import { migrate } from './migrations';

/**
 * WAL lets readers run beside the single writer; synchronous=NORMAL in WAL mode still never
 * corrupts the database on a crash and loses at most the last transactions on power loss, not
 * on a process kill — which is what `kill -9` tests exercise.
 */
export function openConversationDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoints normally run in a worker (see checkpointWorker.ts); this only bounds the WAL if
  // that worker is not running.
  db.pragma('wal_autocheckpoint = 20000');
  migrate(db);
  return db;
}
