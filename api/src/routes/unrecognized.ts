import { nluRoutes } from '../contract/nlu';
import { unrecognizedRoutes } from '../contract/unrecognized';
import { ContractRouter } from '../http/contractRouter';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import type { FlowStore } from '../storage/flowStore';
import type { StoredFlow } from '../storage/flowStore';
import { requireRole } from '../auth/requireRole';
import { jsonBody } from '../http/jsonBody';
import { errorBody, notFound } from '../http/errors';
import { actorResolver } from '../flows/actors';
import type { Stores } from '../storage/stores';
import { reviewList } from '../unrecognized/reviewList';
import { normalizedKey } from '../unrecognized/groupMessages';
import { addPhrase, describeTarget, removePhrase, type PhraseTarget } from '../unrecognized/draftPhrase';
import type { FlowDocument } from '../../../runtime/src/schema';

export interface UnrecognizedRouterDeps {
  store: ConversationStore;
  stores: Stores;
  clock: () => number;
}

/** The keys a client sent, normalised again (so any text is safe to store) and without repeats. */
function keysOf(keys: readonly string[]): string[] {
  return [...new Set(keys.map(normalizedKey).filter((k) => k !== ''))];
}

/**
 * What customers wrote that the bot did not understand, and the review of it (README: Not
 * understood): the raw list, the grouped list, dismissing, and adding a message to the draft as
 * an intent example, FAQ question or choice synonym. Editors and admins.
 */
export function createUnrecognizedRouter(deps: UnrecognizedRouterDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/unrecognized');
  const flows: FlowStore = deps.stores.flows;
  const editor = requireRole('editor');
  const existing = async (flowId: string): Promise<StoredFlow> => {
    const stored = await flows.get(flowId);
    if (!stored) throw notFound('Flow');
    return stored;
  };

  router.on(nluRoutes.unrecognized, { before: [editor] }).reply(async ({ params: { id: flowId }, query: q }) => {
    await existing(flowId);
    const events = await deps.store.listFlowEvents({
      flowId,
      name: 'fallback',
      limit: q.limit,
      ...(q.version !== undefined ? { flowVersion: q.version } : {}),
      ...(q.before !== undefined ? { before: q.before } : {}),
    });
    const items = events.flatMap((e) => {
      const text = e.data?.text;
      // Only typed messages: an unknown button id is a stale widget, not something to learn from.
      if (typeof text !== 'string') return [];
      return [
        {
          text,
          nodeId: e.nodeId,
          version: e.flowVersion,
          at: new Date(e.at).toISOString(),
          sessionId: e.sessionId,
          reason: typeof e.data?.reason === 'string' ? e.data.reason : null,
          confidence: typeof e.data?.confidence === 'number' ? e.data.confidence : null,
        },
      ];
    });
    return { status: 200, body: { items } };
  });

  router.on(unrecognizedRoutes.groups, { before: [editor] }).reply(async ({ params: { id: flowId }, query }) => {
    const stored = await existing(flowId);
    const list = await reviewList(deps.store, stored.flow, query);
    return { status: 200, body: list };
  });

  const withBody = [editor, ...jsonBody('256kb')];

  router.on(unrecognizedRoutes.dismiss, { before: withBody }).reply(async ({ params: { id: flowId }, body, req }) => {
    await existing(flowId);
    const at = deps.clock();
    const by = req.principal?.id ?? null;
    const keys = keysOf(body.keys);
    await deps.store.putReviewMarks(keys.map((key) => ({ flowId, key, action: 'dismissed', beforeVersion: 0, target: null, by, at })));
    return { status: 200, body: { marked: keys.length } };
  });

  router.on(unrecognizedRoutes.restore, { before: withBody }).reply(async ({ params: { id: flowId }, body }) => {
    await existing(flowId);
    return { status: 200, body: { restored: await deps.store.deleteReviewMarks(flowId, keysOf(body.keys)) } };
  });

  /** A 409 as the flow save answers it: who saved the draft in the meantime. */
  const conflictReply = async (current: StoredFlow) => {
    const actors = actorResolver(deps.stores);
    return {
      status: 409 as const,
      body: {
        ...errorBody('conflict', `Someone saved this flow in the meantime (revision ${current.revision}); reload it to see their changes`),
        current: { revision: current.revision, updatedAt: current.updatedAt, updatedBy: await actors(current.updatedBy) },
      },
    };
  };

  /** Saves an edited draft with the caller's revision, through the flow store's optimistic concurrency. */
  const saveDraft = async (flowId: string, flow: FlowDocument, revision: number, by: string | null) => {
    const result = await flows.save(flow, revision, by);
    if (result.ok) return { status: 200 as const, body: { revision: result.stored.revision, updatedAt: result.stored.updatedAt } };
    if (result.reason === 'notFound') throw notFound('Flow');
    return conflictReply(result.current);
  };

  // A stale revision is a conflict before the target is judged: the step may exist only in the newer draft.
  const staleConflict = (stored: StoredFlow, revision: number) => (stored.revision === revision ? null : conflictReply(stored));

  router.on(unrecognizedRoutes.add, { before: withBody }).reply(async ({ params: { id: flowId }, body, req }) => {
    const stored = await existing(flowId);
    const stale = await staleConflict(stored, body.revision);
    if (stale) return stale;
    const target: PhraseTarget = body.target;
    const by = req.principal?.id ?? null;
    const saved = await saveDraft(flowId, addPhrase(stored.flow, target), body.revision, by);
    if (saved.status === 200) {
      const versions = await flows.listVersions(flowId);
      const beforeVersion = versions.reduce((n, v) => Math.max(n, v.number), 0);
      const describe = describeTarget(stored.flow, target);
      const at = deps.clock();
      await deps.store.putReviewMarks(keysOf(body.keys).map((key) => ({ flowId, key, action: 'added', beforeVersion, target: describe, by, at })));
    }
    return saved;
  });

  router.on(unrecognizedRoutes.undoAdd, { before: withBody }).reply(async ({ params: { id: flowId }, body, req }) => {
    const stored = await existing(flowId);
    const stale = await staleConflict(stored, body.revision);
    if (stale) return stale;
    const flow = removePhrase(stored.flow, body.target);
    const saved =
      flow === stored.flow
        ? { status: 200 as const, body: { revision: stored.revision, updatedAt: stored.updatedAt } }
        : await saveDraft(flowId, flow, body.revision, req.principal?.id ?? null);
    if (saved.status === 200) await deps.store.deleteReviewMarks(flowId, keysOf(body.keys));
    return saved;
  });

  return router;
}
