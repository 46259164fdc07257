import type { Generated } from 'kysely';

/**
 * Tables of the conversation store (conversations, messages, events, agent availability, daily
 * counts). migrations/conversations.ts creates them. Column names and encodings match the SQLite
 * store's (storage/conversationRows.ts maps rows of either): JSON is kept as text, so what the
 * engine wrote comes back byte for byte.
 */
export interface ConversationTables {
  conversations: ConversationsTable;
  messages: MessagesTable;
  events: EventsTable;
  agents: AgentsTable;
  daily_counts: DailyCountsTable;
  review_marks: ReviewMarksTable;
}

export interface ConversationsTable {
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
  /** Bot reply times of its turns, ms (migration 1003). */
  reply_ms: Generated<number[]>;
  /** The widget's anonymous visitor id, for unique visitors (migration 1004); never shown to agents. */
  visitor_id: Generated<string | null>;
}

export interface MessagesTable {
  session_id: string;
  /** Per conversation, from conversations.last_message_id (see postgresConversationStore.ts). */
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

export interface EventsTable {
  /** Identity: events of one conversation are read back in the order they were written. */
  id: Generated<number>;
  flow_id: string;
  flow_version: number;
  session_id: string;
  name: string;
  node_id: string | null;
  data: string | null;
  at: number;
}

export interface AgentsTable {
  agent_id: string;
  name: string;
  status: string;
  updated_at: number;
}

export interface DailyCountsTable {
  flow_id: string;
  day: string;
  metric: string;
  count: number;
}

export interface ReviewMarksTable {
  flow_id: string;
  key: string;
  action: string;
  before_version: number;
  target: string | null;
  by_user: string | null;
  at: number;
}
