import type { Logger } from 'pino';
import type { ConversationRecord, ConversationStore } from '../../../runtime/src/chat/conversationStore';
import { maskVariables } from '../../../runtime/src/chat/maskTurn';
import { toInboxMessage } from '../../../runtime/src/chat/messages';
import type { MaskSettings } from '../../../runtime/src/schema/privacySettings';
import { recordAudit } from '../audit/recordAudit';
import { requireRole } from '../auth/requireRole';
import { privacyRoutes } from '../contract/privacy';
import { ContractRouter } from '../http/contractRouter';
import { notFound } from '../http/errors';
import { jsonBody } from '../http/jsonBody';
import type { Stores } from '../storage/stores';

export interface PrivacyRouterDeps {
  store: ConversationStore;
  stores: Pick<Stores, 'audit'>;
  clock: () => number;
  logger: Logger;
  flowName(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<string>;
  flowMask(record: Pick<ConversationRecord, 'flowId' | 'flowVersion'>): Promise<MaskSettings | undefined>;
}

const SEARCH_LIMIT = 200;
const iso = (ms: number) => new Date(ms).toISOString();

/** Admins answer customers' data-protection requests: find, export (access) and erase. */
export function createPrivacyRouter(deps: PrivacyRouterDeps): ContractRouter {
  const router = new ContractRouter('/api/privacy');
  router.use(requireRole('admin'), ...jsonBody('64kb'));

  router.on(privacyRoutes.search).reply(async ({ body }) => {
    const matches = await deps.store.findConversations(body.query, SEARCH_LIMIT);
    const conversations = await Promise.all(
      matches.map(async ({ record, matchedBy }) => {
        const mask = await deps.flowMask(record);
        return {
          sessionId: record.id,
          flowId: record.flowId,
          flowName: await deps.flowName(record),
          status: record.session.status,
          startedAt: iso(record.createdAt),
          updatedAt: iso(record.updatedAt),
          messageCount: record.lastMessageId,
          matchedBy,
          variables: mask ? maskVariables(record.session.variables, mask) : record.session.variables,
        };
      }),
    );
    return { status: 200, body: { conversations } };
  });

  router.on(privacyRoutes.export).raw(async ({ body, req, res }) => {
    const conversations = [];
    for (const id of new Set(body.sessionIds)) {
      const record = await deps.store.get(id);
      if (!record) throw notFound(`Conversation ${id}`);
      const messages = await deps.store.listMessages(id, 0, 100_000);
      const events = await deps.store.listEvents(id);
      conversations.push({
        sessionId: record.id,
        flowId: record.flowId,
        flowName: await deps.flowName(record),
        flowVersion: record.flowVersion,
        status: record.session.status,
        startedAt: iso(record.createdAt),
        updatedAt: iso(record.updatedAt),
        origin: record.origin,
        handoff: record.handoff,
        variables: record.session.variables,
        messages: messages.map(toInboxMessage),
        events: events.map((e) => ({ name: e.name, nodeId: e.nodeId, data: e.data, at: iso(e.at) })),
      });
    }
    await recordAudit(deps, req, 'conversations.export', null, { count: conversations.length, sessionIds: conversations.map((c) => c.sessionId).join(' ') });
    const at = iso(deps.clock());
    res.setHeader('Content-Disposition', `attachment; filename="conversations-${at.slice(0, 10)}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/json').send(JSON.stringify({ exportedAt: at, conversations }, null, 2));
  });

  router.on(privacyRoutes.erase).reply(async ({ body, req }) => {
    const ids = [...new Set(body.sessionIds)];
    const erased = await deps.store.eraseConversations(ids);
    await recordAudit(deps, req, 'conversations.erase', null, { count: erased, sessionIds: ids.join(' ') });
    return { status: 200, body: { erased } };
  });

  return router;
}
