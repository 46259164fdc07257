import { Router } from 'express';
import { z } from 'zod';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import type { FlowStore } from '../storage/flowStore';
import { requireRole } from '../auth/requireRole';
import { notFound } from '../http/errors';
import { parseInput } from '../http/validate';
import { flowIdOf } from './params';

const query = z.strictObject({
  version: z.coerce.number().int().min(1, 'must be a version number').optional(),
  /** Epoch ms: only messages recorded before it, to page back from the last item's `at`. */
  before: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface UnrecognizedMessage {
  text: string;
  nodeId: string | null;
  version: number;
  at: string;
  sessionId: string;
  reason: string | null;
  confidence: number | null;
}

/**
 * What customers wrote that the bot did not understand (every `fallback` event), newest first:
 * the raw material for reviewing unrecognised messages and adding phrases. Editors and admins.
 */
export function createUnrecognizedRouter(deps: { store: ConversationStore; flows: FlowStore }): Router {
  const router = Router({ mergeParams: true });
  router.get('/', requireRole('editor'), async (req, res) => {
    const flowId = flowIdOf(req.params);
    const q = parseInput(query, req.query, 'query');
    if (!(await deps.flows.get(flowId))) throw notFound('Flow');
    const events = await deps.store.listFlowEvents({
      flowId,
      name: 'fallback',
      limit: q.limit,
      ...(q.version !== undefined ? { flowVersion: q.version } : {}),
      ...(q.before !== undefined ? { before: q.before } : {}),
    });
    const items: UnrecognizedMessage[] = events.flatMap((e) => {
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
    res.json({ items });
  });
  return router;
}
