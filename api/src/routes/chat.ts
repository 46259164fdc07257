import type { Request, RequestHandler } from 'express';
import { bearerOf } from '../auth/resolvePrincipal';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { chatCors } from '../chat/chatCors';
import { sessionCreationLimiter } from '../chat/chatLimits';
import { toHttpError } from '../chat/httpErrors';
import { chatRoutes } from '../contract/chat';
import { ContractRouter } from '../http/contractRouter';
import { HttpError } from '../http/errors';
import { jsonBody } from '../http/jsonBody';

/** Chat bodies are one short message; anything bigger is a mistake or an attack. */
export const CHAT_BODY_LIMIT = '16kb';

function sessionToken(req: Request): string {
  const token = bearerOf(req.headers.authorization);
  if (!token) throw new HttpError(401, 'invalid_token', 'Send the session token as Authorization: Bearer <token>');
  return token;
}

/** A missing token is refused before the body is looked at. */
const requireSessionToken: RequestHandler = (req, _res, next) => {
  sessionToken(req);
  next();
};

/** The public chat API the widget talks to (no account needed). */
export function createChatRouter(deps: ChatHttpDeps): ContractRouter {
  const router = new ContractRouter('/api/chat');
  const { service } = deps;
  const flowCors = chatCors(deps.publicUrl, (req) => service.allowedOriginsForFlow(String(req.params.flowId)));
  const sessionCors = chatCors(deps.publicUrl, (req) => service.allowedOriginsForSession(String(req.params.id)));
  const notFound = () => {
    throw new HttpError(404, 'not_found', 'No such chat');
  };

  // CORS preflights: answered by the CORS middleware, which OpenAPI does not describe.
  router.router.options('/:flowId/sessions', flowCors, notFound);
  router
    .on(chatRoutes.start, {
      before: [flowCors, sessionCreationLimiter(deps.limits, deps.rateLimitStore, deps.messageLimit.onStoreError), ...jsonBody(CHAT_BODY_LIMIT)],
      mapError: toHttpError,
      direct: true,
    })
    .reply(async ({ params: { flowId }, body, req }) => ({
      status: 201,
      body: await service.startConversation(flowId, { origin: req.headers.origin ?? null, visitorId: body.visitorId ?? null }),
    }));

  router.router.options('/sessions/:id/messages', sessionCors, notFound);
  router
    .on(chatRoutes.send, {
      before: [sessionCors, deps.messageLimit.middleware, ...jsonBody(CHAT_BODY_LIMIT), requireSessionToken],
      mapError: toHttpError,
      direct: true,
    })
    .reply(async ({ params: { id }, body, req }) => ({ status: 200, body: await service.sendMessage(id, sessionToken(req), body) }));

  router
    .on(chatRoutes.transcript, { before: [sessionCors, requireSessionToken], mapError: toHttpError })
    .reply(async ({ params: { id }, query: { after }, req }) => ({
      status: 200,
      body: await service.getTranscript(id, sessionToken(req), after),
    }));

  return router;
}
