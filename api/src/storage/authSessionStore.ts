/** A signed-in browser. Looked up by the sha256 of the cookie value, which is never stored. */
export interface AuthSession {
  idHash: string;
  userId: string;
  /** Synchronizer token the client echoes in `X-CSRF-Token`. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuthSessionStore {
  create(session: AuthSession): Promise<void>;
  get(idHash: string): Promise<AuthSession | null>;
  extend(idHash: string, expiresAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}
