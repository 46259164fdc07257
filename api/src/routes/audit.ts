import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { auditRoutes } from '../contract/audit';
import { ContractRouter } from '../http/contractRouter';
import { csvRow } from '../audit/csv';
import type { AuditEntry } from '../storage/auditLog';

const EXPORT_LIMIT = 100_000;

function present(e: AuditEntry) {
  return { id: e.id, at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, target: e.target, detail: e.detail };
}

/** The audit log: admins only, read-only (nothing in the API edits or deletes an entry). */
export function createAuditRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/audit');
  const { audit } = deps.stores;
  router.use(requireRole('admin'));

  router.on(auditRoutes.list).reply(async ({ query }) => {
    const { before, limit, ...filters } = query;
    // One extra row says whether an older page exists.
    const rows = await audit.list({ ...filters, limit: limit + 1, ...(before === undefined ? {} : { beforeId: before }) });
    const page = rows.slice(0, limit);
    return { status: 200, body: { entries: page.map(present), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null } };
  });

  router.on(auditRoutes.export).raw(async ({ query, res }) => {
    const { format, ...filters } = query;
    const entries = (await audit.list({ ...filters, limit: EXPORT_LIMIT })).map(present);
    const stamp = new Date(deps.clock()).toISOString().slice(0, 10);
    res.setHeader('Content-Disposition', `attachment; filename="audit-${stamp}.${format}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'json') {
      res.type('application/json').send(JSON.stringify({ entries }, null, 2));
      return;
    }
    let csv = csvRow(['id', 'at', 'actorKind', 'actorId', 'actor', 'action', 'target', 'detail']);
    for (const e of entries) {
      csv += csvRow([e.id, e.at, e.actor.kind, e.actor.id, e.actor.name, e.action, e.target, JSON.stringify(e.detail)]);
    }
    res.type('text/csv; charset=utf-8').send(csv);
  });

  return router;
}
