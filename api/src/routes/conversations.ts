import { requireRole } from '../auth/requireRole';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { toHttpError } from '../chat/httpErrors';
import { conversationRoutes, endOf } from '../contract/conversations';
import { ContractRouter } from '../http/contractRouter';

/** Conversation history for agents and admins. */
export function createConversationsRouter(deps: ChatHttpDeps): ContractRouter {
  const router = new ContractRouter('/api/conversations');
  router.use(requireRole('agent'));
  const options = { mapError: toHttpError };

  router.on(conversationRoutes.search, options).reply(async ({ query: q }) => ({
    status: 200,
    body: await deps.history.search({
      limit: q.limit,
      ...(q.q?.trim() ? { text: q.q.trim() } : {}),
      ...(q.flowId ? { flowId: q.flowId } : {}),
      ...(q.from ? { from: Date.parse(q.from) } : {}),
      ...(q.to ? { to: endOf(q.to) } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    }),
  }));

  router.on(conversationRoutes.flows, options).reply(async () => ({ status: 200, body: { flows: await deps.history.flows() } }));

  router.on(conversationRoutes.transcript, options).reply(async ({ params: { id } }) => ({ status: 200, body: await deps.history.transcript(id) }));

  return router;
}
