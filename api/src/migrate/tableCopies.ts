import type { TableCopy } from './upsertRows';

/** Every table the migration writes, with the columns it copies and the key it upserts on. */
export const COPIES = {
  flows: { table: 'flows', columns: ['id', 'document', 'tests', 'revision', 'created_at', 'updated_at', 'updated_by', 'live'], key: ['id'] },
  flowVersions: {
    table: 'flow_versions',
    columns: ['flow_id', 'number', 'document', 'note', 'published_at', 'published_by', 'override_note'],
    key: ['flow_id', 'number'],
  },
  flowModels: { table: 'flow_models', columns: ['flow_id', 'version', 'models'], key: ['flow_id', 'version'] },
  // seq (insertion order, which list() keeps) is left to the identity: rows go in source order.
  users: {
    table: 'users',
    columns: ['id', 'email', 'name', 'role', 'password_hash', 'created_at', 'updated_at', 'deactivated_at', 'last_sign_in_at', 'locale'],
    key: ['id'],
  },
  apiTokens: {
    table: 'api_tokens',
    columns: ['id', 'name', 'role', 'secret_hash', 'created_at', 'created_by', 'last_used_at', 'expires_at'],
    key: ['id'],
  },
  authSessions: { table: 'auth_sessions', columns: ['id_hash', 'user_id', 'csrf_token', 'created_at', 'expires_at'], key: ['id_hash'] },
  orgSettings: { table: 'org_settings', columns: ['id', 'settings'], key: ['id'] },
  bootstrapSteps: { table: 'bootstrap_steps', columns: ['step', 'done_at'], key: ['step'] },
  secrets: { table: 'secrets', columns: ['name', 'value', 'hosts', 'created_at', 'updated_at'], key: ['name'] },
  secretKeyCheck: { table: 'secret_key_check', columns: ['id', 'key_check'], key: ['id'] },
  audit: {
    table: 'audit',
    columns: ['id', 'at', 'actor_kind', 'actor_id', 'actor_name', 'action', 'target', 'detail'],
    key: ['id'],
    keepsIdentity: true,
  },
  knowledgeSources: {
    table: 'knowledge_sources',
    columns: [
      'id',
      'title',
      'url',
      'kind',
      'file_name',
      'text',
      'characters',
      'text_revision',
      'passages',
      'status',
      'created_at',
      'updated_at',
      'updated_by',
    ],
    key: ['id'],
  },
  conversations: {
    table: 'conversations',
    columns: [
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
      'visitor_id',
      'created_at',
      'updated_at',
    ],
    key: ['id'],
  },
  messages: {
    table: 'messages',
    columns: ['session_id', 'id', 'sender', 'kind', 'text', 'url', 'alt', 'links', 'agent_name', 'at'],
    key: ['session_id', 'id'],
  },
  events: {
    table: 'events',
    columns: ['id', 'flow_id', 'flow_version', 'session_id', 'name', 'node_id', 'data', 'at'],
    key: ['id'],
    keepsIdentity: true,
  },
  agents: { table: 'agents', columns: ['agent_id', 'name', 'status', 'updated_at'], key: ['agent_id'] },
  dailyCounts: { table: 'daily_counts', columns: ['flow_id', 'day', 'metric', 'count'], key: ['flow_id', 'day', 'metric'] },
  reviewMarks: {
    table: 'review_marks',
    columns: ['flow_id', 'key', 'action', 'before_version', 'target', 'by_user', 'at'],
    key: ['flow_id', 'key'],
  },
} as const satisfies Record<string, TableCopy>;

/** The SQLite tables of conversations.sqlite copied column for column (same names in both). */
export const CONVERSATION_TABLES = ['conversations', 'messages', 'events', 'agents', 'daily_counts', 'review_marks'] as const;
