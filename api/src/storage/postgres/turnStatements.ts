import type { QueryConfig } from 'pg';
import type { TurnWrite } from '../../../../runtime/src/chat/conversationStore';
import { handoffColumns, type ConversationRow } from '../conversationRows';
import { clean } from './nulSafePlugin';

/**
 * The two statements every chat turn runs (read the conversation, commit the turn), sent to pg
 * directly as named prepared statements instead of built through Kysely: nothing is compiled per
 * call here, and each pooled connection (and PostgreSQL) parses and plans each text once.
 * Parameters are made NUL-safe as NulSafePlugin does for every other statement.
 */

// What toConversation reads; not `*`, which would also carry reply_ms (one entry per bot reply,
// so it grows with the conversation) into every turn's read.
const CONVERSATION_COLUMNS = [
  'id',
  'flow_id',
  'flow_version',
  'token_hash',
  'session_json',
  'status',
  'turn',
  'last_message_id',
  'handoff_status',
  'queue',
  'priority',
  'note',
  'assigned_agent_id',
  'assigned_agent_name',
  'handoff_requested_at',
  'handoff_claimed_at',
  'handoff_closed_at',
  'handoff_resolution',
  'origin',
  'created_at',
  'updated_at',
].join(', ');

export type ConversationReadRow = ConversationRow & { online_agents: number };

/**
 * One conversation, with how many agents are online read in the same statement: a turn that
 * may hand off needs both, and one round trip is cheaper than two.
 */
export function readConversation(id: string): QueryConfig<unknown[]> {
  return {
    name: 'switchboard_read_conversation',
    text: `SELECT ${CONVERSATION_COLUMNS}, (SELECT count(*) FROM agents WHERE status = 'online') AS online_agents
      FROM conversations WHERE id = $1`,
    values: [clean(id)],
  };
}

const HANDOFF_COLUMNS = Object.keys(handoffColumns(null));

/** Statement text per shape of turn: with or without a handoff change, with or without a reply time. */
const commitTexts = new Map<string, string>();

function commitText(withHandoff: boolean, withReplyMs: boolean): string {
  const key = `${String(withHandoff)}${String(withReplyMs)}`;
  const known = commitTexts.get(key);
  if (known !== undefined) return known;
  let n = 0;
  const p = () => `$${String(++n)}`;
  // In the order commitTurn lists the values.
  const [session, status, turn, count, at] = [p(), p(), p(), p(), p()];
  const set = [
    `session_json = ${session}`,
    `status = ${status}`,
    `turn = ${turn}`,
    `last_message_id = last_message_id + ${count}::integer`,
    `updated_at = ${at}`,
    ...(withHandoff ? HANDOFF_COLUMNS.map((column) => `${column} = ${p()}`) : []),
    ...(withReplyMs ? [`reply_ms = array_append(reply_ms, ${p()}::integer)`] : []),
  ];
  const id = p();
  const expectedTurn = p();
  // One statement, so one round trip and the row lock held only for it. The UPDATE comes first
  // and the inserts read its RETURNING, so they happen only when the turn applies; a second turn
  // on the conversation waits for this statement's commit and then finds the turn moved.
  const text = `
    WITH moved AS (
      UPDATE conversations SET ${set.join(', ')}
      WHERE id = ${id} AND turn = ${expectedTurn}
      RETURNING last_message_id
    ), new_messages AS (
      INSERT INTO messages (session_id, id, sender, kind, text, url, alt, links, agent_name, at)
      SELECT ${id}, moved.last_message_id - ${count}::integer + r.ord, r.sender, r.kind, r.text, r.url, r.alt, r.links, r.agent_name, r.at
      FROM moved, unnest(
        ${p()}::text[], ${p()}::text[], ${p()}::text[], ${p()}::text[], ${p()}::text[], ${p()}::text[], ${p()}::text[], ${p()}::bigint[]
      ) WITH ORDINALITY AS r(sender, kind, text, url, alt, links, agent_name, at, ord)
    ), new_events AS (
      INSERT INTO events (flow_id, flow_version, session_id, name, node_id, data, at)
      SELECT r.flow_id, r.flow_version, r.session_id, r.name, r.node_id, r.data, r.at
      FROM moved, unnest(
        ${p()}::text[], ${p()}::integer[], ${p()}::text[], ${p()}::text[], ${p()}::text[], ${p()}::text[], ${p()}::bigint[]
      ) WITH ORDINALITY AS r(flow_id, flow_version, session_id, name, node_id, data, at, ord)
      ORDER BY r.ord
    )
    SELECT last_message_id FROM moved`;
  commitTexts.set(key, text);
  return text;
}

/**
 * A turn's conditional UPDATE of the conversation and the inserts of its messages and events, as
 * one statement (rows passed as arrays). No row back: the turn moved (or the conversation is gone).
 */
export function commitTurn(t: TurnWrite): QueryConfig<unknown[]> {
  const withHandoff = t.handoff !== undefined;
  const withReplyMs = t.replyMs !== undefined;
  const m = t.messages;
  const e = t.events;
  const values: unknown[] = [
    JSON.stringify(t.session),
    t.session.status,
    t.session.turn,
    m.length,
    t.at,
    ...(t.handoff === undefined ? [] : Object.values(handoffColumns(t.handoff))),
    ...(t.replyMs === undefined ? [] : [t.replyMs]),
    t.sessionId,
    t.expectedTurn,
    m.map((x) => x.from),
    m.map((x) => x.kind),
    m.map((x) => x.text ?? null),
    m.map((x) => x.url ?? null),
    m.map((x) => x.alt ?? null),
    m.map((x) => (x.links === undefined ? null : JSON.stringify(x.links))),
    m.map((x) => x.agentName ?? null),
    m.map((x) => x.at),
    e.map((x) => x.flowId),
    e.map((x) => x.flowVersion),
    e.map((x) => x.sessionId),
    e.map((x) => x.name),
    e.map((x) => x.nodeId),
    e.map((x) => (x.data === null ? null : JSON.stringify(x.data))),
    e.map((x) => x.at),
  ];
  return {
    name: `switchboard_commit_turn_${withHandoff ? 'h' : ''}${withReplyMs ? 'r' : ''}`,
    text: commitText(withHandoff, withReplyMs),
    values: values.map(clean),
  };
}
