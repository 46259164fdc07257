import type { Request } from 'express';
import type { AppDeps } from '../deps';
import type { AuditAction, AuditActor, AuditDetail } from '../storage/auditLog';

type AuditDeps = Pick<AppDeps, 'clock' | 'logger'> & { stores: Pick<AppDeps['stores'], 'audit'> };

export function actorOf(req: Request): AuditActor {
  const p = req.principal;
  if (!p) return { kind: 'anonymous', id: null, name: null };
  return p.kind === 'user' ? { kind: 'user', id: p.id, name: p.email } : { kind: 'token', id: p.id, name: p.name };
}

/**
 * Appends one audit entry. A failed write is logged, not thrown: the action it describes has
 * already happened and must still be answered.
 */
export async function recordAuditAs(
  deps: AuditDeps,
  actor: AuditActor,
  action: AuditAction,
  target: string | null,
  detail: AuditDetail = {},
): Promise<void> {
  try {
    await deps.stores.audit.append({ at: deps.clock(), actor, action, target, detail });
  } catch (err) {
    deps.logger.error({ err, action }, 'writing the audit log failed');
  }
}

/** What `req`'s principal just did. */
export function recordAudit(deps: AuditDeps, req: Request, action: AuditAction, target: string | null, detail: AuditDetail = {}): Promise<void> {
  return recordAuditAs(deps, actorOf(req), action, target, detail);
}
