import { request } from './http';
import type { contract, RequestBody, ResponseBody } from '../../../api/src/contract';

/** An account as admins see it on the organisation page. */
export type TeamMember = ResponseBody<typeof contract.users.list, 200>['users'][number];
export type NewTeamMember = RequestBody<typeof contract.users.create>;
export type ApiTokenInfo = ResponseBody<typeof contract.tokens.list, 200>['tokens'][number];
export type SecretInfo = ResponseBody<typeof contract.secrets.list, 200>['secrets'][number];
type UserChange = RequestBody<typeof contract.users.update>;
type NewToken = RequestBody<typeof contract.tokens.create>;

/** Accounts, API tokens and secrets: admins only (editors may list secret names). */
export const team = {
  async listUsers(): Promise<TeamMember[]> {
    return (await request<{ users: TeamMember[] }>('GET', '/api/users')).data.users;
  },
  async createUser(input: NewTeamMember): Promise<TeamMember> {
    return (await request<{ user: TeamMember }>('POST', '/api/users', { body: input })).data.user;
  },
  async updateUser(id: string, patch: UserChange): Promise<TeamMember> {
    return (await request<{ user: TeamMember }>('PATCH', `/api/users/${encodeURIComponent(id)}`, { body: patch })).data.user;
  },
  async listTokens(): Promise<ApiTokenInfo[]> {
    return (await request<{ tokens: ApiTokenInfo[] }>('GET', '/api/tokens')).data.tokens;
  },
  /** The secret is in this answer only; the server keeps a hash. */
  async createToken(input: NewToken): Promise<{ token: ApiTokenInfo; secret: string }> {
    return (await request<{ token: ApiTokenInfo; secret: string }>('POST', '/api/tokens', { body: input })).data;
  },
  async revokeToken(id: string): Promise<void> {
    await request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
  },
  async listSecrets(): Promise<SecretInfo[]> {
    return (await request<{ secrets: SecretInfo[] }>('GET', '/api/secrets')).data.secrets;
  },
  /** A new value, the hosts it may be sent to, or both (a new secret needs both). */
  async setSecret(name: string, value: string | undefined, hosts: string[]): Promise<void> {
    await request<unknown>('PUT', `/api/secrets/${encodeURIComponent(name)}`, { body: value === undefined ? { hosts } : { value, hosts } });
  },
  async deleteSecret(name: string): Promise<void> {
    await request<void>('DELETE', `/api/secrets/${encodeURIComponent(name)}`);
  },
};
