import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Schema of the conversation store, in order. Names start with `1` so they sort after the core
 * stores'; a migration, once released, is never edited, only followed.
 */
export const conversationMigrations: Record<string, Migration> = {
  '1001_conversations': {
    // Epoch milliseconds are BIGINT; JSON columns are TEXT so that the engine's session comes
    // back exactly as written and a "\u0000" escape in a customer's words stays storable (jsonb
    // refuses it). Every index here costs each chat turn a write, so each one serves a read
    // that would otherwise scan: the inbox queue, analytics and history by flow and time,
    // transcripts and erasure by conversation.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY,
          flow_id TEXT NOT NULL,
          flow_version INTEGER NOT NULL,
          token_hash BYTEA NOT NULL,
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
          handoff_requested_at BIGINT,
          handoff_claimed_at BIGINT,
          handoff_closed_at BIGINT,
          handoff_resolution TEXT,
          origin TEXT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL
        );
        CREATE INDEX conversations_handoff ON conversations (handoff_status, queue, handoff_requested_at);
        CREATE INDEX conversations_flow ON conversations (flow_id, created_at);
        CREATE INDEX conversations_created ON conversations (created_at, id);
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
          at BIGINT NOT NULL,
          PRIMARY KEY (session_id, id)
        );
        CREATE TABLE events (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          flow_id TEXT NOT NULL,
          flow_version INTEGER NOT NULL,
          session_id TEXT NOT NULL,
          name TEXT NOT NULL,
          node_id TEXT,
          data TEXT,
          at BIGINT NOT NULL
        );
        CREATE INDEX events_flow_name ON events (flow_id, name, at);
        CREATE INDEX events_session ON events (session_id);
        CREATE TABLE agents (
          agent_id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          status TEXT NOT NULL,
          updated_at BIGINT NOT NULL
        );
        CREATE TABLE daily_counts (
          flow_id TEXT NOT NULL,
          day TEXT NOT NULL,
          metric TEXT NOT NULL,
          count BIGINT NOT NULL,
          PRIMARY KEY (flow_id, day, metric)
        );
        -- Privacy requests read variables out of session text; a session jsonb refuses (a lone
        -- surrogate) is skipped rather than failing the request. U+0000 is stored as U+FFFD.
        CREATE FUNCTION sb_jsonb_or_null(t TEXT) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
          RETURN replace(t, '\\u0000', '\\ufffd')::jsonb;
        EXCEPTION WHEN others THEN
          RETURN NULL;
        END $$;
      `.execute(db);
    },
  },
  '1002_review_marks': {
    // Decisions on unrecognised messages (dismissed, added to the draft), by normalised text; as
    // SQLite migration 5. A handful per flow, read whole for the review list, written by staff.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE review_marks (
          flow_id TEXT NOT NULL,
          key TEXT NOT NULL,
          action TEXT NOT NULL,
          before_version INTEGER NOT NULL,
          target TEXT,
          by_user TEXT,
          at BIGINT NOT NULL,
          PRIMARY KEY (flow_id, key)
        );
      `.execute(db);
    },
  },
  '1003_reply_times': {
    // Bot reply times (TurnWrite.replyMs) in the order of the conversation's turns, appended by the
    // turn's own UPDATE of the row; as SQLite migration 7.
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE conversations ADD COLUMN reply_ms INTEGER[] NOT NULL DEFAULT '{}'`.execute(db);
    },
  },
  '1004_visitor_ids': {
    // The widget's anonymous visitor id, written once when the conversation starts, for unique
    // visitors in analytics (read through conversations_flow with the window); as SQLite migration 9.
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE conversations ADD COLUMN visitor_id TEXT`.execute(db);
    },
  },
};
