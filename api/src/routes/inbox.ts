import type { Request } from 'express';
import { isActive } from '../storage/userStore';
import type { AgentActor } from '../../../runtime/src/server/chat/chatService';
import { requireRole } from '../auth/requireRole';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { toHttpError } from '../chat/httpErrors';
import { inboxRoutes } from '../contract/inbox';
import { ContractRouter } from '../http/contractRouter';
import { HttpError, unauthenticated } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import { CHAT_BODY_LIMIT } from './chat';

export function agentOf(req: Request): AgentActor {
  const p = req.principal;
  if (!p) throw unauthenticated();
  return { id: p.id, name: p.name, canOverride: p.role === 'admin' };
}

/** The human-handoff inbox (agents and admins). */
export function createInboxRouter(deps: ChatHttpDeps): ContractRouter {
  const router = new ContractRouter('/api/inbox');
  const { service } = deps;
  router.use(requireRole('agent'), ...jsonBody(CHAT_BODY_LIMIT));
  // The chat service's errors (409 already_claimed, ...) as the API's JSON errors.
  const options = { mapError: toHttpError };

  router.on(inboxRoutes.list, options).reply(async ({ query: q }) => ({
    status: 200,
    body: { conversations: await service.listInbox(q.status, q.queue) },
  }));
  router.on(inboxRoutes.availability, options).reply(async ({ req }) => ({
    status: 200,
    body: { availability: await service.getAvailability(agentOf(req)) },
  }));
  router.on(inboxRoutes.setAvailability, options).reply(async ({ req, body: { status } }) => ({
    status: 200,
    body: { availability: await service.setAvailability(agentOf(req), status) },
  }));
  router.on(inboxRoutes.settings, options).reply(async () => {
    const settings = await deps.settings.get();
    return { status: 200, body: { inboxHighlightMinutes: settings.inboxHighlightMinutes, cannedReplies: settings.cannedReplies ?? [] } };
  });
  router.on(inboxRoutes.cannedReplies, options).reply(async () => ({
    status: 200,
    body: { cannedReplies: (await deps.settings.get()).cannedReplies ?? [] },
  }));
  router.on(inboxRoutes.agents, options).reply(async () => ({ status: 200, body: { agents: await listAgents(deps) } }));
  router.on(inboxRoutes.queues, options).reply(async () => ({ status: 200, body: { queues: await service.listQueues() } }));
  router.on(inboxRoutes.get, options).reply(async ({ params: { sessionId } }) => ({
    status: 200,
    body: await service.getInboxConversation(sessionId),
  }));
  router.on(inboxRoutes.claim, options).reply(async ({ params: { sessionId }, req }) => ({
    status: 200,
    body: { conversation: await service.claim(sessionId, agentOf(req)) },
  }));
  router.on(inboxRoutes.reply, options).reply(async ({ params: { sessionId }, body: { text }, req }) => ({
    status: 201,
    body: { message: await service.agentMessage(sessionId, agentOf(req), text) },
  }));
  router.on(inboxRoutes.note, options).reply(async ({ params: { sessionId }, body: { text }, req }) => ({
    status: 201,
    body: { message: await service.addNote(sessionId, agentOf(req), text) },
  }));
  router.on(inboxRoutes.transfer, options).reply(async ({ params: { sessionId }, body, req }) => {
    const target = 'queue' in body ? { queue: body.queue } : { agent: await transferAgent(deps, body.agentId) };
    return { status: 200, body: { conversation: await service.transfer(sessionId, agentOf(req), target) } };
  });
  router.on(inboxRoutes.return, options).reply(async ({ params: { sessionId }, req }) => ({
    status: 200,
    body: { conversation: await service.returnToBot(sessionId, agentOf(req)) },
  }));
  router.on(inboxRoutes.close, options).reply(async ({ params: { sessionId }, req }) => ({
    status: 200,
    body: { conversation: await service.close(sessionId, agentOf(req)) },
  }));
  return router;
}

/** Accounts that can work the inbox, with their availability (away until they ever chose). */
async function listAgents(deps: ChatHttpDeps) {
  const [users, availability] = await Promise.all([deps.users.list(), deps.service.listAgents()]);
  const byId = new Map(availability.map((a) => [a.agentId, a]));
  return users
    .flatMap((u) =>
      (u.role === 'agent' || u.role === 'admin') && isActive(u)
        ? [{ id: u.id, name: u.name, role: u.role, status: byId.get(u.id)?.status ?? ('away' as const) }]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function transferAgent(deps: ChatHttpDeps, agentId: string) {
  const user = await deps.users.get(agentId);
  if (!user || (user.role !== 'agent' && user.role !== 'admin') || !isActive(user)) {
    throw new HttpError(422, 'agent_not_found', 'No agent with this id', [{ path: 'agentId', message: 'is not an agent' }]);
  }
  return { id: user.id, name: user.name };
}
