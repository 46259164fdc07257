import { request } from './http';
import type { Role, User } from './types';

/** An account as admins see it on the organisation page. */
export interface TeamMember extends User {
  createdAt: string;
  lastSignInAt: string | null;
  active: boolean;
}

export interface NewTeamMember {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface SecretInfo {
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** Accounts, API tokens and secrets: admins only (editors may list secret names). */
export const team = {
  async listUsers(): Promise<TeamMember[]> {
    return (await request<{ users: TeamMember[] }>('GET', '/api/users')).data.users;
  },
  async createUser(input: NewTeamMember): Promise<TeamMember> {
    return (await request<{ user: TeamMember }>('POST', '/api/users', { body: input })).data.user;
  },
  async updateUser(id: string, patch: { name?: string; role?: Role; password?: string; active?: boolean }): Promise<TeamMember> {
    return (await request<{ user: TeamMember }>('PATCH', `/api/users/${encodeURIComponent(id)}`, { body: patch })).data.user;
  },
  async listTokens(): Promise<ApiTokenInfo[]> {
    return (await request<{ tokens: ApiTokenInfo[] }>('GET', '/api/tokens')).data.tokens;
  },
  /** The secret is in this answer only; the server keeps a hash. */
  async createToken(input: { name: string; role: Role; expiresAt: string | null }): Promise<{ token: ApiTokenInfo; secret: string }> {
    return (await request<{ token: ApiTokenInfo; secret: string }>('POST', '/api/tokens', { body: input })).data;
  },
  async revokeToken(id: string): Promise<void> {
    await request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
  },
  async listSecrets(): Promise<SecretInfo[]> {
    return (await request<{ secrets: SecretInfo[] }>('GET', '/api/secrets')).data.secrets;
  },
  async setSecret(name: string, value: string): Promise<void> {
    await request<unknown>('PUT', `/api/secrets/${encodeURIComponent(name)}`, { body: { value } });
  },
  async deleteSecret(name: string): Promise<void> {
    await request<void>('DELETE', `/api/secrets/${encodeURIComponent(name)}`);
  },
};
