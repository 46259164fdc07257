import { ANALYTICS_BUCKET_MS } from '../../../../runtime/src/chat/analyticsFacts';

/**
 * Rollups for analytics (migration 6), kept by triggers in the transaction that writes the rows
 * they summarise, so they never disagree with them and every writer (chat turns, the inbox, tests
 * writing rows by hand) keeps them without knowing about them.
 *
 * - conversation_stats: one row per conversation: the conversation columns analytics reads
 *   (mirrored on insert and update) and counters from its messages and events. Keyed by flow,
 *   then the 15-minute bucket it started in, so a window's figures are one range of one b-tree,
 *   aggregated per bucket in key order with no sort;
 * - conversation_goals / _nodes / _edges: each goal, step and step output a conversation reached,
 *   once, so the traffic tables below count conversations rather than visits;
 * - goal_traffic / node_traffic / edge_traffic: per flow, bucket and version, how many
 *   conversations reached each goal, entered each step, followed each output.
 *
 * Buckets are 15 minutes: every time zone's midnight falls on one, so a window of local days is
 * a whole number of buckets in any zone.
 *
 * Each rule below is written once and made into two triggers: AFTER INSERT on `events` or
 * `messages` for new rows, and, for the backfill of an existing database, INSTEAD OF INSERT on a
 * temporary view that the migration feeds the existing rows through in the order they were
 * written. A rule finds the conversation by its primary key, which the same transaction has just
 * written, so it is in the page cache. "Once per conversation" uses changes(): inside a trigger
 * it counts the previous statement of the same trigger, here an INSERT OR IGNORE of the
 * (conversation, step) pair.
 */

const B = ANALYTICS_BUCKET_MS;
/** The rollup key (flow_id, bucket, created_at, id) of the conversation `id`. */
export const STATS_OF = (id: string) =>
  `(flow_id, bucket, created_at, id) = (SELECT flow_id, created_at / ${B}, created_at, id FROM conversations WHERE id = ${id})`;
/** One conversation more in a traffic table if the statement before inserted its (conversation, key) pair. */
const BUMP = (table: string, columns: string, values: string) => `
    INSERT INTO ${table} (flow_id, bucket, flow_version, ${columns}, conversations)
    SELECT flow_id, created_at / ${B}, flow_version, ${values}, 1 FROM conversations WHERE id = NEW.session_id AND changes() = 1
    ON CONFLICT DO UPDATE SET conversations = conversations + 1;`;

export interface Rule {
  name: string;
  /** The trigger's WHEN condition on the NEW row. */
  when: string;
  body: string;
}

const MESSAGE_COLUMNS = 'session_id, sender, at';
const MESSAGE_RULES: Rule[] = [
  {
    name: 'customer_message',
    when: `NEW.sender = 'customer'`,
    body: `UPDATE conversation_stats SET customer_messages = customer_messages + 1 WHERE ${STATS_OF('NEW.session_id')};`,
  },
  {
    name: 'agent_message',
    when: `NEW.sender = 'agent'`,
    body: `UPDATE conversation_stats SET first_agent_reply_at = NEW.at
      WHERE ${STATS_OF('NEW.session_id')} AND first_agent_reply_at IS NULL
        AND handoff_requested_at IS NOT NULL AND NEW.at >= handoff_requested_at;`,
  },
];

