import { Router, type NextFunction, type Request, type Response } from 'express';
import { isActive } from '../storage/userStore';
import { z } from 'zod';
import type { AgentActor } from '../../../runtime/src/server/chat/chatService';
import { requireRole } from '../auth/requireRole';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { agentTextSchema } from '../chat/customerInput';
import { toHttpError } from '../chat/httpErrors';
import { HttpError, unauthenticated } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import { parseInput } from '../http/validate';
import { CHAT_BODY_LIMIT } from './chat';

const listQuery = z.object({
  status: z.enum(['waiting', 'active', 'closed']).default('waiting'),
  queue: z.string().min(1).max(100).optional(),
});
const availabilityBody = z.strictObject({ status: z.enum(['online', 'away']) });
const transferBody = z.union([
  z.strictObject({ queue: z.string().trim().min(1, 'must not be empty').max(100) }),
  z.strictObject({ agentId: z.string().min(1, 'must not be empty').max(200) }),
], { error: 'send either {queue} or {agentId}' });

export function agentOf(req: Request): AgentActor {
  const p = req.principal;
  if (!p) throw unauthenticated();
  return { id: p.id, name: p.name, canOverride: p.role === 'admin' };
}

/** The human-handoff inbox (mounted at /api/inbox; agents and admins). */
export function createInboxRouter(deps: ChatHttpDeps): Router {
  const router = Router();
  const { service } = deps;
  router.use(requireRole('agent'), ...jsonBody(CHAT_BODY_LIMIT));

  const handle =
    (fn: (req: Request) => Promise<{ status?: number; body: unknown }>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const { status = 200, body } = await fn(req);
        res.status(status).json(body);
      } catch (err) {
        next(toHttpError(err));
      }
    };

  router.get(
    '/',
    handle(async (req) => {
      const q = parseInput(listQuery, req.query, 'query');
      return { body: { conversations: await service.listInbox(q.status, q.queue) } };
    }),
  );
  router.get(
    '/availability',
    handle(async (req) => ({ body: { availability: await service.getAvailability(agentOf(req)) } })),
  );
  router.put(
    '/availability',
    handle(async (req) => {
      const { status } = parseInput(availabilityBody, req.body ?? {});
      return { body: { availability: await service.setAvailability(agentOf(req), status) } };
    }),
  );
  router.get(
    '/settings',
    handle(async () => {
      const settings = await deps.settings.get();
      return { body: { inboxHighlightMinutes: settings.inboxHighlightMinutes, cannedReplies: settings.cannedReplies ?? [] } };
    }),
  );
  router.get(
    '/canned-replies',
    handle(async () => ({ body: { cannedReplies: (await deps.settings.get()).cannedReplies ?? [] } })),
  );
  router.get(
    '/agents',
    handle(async () => ({ body: { agents: await listAgents(deps) } })),
  );
  router.get(
    '/queues',
    handle(async () => ({ body: { queues: await service.listQueues() } })),
  );
  router.get(
    '/:sessionId',
    handle(async (req) => ({ body: await service.getInboxConversation(String(req.params.sessionId)) })),
  );
  router.post(
    '/:sessionId/claim',
    handle(async (req) => ({ body: { conversation: await service.claim(String(req.params.sessionId), agentOf(req)) } })),
  );
  router.post(
    '/:sessionId/messages',
    handle(async (req) => {
      const { text } = parseInput(agentTextSchema, req.body ?? {});
      return { status: 201, body: { message: await service.agentMessage(String(req.params.sessionId), agentOf(req), text) } };
    }),
  );
  router.post(
    '/:sessionId/notes',
    handle(async (req) => {
      const { text } = parseInput(agentTextSchema, req.body ?? {});
      return { status: 201, body: { message: await service.addNote(String(req.params.sessionId), agentOf(req), text) } };
    }),
  );
  router.post(
    '/:sessionId/transfer',
    handle(async (req) => {
      const body = parseInput(transferBody, req.body ?? {});
      const target = 'queue' in body ? { queue: body.queue } : { agent: await transferAgent(deps, body.agentId) };
      return { body: { conversation: await service.transfer(String(req.params.sessionId), agentOf(req), target) } };
    }),
  );
  router.post(
    '/:sessionId/return',
    handle(async (req) => ({ body: { conversation: await service.returnToBot(String(req.params.sessionId), agentOf(req)) } })),
  );
  router.post(
    '/:sessionId/close',
    handle(async (req) => ({ body: { conversation: await service.close(String(req.params.sessionId), agentOf(req)) } })),
  );
  return router;
}

/** Accounts that can work the inbox, with their availability (away until they ever chose). */
async function listAgents(deps: ChatHttpDeps) {
  const [users, availability] = await Promise.all([deps.users.list(), deps.service.listAgents()]);
  const byId = new Map(availability.map((a) => [a.agentId, a]));
  return users
    .filter((u) => (u.role === 'agent' || u.role === 'admin') && isActive(u))
    .map((u) => ({ id: u.id, name: u.name, role: u.role, status: byId.get(u.id)?.status ?? 'away' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function transferAgent(deps: ChatHttpDeps, agentId: string) {
  const user = await deps.users.get(agentId);
  if (!user || (user.role !== 'agent' && user.role !== 'admin') || !isActive(user)) {
    throw new HttpError(422, 'agent_not_found', 'No agent with this id', [{ path: 'agentId', message: 'is not an agent' }]);
  }
  return { id: user.id, name: user.name };
}
