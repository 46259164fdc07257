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
  // Never checkpoint on this connection: a checkpoint fsyncs the database file (~100 ms on a busy
  // disk), and on the event loop's thread that stalls every conversation at once. The store's
  // checkpoint worker (checkpointWorker.ts) copies the WAL back from its own thread instead.
  db.pragma('wal_autocheckpoint = 0');
  migrate(db);
  return db;
}
