import type Database from 'better-sqlite3';
import { ANALYTICS_BUCKET_MS } from '../../../../runtime/src/chat/analyticsFacts';
import { ANALYTICS_ROLLUPS_SQL } from './analyticsRollups';
import { KNOWLEDGE_ROLLUPS_SQL } from './knowledgeRollups';
import { TIE_BREAK_ROLLUPS_SQL } from './tieBreakRollups';

/**
 * Append-only: each entry runs once, in order, inside a transaction, and is recorded in
 * `schema_migrations`. Never edit a migration that has shipped; add the next one.
 */
export const conversationMigrations: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        flow_id TEXT NOT NULL,
        flow_version INTEGER NOT NULL,
        token_hash BLOB NOT NULL,
        session_json TEXT NOT NULL,
        status TEXT NOT NULL,
        turn INTEGER NOT NULL,
        last_message_id INTEGER NOT NULL DEFAULT 0,
        handoff_status TEXT,
        queue TEXT,
        priority TEXT,
        note TEXT,
        assigned_agent_id TEXT,
        assigned_agent_name TEXT,
        handoff_requested_at INTEGER,
        handoff_claimed_at INTEGER,
        handoff_closed_at INTEGER,
        handoff_resolution TEXT,
        origin TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX conversations_handoff ON conversations (handoff_status, queue, handoff_requested_at);
      CREATE INDEX conversations_flow ON conversations (flow_id, created_at);
      CREATE TABLE messages (
        session_id TEXT NOT NULL,
        id INTEGER NOT NULL,
        sender TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT,
        url TEXT,
        alt TEXT,
        links TEXT,
        agent_name TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (session_id, id)
      ) WITHOUT ROWID;
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        flow_id TEXT NOT NULL,
        flow_version INTEGER NOT NULL,
        session_id TEXT NOT NULL,
        name TEXT NOT NULL,
        node_id TEXT,
        data TEXT,
        at INTEGER NOT NULL
      );
      -- Analytics read events by flow and time. Every index costs each chat turn a page write,
      -- so there is deliberately none by session: a transcript lives in messages.
      CREATE INDEX events_flow ON events (flow_id, flow_version, at);
      CREATE TABLE agents (
        agent_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    // History search pages through conversations by start time. created_at never changes
    // after the insert, so this index costs nothing on chat turns.
    sql: `CREATE INDEX conversations_created ON conversations (created_at, id);`,
  },
  {
    version: 3,
    // Retention and erasure delete conversations; what they counted survives here per flow and
    // UTC day, so analytics over old periods still add up. No index on updated_at: it changes
    // on every turn, and the sweep finds its rows through conversations_created instead.
    sql: `
      CREATE TABLE daily_counts (
        flow_id TEXT NOT NULL,
        day TEXT NOT NULL,
        metric TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (flow_id, day, metric)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    // Analytics reads a flow's events of a few names (handoffs, goals, ratings, fallbacks) from a
    // date on: about one event in seven. Through events_flow it would visit every event of the
    // window; this index lets it visit only those. One more index entry per event written.
    sql: `CREATE INDEX events_flow_name ON events (flow_id, name, at);`,
  },
  {
    version: 5,
    // Decisions on unrecognised messages (dismissed, added to the draft), by normalised text.
    // A handful per flow, read whole for the review list; written only by staff.
    sql: `
      CREATE TABLE review_marks (
        flow_id TEXT NOT NULL,
        key TEXT NOT NULL,
        action TEXT NOT NULL,
        before_version INTEGER NOT NULL,
        target TEXT,
        by_user TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (flow_id, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    // Per-conversation rollups kept by triggers, so the analytics page and the canvas overlay read
    // one range per flow and window instead of every event in it; existing rows are replayed.
    sql: ANALYTICS_ROLLUPS_SQL,
  },
  {
    version: 7,
    // Bot reply times (TurnWrite.replyMs) of a conversation, a JSON array in the order of its
    // turns: written by the turn's own transaction, on the summary row that turn already changes.
    sql: `ALTER TABLE conversation_stats ADD COLUMN reply_ms TEXT;`,
  },
  {
    version: 8,
    // Answer-from-knowledge outcomes and "did that help?" answers per conversation (knowledgeRollups.ts).
    sql: KNOWLEDGE_ROLLUPS_SQL,
  },
  {
    version: 9,
    // The widget's anonymous visitor id, written once when the conversation starts (never updated),
    // mirrored on its summary row so unique visitors are one range of conversation_stats; the
    // insert trigger of migration 6 is replaced by one that copies it. Rows before have none.
    sql: `
      ALTER TABLE conversations ADD COLUMN visitor_id TEXT;
      ALTER TABLE conversation_stats ADD COLUMN visitor_id TEXT;
      DROP TRIGGER conversation_stats_insert;
      CREATE TRIGGER conversation_stats_insert AFTER INSERT ON conversations BEGIN
        INSERT INTO conversation_stats (flow_id, bucket, created_at, id, flow_version, status, queue,
          handoff_requested_at, handoff_closed_at, visitor_id)
        VALUES (NEW.flow_id, NEW.created_at / ${ANALYTICS_BUCKET_MS}, NEW.created_at, NEW.id, NEW.flow_version, NEW.status,
          NEW.queue, NEW.handoff_requested_at, NEW.handoff_closed_at, NEW.visitor_id);
      END;
    `,
  },
  {
    version: 10,
    // Unsure intent steps that asked the language model, by outcome, per conversation (tieBreakRollups.ts).
    sql: TIE_BREAK_ROLLUPS_SQL,
  },
];

/** Runs the migrations not applied yet; `upTo` stops earlier (a benchmark building an old schema). */
export function migrate(db: Database.Database, upTo = Infinity): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  for (const m of conversationMigrations) {
    if (applied.has(m.version) || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, Date.now());
    })();
  }
}
