import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/requireRole';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { toHttpError } from '../chat/httpErrors';
import { parseInput } from '../http/validate';

const SESSION_STATUSES = ['active', 'waiting', 'handedOff', 'completed', 'expired'] as const;

/** `2026-03-02` means that whole day (UTC) for `to`; a full ISO time is taken as it is. */
const dateParam = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date (YYYY-MM-DD) or an ISO date-time');

const searchQuery = z
  .object({
    q: z.string().max(200).optional(),
    flowId: z.string().min(1).max(200).optional(),
    from: dateParam.optional(),
    to: dateParam.optional(),
    status: z.enum(SESSION_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .refine((v) => v.from === undefined || v.to === undefined || endOf(v.to) > Date.parse(v.from), {
    message: 'must be after from',
    path: ['to'],
  });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function endOf(value: string): number {
  return DAY.test(value) ? Date.parse(value) + 86_400_000 : Date.parse(value);
}

/** Conversation history for agents and admins (mounted at /api/conversations). */
export function createConversationsRouter(deps: ChatHttpDeps): Router {
  const router = Router();
  router.use(requireRole('agent'));

  const handle = (fn: (req: Request) => Promise<unknown>) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json(await fn(req));
    } catch (err) {
      next(toHttpError(err));
    }
  };

  router.get(
    '/',
    handle(async (req) => {
      const q = parseInput(searchQuery, req.query, 'query');
      return deps.history.search({
        limit: q.limit,
        ...(q.q?.trim() ? { text: q.q.trim() } : {}),
        ...(q.flowId ? { flowId: q.flowId } : {}),
        ...(q.from ? { from: Date.parse(q.from) } : {}),
        ...(q.to ? { to: endOf(q.to) } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
    }),
  );

  router.get(
    '/flows',
    handle(async () => ({ flows: await deps.history.flows() })),
  );

  router.get(
    '/:id',
    handle(async (req) => deps.history.transcript(String(req.params.id))),
  );

  return router;
}
