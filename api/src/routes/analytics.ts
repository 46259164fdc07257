import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import { analyticsRoutes } from '../contract/analytics';
import { ContractRouter } from '../http/contractRouter';
import { requireRole } from '../auth/requireRole';
import type { FlowStore } from '../storage/flowStore';
import { computeFigures, type AnalyticsFigures } from '../analytics/figures';
import { computePaths } from '../analytics/paths';
import { analyticsWindow, goalNodesOf } from '../analytics/window';
import { csvRow } from '../audit/csv';

export interface AnalyticsRouterDeps {
  store: ConversationStore;
  flows: FlowStore;
  clock: () => number;
}

/** Per-flow figures for admins and editors; agents and the public get 403/401 from requireRole. */
export function createAnalyticsRouter(deps: AnalyticsRouterDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/analytics');
  router.use(requireRole('editor'));

  const windowOf = (flowId: string, q: { from?: string; to?: string }) => analyticsWindow(deps.flows, flowId, q, deps.clock());

  async function compute(flowId: string, q: { from?: string; to?: string; version?: number; compare?: number }) {
    const { stored, docOf, timeZone, now, from, to, start, end } = await windowOf(flowId, q);
    const retainedAll = await deps.store.dailyCounts(flowId);
    const figuresFor = async (version: number | undefined): Promise<AnalyticsFigures> => {
      const doc = version === undefined ? stored.flow : await docOf(version);
      const facts = await deps.store.analyticsFacts({ flowId, from: start, to: end, ...(version !== undefined ? { flowVersion: version } : {}) });
      return computeFigures({
        facts,
        firstDate: from,
        lastDate: to,
        timeZone,
        sessionTimeoutMs: doc.settings.sessionTimeoutMinutes * 60_000,
        now,
        goalNodes: goalNodesOf(doc),
        // The aggregates keep no version, so they only add up without a version filter.
        retained: version === undefined ? retainedAll : [],
      });
    };
    return {
      flowId,
      timeZone,
      from,
      to,
      version: q.version ?? null,
      figures: await figuresFor(q.version),
      compare: q.compare === undefined ? null : { version: q.compare, figures: await figuresFor(q.compare) },
    };
  }

  router.on(analyticsRoutes.get).reply(async ({ params, query }) => ({ status: 200, body: await compute(params.id, query) }));

  router.on(analyticsRoutes.paths).reply(async ({ params, query }) => {
    const { stored, docOf, now, from, to, start, end } = await windowOf(params.id, query);
    const doc = query.version === undefined ? stored.flow : await docOf(query.version);
    const paths = await deps.store.analyticsPaths({ flowId: params.id, from: start, to: end, ...(query.version !== undefined ? { flowVersion: query.version } : {}) });
    return {
      status: 200,
      body: { flowId: params.id, from, to, version: query.version ?? null, ...computePaths(paths, now, doc.settings.sessionTimeoutMinutes * 60_000) },
    };
  });

  router.on(analyticsRoutes.dailyCsv).raw(async ({ params, query, res }) => {
    const result = await compute(params.id, query);
    const columns = ['started', 'contained', 'handedOff', 'abandoned', 'inProgress', 'erasedOther'] as const;
    const header = ['date', ...columns, ...(result.compare ? columns.map((c) => `compare_${c}`) : [])];
    let csv = csvRow(header);
    result.figures.daily.forEach((day, i) => {
      const other = result.compare?.figures.daily[i];
      csv += csvRow([day.date, ...columns.map((c) => day[c]), ...(other ? columns.map((c) => other[c]) : [])]);
    });
    res.setHeader('Content-Disposition', `attachment; filename="analytics-${result.from}-${result.to}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/csv; charset=utf-8').send(csv);
  });
  return router;
}
