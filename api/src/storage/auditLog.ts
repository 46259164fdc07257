/** Everything the audit log records; the admin UI filters by these and names each in both languages. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.loginFailed',
  'user.create',
  'user.update',
  'user.delete',
  'token.create',
  'token.revoke',
  'secret.set',
  'secret.delete',
  'knowledge.add',
  'knowledge.delete',
  'flow.publish',
  'flow.rollback',
  'flow.unpublish',
  'flow.delete',
  'flow.privacy',
  'settings.update',
  'conversations.export',
  'conversations.erase',
  'retention.run',
  'languageModel.update',
  'languageModel.budgetSpent',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditActor {
  /** `anonymous` for a failed sign-in, `system` for scheduled work (retention). */
  kind: 'user' | 'token' | 'anonymous' | 'system';
  id: string | null;
  /** A user's email, a token's name; for a failed sign-in, the email that was tried. */
  name: string | null;
}

export interface NewAuditEntry {
  at: number;
  actor: AuditActor;
  action: AuditAction;
  /** What it was done to: a user id, a flow id, a secret name. */
  target: string | null;
  detail: AuditDetail;
}

export interface AuditEntry extends NewAuditEntry {
  id: number;
}

export interface AuditQuery {
  /** Matches the actor's id exactly or part of their name/email, ignoring case. */
  actor?: string;
  action?: AuditAction;
  from?: number;
  to?: number;
  /** Entries older than this id (newest first paging). */
  beforeId?: number;
  limit: number;
}

/**
 * Append-only: nothing in the app updates or deletes an entry. `append` resolves once the entry
 * is durable, so an action is answered only after it is on record.
 */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<void>;
  list(query: AuditQuery): Promise<AuditEntry[]>;
  close(): void;
}
