import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import type { ConversationListRow } from '../../../runtime/src/chat/conversationList';
import { analyticsConversationsRoutes } from '../contract/analyticsConversations';
import { ContractRouter } from '../http/contractRouter';
import { notFound } from '../http/errors';
import { requireRole } from '../auth/requireRole';
import type { FlowStore } from '../storage/flowStore';
import { outcomeOf } from '../analytics/figures';
import { analyticsWindow, goalNodesOf } from '../analytics/window';
import { conversationFilter, type ConversationFilters } from '../analytics/conversationFilter';
import { decodeListCursor, encodeListCursor, type ListPosition } from '../analytics/listCursor';
import { csvRow } from '../audit/csv';

export interface AnalyticsConversationsDeps {
  store: ConversationStore;
  flows: FlowStore;
  clock: () => number;
}

/** One list request looks at no more conversations than this, however few match. */
export const LIST_SCAN_LIMIT = 5_000;
/** A CSV export looks at no more than this. */
export const CSV_SCAN_LIMIT = 100_000;

type WindowQuery = ConversationFilters & { from?: string | undefined; to?: string | undefined; version?: number | undefined };

/**
 * The analytics page's conversation list, its CSV, and one conversation's path, for editors and
 * admins. Transcripts are not here: they follow the inbox history's rule (agents and admins,
 * `GET /api/conversations/:id`).
 */
export function createAnalyticsConversationsRouter(deps: AnalyticsConversationsDeps): ContractRouter {
  // Under the analytics prefix, since the CSV sits beside the list rather than below it.
  const router = new ContractRouter('/api/flows/:id/analytics');
  const editors = { before: [requireRole('editor')] };

  /** The window, the definitions' inputs (idle timeout, goal labels) and the store query for a request. */
  async function listing(flowId: string, q: WindowQuery) {
    const w = await analyticsWindow(deps.flows, flowId, q, deps.clock());
    // As the figures: the version shown decides the idle timeout and goal names (the draft for all versions).
    const doc = q.version === undefined ? w.stored.flow : await w.docOf(q.version);
    const sessionTimeoutMs = doc.settings.sessionTimeoutMinutes * 60_000;
    const goalNodes = goalNodesOf(doc);
    const present = (row: ConversationListRow) => ({
      sessionId: row.id,
      startedAt: new Date(row.createdAt).toISOString(),
      lastActivityAt: new Date(row.updatedAt).toISOString(),
      version: row.flowVersion,
      outcome: outcomeOf(row, w.now, sessionTimeoutMs),
      offline: row.offline,
      goals: row.goals.map((nodeId) => ({ nodeId, label: goalNodes.get(nodeId) ?? row.goalLabels.get(nodeId) ?? nodeId })),
      csat: row.csat,
      unrecognized: row.unrecognised,
      queue: row.queue,
      messages: row.messages,
      customerMessages: row.customerMessages,
    });
    const query = {
      flowId,
      from: w.start,
      to: w.end,
      ...(q.version !== undefined ? { flowVersion: q.version } : {}),
      accept: conversationFilter(q, w.now, sessionTimeoutMs),
    };
    return { w, present, query };
  }

  router.on(analyticsConversationsRoutes.list, editors).reply(async ({ params, query: q }) => {
    const after = q.cursor === undefined ? undefined : decodeListCursor(q.cursor);
    const { w, present, query } = await listing(params.id, q);
    const page = await deps.store.listAnalyticsConversations({ ...query, limit: q.limit, maxScanned: LIST_SCAN_LIMIT, ...(after ? { after } : {}) });
    return {
      status: 200,
      body: {
        flowId: params.id,
        timeZone: w.timeZone,
        from: w.from,
        to: w.to,
        conversations: page.rows.map(present),
        nextCursor: page.resumeAfter ? encodeListCursor(page.resumeAfter) : null,
        scannedTo: page.resumeAfter ? new Date(page.resumeAfter.createdAt).toISOString() : null,
      },
    };
  });

  router.on(analyticsConversationsRoutes.csv, editors).raw(async ({ params, query: q, res }) => {
    const { w, present, query } = await listing(params.id, q);
    let csv = csvRow(['sessionId', 'startedAt', 'version', 'outcome', 'offline', 'goals', 'csat', 'unrecognized', 'queue', 'messages']);
    // In list-sized walks with a pause between them, so chat turns are not held up for the whole export.
    let after: ListPosition | undefined;
    for (let walked = 0; walked < CSV_SCAN_LIMIT; walked += LIST_SCAN_LIMIT) {
      const page = await deps.store.listAnalyticsConversations({ ...query, limit: LIST_SCAN_LIMIT, maxScanned: LIST_SCAN_LIMIT, ...(after ? { after } : {}) });
      for (const row of page.rows) {
        const c = present(row);
        csv += csvRow([c.sessionId, c.startedAt, c.version, c.outcome, c.offline, c.goals.map((g) => g.label).join('; '), c.csat.join(' '), c.unrecognized, c.queue, c.messages]);
      }
      if (!page.resumeAfter) break;
      after = page.resumeAfter;
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.setHeader('Content-Disposition', `attachment; filename="conversations-${w.from}-${w.to}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/csv; charset=utf-8').send(csv);
  });

  router.on(analyticsConversationsRoutes.path, editors).reply(async ({ params }) => {
    if (!(await deps.flows.get(params.id))) throw notFound('Flow');
    const record = await deps.store.get(params.sessionId);
    // Another flow's conversation is as unknown here as a missing one.
    if (!record || record.flowId !== params.id) throw notFound('Conversation');
    const path = await deps.store.conversationPath(params.sessionId);
    if (!path) throw notFound('Conversation');
    return {
      status: 200,
      body: {
        sessionId: record.id,
        version: record.flowVersion,
        startedAt: new Date(record.createdAt).toISOString(),
        steps: path.steps.map((s) => ({ nodeId: s.nodeId, at: new Date(s.at).toISOString(), from: s.from })),
      },
    };
  });
  return router;
}
