import type { ColumnType, Generated } from 'kysely';

/** timestamptz: written as an ISO string or Date, read back as a Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/**
 * `json` (not jsonb): keeps a document's text, key order included, exactly as saved. Written as
 * JSON text, because pg would turn a JavaScript array into a PostgreSQL array literal.
 */
type Json<T> = ColumnType<T, string, string>;

export interface FlowsTable {
  id: string;
  document: Json<unknown>;
  tests: Json<unknown[]>;
  revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  /** The live version's number; null when unpublished. */
  live: number | null;
}

export interface FlowVersionsTable {
  flow_id: string;
  number: number;
  document: Json<unknown>;
  note: string;
  published_at: Timestamp;
  published_by: string | null;
  override_note: string | null;
}

export interface UsersTable {
  /** Insertion order, which list() keeps (as the embedded store does). */
  seq: Generated<number>;
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  deactivated_at: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  locale: string | null;
}

export interface ApiTokensTable {
  seq: Generated<number>;
  id: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: Timestamp;
  created_by: string | null;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
}

export interface AuthSessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** One row (id 1): the organisation's settings. */
export interface OrgSettingsTable {
  id: number;
  settings: Json<Record<string, unknown>>;
}

export interface BootstrapStepsTable {
  step: string;
  done_at: Timestamp;
}

export interface SecretsTable {
  name: string;
  /** The vault's ciphertext record, as it gave it. */
  value: Json<unknown>;
  hosts: Json<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One row (id 1): the fingerprint of the key the secrets were encrypted with. */
export interface SecretKeyCheckTable {
  id: number;
  key_check: string;
}

export interface AuditTable {
  id: Generated<number>;
  /** Epoch milliseconds. */
  at: number;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface FlowModelsTable {
  flow_id: string;
  version: number;
  models: Json<unknown>;
}

export interface KnowledgeSourcesTable {
  id: string;
  title: string;
  url: string | null;
  kind: string;
  file_name: string | null;
  /** Never read by list(): only getText() carries it out. */
  text: string;
  characters: number;
  text_revision: number;
  passages: number;
  status: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

/**
 * Tables of the stores in `Stores` (flows, versions, flow tests, accounts, tokens, sign-in
 * sessions, settings, secrets, audit log) and the intent models. migrations/core.ts creates them.
 */
export interface CoreTables {
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  auth_sessions: AuthSessionsTable;
  org_settings: OrgSettingsTable;
  bootstrap_steps: BootstrapStepsTable;
  secrets: SecretsTable;
  secret_key_check: SecretKeyCheckTable;
  audit: AuditTable;
  flow_models: FlowModelsTable;
  knowledge_sources: KnowledgeSourcesTable;
}
