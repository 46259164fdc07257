import type { FlowStore } from './flowStore';
import type { UserStore } from './userStore';
import type { TokenStore } from './tokenStore';
import type { AuthSessionStore } from './authSessionStore';
import type { SettingsStore } from './settingsStore';
import type { SecretStore } from './secretStore';

export interface Stores {
  flows: FlowStore;
  users: UserStore;
  tokens: TokenStore;
  authSessions: AuthSessionStore;
  settings: SettingsStore;
  secrets: SecretStore;
}
