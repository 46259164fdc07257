import type { Session } from '../../../runtime/src/engine/types';
import type {
  ConversationRecord,
  EventRecord,
  HandoffResolution,
  HandoffState,
  HandoffStatus,
} from '../../../runtime/src/chat/conversationStore';
import type { StoredMessage, StoredMessageKind, MessageSender } from '../../../runtime/src/chat/messages';
import type { HandoffPriority } from '../../../runtime/src/schema/nodes/handoff';
import type { EngineEventName } from '../../../runtime/src/engine/types';

// Rows of the conversation store as both back ends (SQLite and PostgreSQL) return them: the same
// column names and encodings (session and JSON columns as text), so one mapping serves both.

export interface ConversationRow {
  id: string;
  flow_id: string;
  flow_version: number;
  token_hash: Buffer;
  session_json: string;
  status: string;
  turn: number;
  last_message_id: number;
  handoff_status: string | null;
  queue: string | null;
  priority: string | null;
  note: string | null;
  assigned_agent_id: string | null;
  assigned_agent_name: string | null;
  handoff_requested_at: number | null;
  handoff_claimed_at: number | null;
  handoff_closed_at: number | null;
  handoff_resolution: string | null;
  origin: string | null;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  id: number;
  sender: string;
  kind: string;
  text: string | null;
  url: string | null;
  alt: string | null;
  links: string | null;
  agent_name: string | null;
  at: number;
}

export interface EventRow {
  flow_id: string;
  flow_version: number;
  session_id: string;
  name: string;
  node_id: string | null;
  data: string | null;
  at: number;
}

/** Column values for a handoff state, in the order the UPDATE statements bind them. */
export function handoffColumns(h: HandoffState | null) {
  return {
    handoff_status: h?.status ?? null,
    queue: h?.queue ?? null,
    priority: h?.priority ?? null,
    note: h?.note ?? null,
    assigned_agent_id: h?.assignedAgent?.id ?? null,
    assigned_agent_name: h?.assignedAgent?.name ?? null,
    handoff_requested_at: h?.requestedAt ?? null,
    handoff_claimed_at: h?.claimedAt ?? null,
    handoff_closed_at: h?.closedAt ?? null,
    handoff_resolution: h?.resolution ?? null,
  };
}

export function toConversation(row: ConversationRow): ConversationRecord {
  const handoff: HandoffState | null =
    row.handoff_status === null
      ? null
      : {
          status: row.handoff_status as HandoffStatus,
          queue: row.queue ?? '',
          priority: (row.priority ?? 'normal') as HandoffPriority,
          note: row.note ?? '',
          requestedAt: row.handoff_requested_at ?? row.updated_at,
          assignedAgent:
            row.assigned_agent_id === null ? null : { id: row.assigned_agent_id, name: row.assigned_agent_name ?? '' },
          claimedAt: row.handoff_claimed_at,
          closedAt: row.handoff_closed_at,
          resolution: row.handoff_resolution as HandoffResolution | null,
        };
  return {
    id: row.id,
    flowId: row.flow_id,
    flowVersion: row.flow_version,
    tokenHash: row.token_hash,
    session: JSON.parse(row.session_json) as Session,
    handoff,
    origin: row.origin,
    lastMessageId: row.last_message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMessage(row: MessageRow): StoredMessage {
  const m: StoredMessage = { id: row.id, from: row.sender as MessageSender, kind: row.kind as StoredMessageKind, at: row.at };
  if (row.text !== null) m.text = row.text;
  if (row.url !== null) m.url = row.url;
  if (row.alt !== null) m.alt = row.alt;
  if (row.links !== null) m.links = JSON.parse(row.links) as StoredMessage['links'];
  if (row.agent_name !== null) m.agentName = row.agent_name;
  return m;
}

export function toEvent(row: EventRow): EventRecord {
  return {
    flowId: row.flow_id,
    flowVersion: row.flow_version,
    sessionId: row.session_id,
    name: row.name as EngineEventName,
    nodeId: row.node_id,
    data: row.data === null ? null : (JSON.parse(row.data) as EventRecord['data']),
    at: row.at,
  };
}
