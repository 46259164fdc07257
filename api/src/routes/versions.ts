import { recordAudit } from '../audit/recordAudit';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { versionRoutes } from '../contract/versions';
import { ContractRouter } from '../http/contractRouter';
import { jsonBody } from '../http/jsonBody';
import { notFound } from '../http/errors';
import { actorResolver } from '../flows/actors';
import { presentVersion } from '../flows/present';
import { resetDraftAfterRollback } from '../flows/rollbackDraft';
import { modelStoreOf } from '../appServices';
import { saveVersionModels, trainVersionModels } from '../intentModels/versionModels';

/**
 * Published versions are immutable: a rollback publishes a copy of an old version as a new
 * number, so conversations pinned to any version keep running on exactly what they started.
 * It also resets the draft to that version (unpublished edits are kept as a copy), so the
 * next publish does not bring the rolled-back edits back.
 */
export function createVersionsRouter(deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/versions');
  const { flows } = deps.stores;
  router.use(requireRole('editor'), ...jsonBody('64kb'));

  router.on(versionRoutes.list).reply(async ({ params: { id } }) => {
    const draft = await flows.get(id);
    if (!draft) throw notFound('Flow');
    const live = (await flows.getLive(id))?.number ?? null;
    const actors = actorResolver(deps.stores);
    const versions = await flows.listVersions(id);
    const timeoutMs = draft.flow.settings.sessionTimeoutMinutes * 60_000;
    const running = deps.runningConversations ? await deps.runningConversations(id, deps.clock() - timeoutMs) : null;
    return {
      status: 200,
      body: {
        versions: await Promise.all(
          versions.map(async (v) => ({
            ...presentVersion(v, live, await actors(v.publishedBy)),
            ...(running ? { runningConversations: running[v.number] ?? 0 } : {}),
          })),
        ),
      },
    };
  });

  router.on(versionRoutes.get).reply(async ({ params: { id, n } }) => {
    const version = await flows.getVersion(id, n);
    if (!version) throw notFound('Version');
    const live = (await flows.getLive(id))?.number ?? null;
    const actors = actorResolver(deps.stores);
    return { status: 200, body: { ...presentVersion(version, live, await actors(version.publishedBy)), flow: version.flow } };
  });

  router.on(versionRoutes.rollback).reply(async ({ params: { id, n }, body: { note }, req }) => {
    const source = await flows.getVersion(id, n);
    if (!source) throw notFound('Version');
    const models = trainVersionModels(source.flow);
    const liveBefore = await flows.getLive(id);
    const version = await flows.publish(id, { note: note ?? `Rollback to version ${n}`, by: req.principal!.id, flow: source.flow });
    await saveVersionModels(modelStoreOf(deps), id, version.number, models);
    deps.flowChanged?.(id, 'rolledBack');
    await recordAudit(deps, req, 'flow.rollback', id, { fromVersion: n, version: version.number });
    const { draft, savedCopy } = await resetDraftAfterRollback(flows, id, source, liveBefore, req.principal!.id);
    const actors = actorResolver(deps.stores);
    return {
      status: 201,
      body: {
        version: presentVersion(version, version.number, await actors(version.publishedBy)),
        draft: { revision: draft.revision },
        savedCopy,
      },
    };
  });

  return router;
}
