import { Router, type Request } from 'express';
import { z } from 'zod';
import { bearerOf } from '../auth/resolvePrincipal';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { chatCors } from '../chat/chatCors';
import { sessionCreationLimiter } from '../chat/chatLimits';
import { customerInputSchema } from '../chat/customerInput';
import { toHttpError } from '../chat/httpErrors';
import { HttpError } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import { sendJson } from '../http/sendJson';
import { parseInput } from '../http/validate';

/** Chat bodies are one short message; anything bigger is a mistake or an attack. */
export const CHAT_BODY_LIMIT = '16kb';

const afterQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

function sessionToken(req: Request): string {
  const token = bearerOf(req.headers.authorization);
  if (!token) throw new HttpError(401, 'invalid_token', 'Send the session token as Authorization: Bearer <token>');
  return token;
}

/** The public chat API the widget talks to (mounted at /api/chat; no account needed). */
export function createChatRouter(deps: ChatHttpDeps): Router {
  const router = Router();
  const { service } = deps;
  const flowCors = chatCors(deps.publicUrl, (req) => service.allowedOriginsForFlow(String(req.params.flowId)));
  const sessionCors = chatCors(deps.publicUrl, (req) => service.allowedOriginsForSession(String(req.params.id)));
  const notFound = () => {
    throw new HttpError(404, 'not_found', 'No such chat');
  };

  router.options('/:flowId/sessions', flowCors, notFound);
  router.post(
    '/:flowId/sessions',
    flowCors,
    sessionCreationLimiter(deps.limits, deps.rateLimitStore),
    ...jsonBody(CHAT_BODY_LIMIT),
    async (req, res, next) => {
      try {
        const started = await service.startConversation(String(req.params.flowId), { origin: req.headers.origin ?? null });
        sendJson(res, 201, started);
      } catch (err) {
        next(toHttpError(err));
      }
    },
  );

  router.options('/sessions/:id/messages', sessionCors, notFound);
  router.post(
    '/sessions/:id/messages',
    sessionCors,
    deps.messageLimit.middleware,
    ...jsonBody(CHAT_BODY_LIMIT),
    async (req, res, next) => {
      try {
        const token = sessionToken(req);
        const input = parseInput(customerInputSchema, req.body ?? {});
        sendJson(res, 200, await service.sendMessage(String(req.params.id), token, input));
      } catch (err) {
        next(toHttpError(err));
      }
    },
  );

  router.get('/sessions/:id/messages', sessionCors, async (req, res, next) => {
    try {
      const token = sessionToken(req);
      const { after } = parseInput(afterQuery, req.query, 'query');
      res.json(await service.getTranscript(String(req.params.id), token, after));
    } catch (err) {
      next(toHttpError(err));
    }
  });

  return router;
}
