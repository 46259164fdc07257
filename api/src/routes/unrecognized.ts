import { nluRoutes } from '../contract/nlu';
import { ContractRouter } from '../http/contractRouter';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import type { FlowStore } from '../storage/flowStore';
import { requireRole } from '../auth/requireRole';
import { notFound } from '../http/errors';

/**
 * What customers wrote that the bot did not understand (every `fallback` event), newest first:
 * the raw material for reviewing unrecognised messages and adding phrases. Editors and admins.
 */
export function createUnrecognizedRouter(deps: { store: ConversationStore; flows: FlowStore }): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/unrecognized');
  router.on(nluRoutes.unrecognized, { before: [requireRole('editor')] }).reply(async ({ params: { id: flowId }, query: q }) => {
    if (!(await deps.flows.get(flowId))) throw notFound('Flow');
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
  return router;
}
