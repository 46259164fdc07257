import type { AuditAction } from '../../api';

/**
 * Every action the audit log records, in the order the filter lists them. The editor may take
 * only types from the API, so the list is written out here and the compiler checks it is complete.
 */
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
] as const satisfies readonly AuditAction[];

// Fails to compile when the server records an action this list (and so the filter) lacks.
type Missing = Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>;
export const everyActionListed: [Missing] extends [never] ? true : Missing = true;