export const EVENT_COLUMNS = 'session_id, name, node_id, data';
const EVENT_RULES: Rule[] = [
  {
    name: 'handed_off',
    when: `NEW.name = 'handedOff'`,
    body: `UPDATE conversation_stats SET handed_off = 1 WHERE ${STATS_OF('NEW.session_id')};`,
  },
  {
    name: 'handoff_offline',
    when: `NEW.name = 'handoffOffline'`,
    body: `UPDATE conversation_stats SET handed_off = 1, offline = 1 WHERE ${STATS_OF('NEW.session_id')};`,
  },
  {
    name: 'csat',
    when: `NEW.name = 'csat' AND json_valid(NEW.data) AND json_type(NEW.data, '$.rating') = 'integer'
      AND json_extract(NEW.data, '$.rating') BETWEEN 1 AND 5`,
    body: `UPDATE conversation_stats SET
        csat_1 = csat_1 + (json_extract(NEW.data, '$.rating') = 1),
        csat_2 = csat_2 + (json_extract(NEW.data, '$.rating') = 2),
        csat_3 = csat_3 + (json_extract(NEW.data, '$.rating') = 3),
        csat_4 = csat_4 + (json_extract(NEW.data, '$.rating') = 4),
        csat_5 = csat_5 + (json_extract(NEW.data, '$.rating') = 5)
      WHERE ${STATS_OF('NEW.session_id')};`,
  },
  {
    // "helpful" is true/false, or "yes"/"no" from older versions.
    name: 'faq_feedback',
    when: `NEW.name = 'faqFeedback' AND json_valid(NEW.data)`,
    body: `UPDATE conversation_stats SET
        faq_yes = faq_yes + (json_type(NEW.data, '$.helpful') IS 'true' OR json_extract(NEW.data, '$.helpful') IS 'yes'),
        faq_no = faq_no + (json_type(NEW.data, '$.helpful') IS 'false' OR json_extract(NEW.data, '$.helpful') IS 'no')
      WHERE ${STATS_OF('NEW.session_id')};`,
  },
  {
    name: 'fallback',
    when: `NEW.name = 'fallback' AND json_valid(NEW.data) AND json_type(NEW.data, '$.text') = 'text'`,
    body: `UPDATE conversation_stats SET unrecognised = unrecognised + 1 WHERE ${STATS_OF('NEW.session_id')};`,
  },
  {
    // Once per conversation; the label is the latest the goal was reached under.
    name: 'goal',
    when: `NEW.name = 'goalReached' AND NEW.node_id IS NOT NULL`,
    body: `INSERT OR IGNORE INTO conversation_goals (id, node_id) VALUES (NEW.session_id, NEW.node_id);
      INSERT INTO goal_traffic (flow_id, bucket, flow_version, node_id, conversations, label)
      SELECT flow_id, created_at / ${B}, flow_version, NEW.node_id, changes(),
        CASE WHEN json_valid(NEW.data) AND json_type(NEW.data, '$.label') = 'text' THEN json_extract(NEW.data, '$.label') END
      FROM conversations WHERE id = NEW.session_id
      ON CONFLICT DO UPDATE SET conversations = conversations + excluded.conversations, label = coalesce(excluded.label, label);`,
  },
  {
    name: 'node_entered',
    when: `NEW.name = 'nodeEntered' AND NEW.node_id IS NOT NULL`,
    body: `UPDATE conversation_stats SET last_node_id = NEW.node_id WHERE ${STATS_OF('NEW.session_id')};
      INSERT OR IGNORE INTO conversation_nodes (id, node_id) VALUES (NEW.session_id, NEW.node_id);
      ${BUMP('node_traffic', 'node_id', 'NEW.node_id')}`,
  },
  {
    name: 'edge_followed',
    when: `NEW.name = 'nodeEntered' AND json_valid(NEW.data) AND json_type(NEW.data, '$.fromNodeId') = 'text'
      AND json_type(NEW.data, '$.viaHandle') = 'text'`,
    body: `INSERT OR IGNORE INTO conversation_edges (id, source, handle)
      VALUES (NEW.session_id, json_extract(NEW.data, '$.fromNodeId'), json_extract(NEW.data, '$.viaHandle'));
      ${BUMP('edge_traffic', 'source, handle', "json_extract(NEW.data, '$.fromNodeId'), json_extract(NEW.data, '$.viaHandle')")}`,
  },
];

/** The rules as triggers on new rows of `table`. */
export const onInsert = (table: string, rules: Rule[]) =>
  rules.map((r) => `CREATE TRIGGER ${table}_${r.name} AFTER INSERT ON ${table} WHEN ${r.when} BEGIN ${r.body} END;`).join('\n');

