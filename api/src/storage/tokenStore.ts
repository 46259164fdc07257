import type { Role } from './userStore';

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  /** sha256 of the secret, hex; the secret itself is never stored. */
  secretHash: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  /** After this moment the token no longer works; null (or absent in older files) never expires. */
  expiresAt?: string | null;
}

export interface TokenStore {
  list(): Promise<ApiToken[]>;
  get(id: string): Promise<ApiToken | null>;
  findBySecretHash(secretHash: string): Promise<ApiToken | null>;
  create(token: Omit<ApiToken, 'id' | 'createdAt' | 'lastUsedAt'>): Promise<ApiToken>;
  touch(id: string, at: string): Promise<void>;
  delete(id: string): Promise<boolean>;
}
