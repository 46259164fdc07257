import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { CONVERSATIONS_FILE } from '../../../api/src/chat/chatModule';

/**
 * Statements run straight on an app's conversation store, for tests that lay down hand-made
 * histories whose every figure is known: the SQLite file in DATA_DIR, or the PostgreSQL database.
 * Both take the same SQL with `?` placeholders (the tables have the same columns).
 */
export interface ConversationRows {
  run(statement: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export function openConversationRows(where: { dataDir: string; databaseUrl: string | null }): ConversationRows {
  if (where.databaseUrl === null) {
    const db = new Database(path.join(where.dataDir, CONVERSATIONS_FILE));
    return {
      run: async (statement, params = []) => void db.prepare(statement).run(...params),
      close: async () => void db.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: where.databaseUrl, max: 1 });
  return {
    async run(statement, params = []) {
      let n = 0;
      await pool.query(statement.replace(/\?/g, () => `$${++n}`), params);
    },
    close: () => pool.end(),
  };
}