/** Feeds a table's existing rows that a rule may apply to (`where`), in `order`, through the rules once. */
export const replay = (table: string, columns: string, rules: Rule[], where: string, order: string) => `
  CREATE TEMP VIEW replay_${table} AS SELECT ${columns} FROM main.${table} WHERE 0;
  ${rules.map((r) => `CREATE TEMP TRIGGER replay_${table}_${r.name} INSTEAD OF INSERT ON replay_${table} WHEN ${r.when} BEGIN ${r.body} END;`).join('\n')}
  INSERT INTO replay_${table} (${columns}) SELECT ${columns} FROM main.${table} WHERE ${where} ORDER BY ${order};
  DROP VIEW replay_${table};
`;

export const ANALYTICS_ROLLUPS_SQL = `
  CREATE TABLE conversation_stats (
    flow_id TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    id TEXT NOT NULL,
    flow_version INTEGER NOT NULL,
    status TEXT NOT NULL,
    queue TEXT,
    handoff_requested_at INTEGER,
    handoff_closed_at INTEGER,
    -- The first agent message at or after the (latest) handoff request.
    first_agent_reply_at INTEGER,
    customer_messages INTEGER NOT NULL DEFAULT 0,
    -- 1 after a handedOff or handoffOffline event; offline after handoffOffline.
    handed_off INTEGER NOT NULL DEFAULT 0,
    offline INTEGER NOT NULL DEFAULT 0,
    -- How many csat events rated 1, 2, 3, 4, 5.
    csat_1 INTEGER NOT NULL DEFAULT 0,
    csat_2 INTEGER NOT NULL DEFAULT 0,
    csat_3 INTEGER NOT NULL DEFAULT 0,
    csat_4 INTEGER NOT NULL DEFAULT 0,
    csat_5 INTEGER NOT NULL DEFAULT 0,
    faq_yes INTEGER NOT NULL DEFAULT 0,
    faq_no INTEGER NOT NULL DEFAULT 0,
    -- fallback events carrying the typed text.
    unrecognised INTEGER NOT NULL DEFAULT 0,
    -- The step entered last (nodeEntered), for "dropped here" on the overlay.
    last_node_id TEXT,
    -- The outcome that no longer depends on the clock (runtime/src/chat/analyticsFacts.ts):
    -- handedOff, contained, or NULL while open (abandoned or in progress, by the conversation's
    -- updated_at, which is not copied here: it changes on every turn, and copying it would cost
    -- each turn a write).
    settled TEXT GENERATED ALWAYS AS (CASE WHEN handed_off = 1 OR handoff_requested_at IS NOT NULL THEN 'handedOff'
      WHEN status IN ('completed', 'expired') THEN 'contained' END) VIRTUAL,
    PRIMARY KEY (flow_id, bucket, created_at, id)
  ) WITHOUT ROWID;

  CREATE TABLE conversation_goals (id TEXT NOT NULL, node_id TEXT NOT NULL, PRIMARY KEY (id, node_id)) WITHOUT ROWID;
  CREATE TABLE conversation_nodes (id TEXT NOT NULL, node_id TEXT NOT NULL, PRIMARY KEY (id, node_id)) WITHOUT ROWID;
  CREATE TABLE conversation_edges (
    id TEXT NOT NULL, source TEXT NOT NULL, handle TEXT NOT NULL, PRIMARY KEY (id, source, handle)
  ) WITHOUT ROWID;

  CREATE TABLE goal_traffic (
    flow_id TEXT NOT NULL, bucket INTEGER NOT NULL, flow_version INTEGER NOT NULL, node_id TEXT NOT NULL,
    conversations INTEGER NOT NULL,
    -- The goal's label when last reached in this bucket.
    label TEXT,
    PRIMARY KEY (flow_id, bucket, flow_version, node_id)
  ) WITHOUT ROWID;
  CREATE TABLE node_traffic (
    flow_id TEXT NOT NULL, bucket INTEGER NOT NULL, flow_version INTEGER NOT NULL, node_id TEXT NOT NULL,
    conversations INTEGER NOT NULL,
    PRIMARY KEY (flow_id, bucket, flow_version, node_id)
  ) WITHOUT ROWID;
  CREATE TABLE edge_traffic (
    flow_id TEXT NOT NULL, bucket INTEGER NOT NULL, flow_version INTEGER NOT NULL, source TEXT NOT NULL,
    handle TEXT NOT NULL, conversations INTEGER NOT NULL,
    PRIMARY KEY (flow_id, bucket, flow_version, source, handle)
  ) WITHOUT ROWID;

  CREATE TRIGGER conversation_stats_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversation_stats (flow_id, bucket, created_at, id, flow_version, status, queue,
      handoff_requested_at, handoff_closed_at)
    VALUES (NEW.flow_id, NEW.created_at / ${B}, NEW.created_at, NEW.id, NEW.flow_version, NEW.status,
      NEW.queue, NEW.handoff_requested_at, NEW.handoff_closed_at);
  END;

  -- Only when a copied column changed, which most turns do not do. A new handoff request starts a
  -- new wait for the agent's first reply.
  CREATE TRIGGER conversation_stats_update
  AFTER UPDATE OF status, queue, handoff_requested_at, handoff_closed_at ON conversations
  WHEN NEW.status IS NOT OLD.status OR NEW.queue IS NOT OLD.queue
    OR NEW.handoff_requested_at IS NOT OLD.handoff_requested_at OR NEW.handoff_closed_at IS NOT OLD.handoff_closed_at BEGIN
    UPDATE conversation_stats SET status = NEW.status, queue = NEW.queue,
      handoff_requested_at = NEW.handoff_requested_at, handoff_closed_at = NEW.handoff_closed_at,
      first_agent_reply_at = CASE WHEN NEW.handoff_requested_at IS OLD.handoff_requested_at
        THEN first_agent_reply_at ELSE NULL END
    WHERE flow_id = OLD.flow_id AND bucket = OLD.created_at / ${B} AND created_at = OLD.created_at AND id = OLD.id;
  END;

  -- Deleted conversations keep only the daily aggregates (conversationPrivacy.ts): their traffic goes too.
  CREATE TRIGGER conversation_stats_delete AFTER DELETE ON conversations BEGIN
    UPDATE goal_traffic SET conversations = conversations - 1
    WHERE flow_id = OLD.flow_id AND bucket = OLD.created_at / ${B} AND flow_version = OLD.flow_version
      AND node_id IN (SELECT node_id FROM conversation_goals WHERE id = OLD.id);
    UPDATE node_traffic SET conversations = conversations - 1
    WHERE flow_id = OLD.flow_id AND bucket = OLD.created_at / ${B} AND flow_version = OLD.flow_version
      AND node_id IN (SELECT node_id FROM conversation_nodes WHERE id = OLD.id);
    UPDATE edge_traffic SET conversations = conversations - 1
    WHERE flow_id = OLD.flow_id AND bucket = OLD.created_at / ${B} AND flow_version = OLD.flow_version
      AND (source, handle) IN (SELECT source, handle FROM conversation_edges WHERE id = OLD.id);
    DELETE FROM conversation_goals WHERE id = OLD.id;
    DELETE FROM conversation_nodes WHERE id = OLD.id;
    DELETE FROM conversation_edges WHERE id = OLD.id;
    DELETE FROM conversation_stats
    WHERE flow_id = OLD.flow_id AND bucket = OLD.created_at / ${B} AND created_at = OLD.created_at AND id = OLD.id;
  END;

  ${onInsert('messages', MESSAGE_RULES)}
  ${onInsert('events', EVENT_RULES)}

  -- Backfill: every existing conversation, then its messages and events in the order written.
  INSERT INTO conversation_stats (flow_id, bucket, created_at, id, flow_version, status, queue,
    handoff_requested_at, handoff_closed_at)
  SELECT flow_id, created_at / ${B}, created_at, id, flow_version, status, queue, handoff_requested_at, handoff_closed_at
  FROM conversations;
  ${replay('messages', MESSAGE_COLUMNS, MESSAGE_RULES, `sender IN ('customer', 'agent')`, 'session_id, id')}
  ${replay('events', EVENT_COLUMNS, EVENT_RULES, `name IN ('handedOff', 'handoffOffline', 'csat', 'faqFeedback', 'fallback', 'goalReached', 'nodeEntered')`, 'id')}
`;
