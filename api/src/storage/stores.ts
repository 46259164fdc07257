import type { FlowStore } from './flowStore';
import type { UserStore } from './userStore';
import type { TokenStore } from './tokenStore';
import type { AuthSessionStore } from './authSessionStore';
import type { SettingsStore } from './settingsStore';
import type { SecretStore } from './secretStore';
import type { AuditLog } from './auditLog';
import type { KnowledgeStore } from './knowledgeStore';

export interface Stores {
  flows: FlowStore;
  users: UserStore;
  tokens: TokenStore;
  authSessions: AuthSessionStore;
  settings: SettingsStore;
  secrets: SecretStore;
  /** Who did what (sign-ins, role changes, publishes, erasures); see api/src/audit. */
  audit: AuditLog;
  /** The organisation's knowledge sources (pasted text and documents) the answer step retrieves from. */
  knowledge: KnowledgeStore;
}
