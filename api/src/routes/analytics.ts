import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import type { FlowDocument } from '../../../runtime/src/schema';
import { localTime } from '../../../runtime/src/hours/localTime';
import { analyticsRoutes } from '../contract/analytics';
import { ContractRouter } from '../http/contractRouter';
import { notFound } from '../http/errors';
import { requireRole } from '../auth/requireRole';
import type { FlowStore } from '../storage/flowStore';
import { computeFigures, type AnalyticsFigures } from '../analytics/figures';
import { computePaths } from '../analytics/paths';
import { localMidnight, nextDate } from '../analytics/localDays';
import { csvRow } from '../audit/csv';

export interface AnalyticsRouterDeps {
  store: ConversationStore;
  flows: FlowStore;
  clock: () => number;
}

/** Goal nodes of a document by id, with their labels. */
function goalNodesOf(flow: FlowDocument): Map<string, string> {
  const goals = new Map<string, string>();
  for (const n of flow.nodes) if (n.data.goal) goals.set(n.id, n.data.goal.label);
  return goals;
}

const DEFAULT_DAYS = 30;

/** Per-flow figures for admins and editors; agents and the public get 403/401 from requireRole. */
export function createAnalyticsRouter(deps: AnalyticsRouterDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/analytics');
  router.use(requireRole('editor'));

  /** The flow, its time zone and the window's days and instants; 404 for an unknown flow. */
  async function windowOf(flowId: string, q: { from?: string; to?: string }) {
    const stored = await deps.flows.get(flowId);
    if (!stored) throw notFound('Flow');
    const docOf = async (n: number) => {
      const v = await deps.flows.getVersion(flowId, n);
      if (!v) throw notFound(`Version ${n}`);
      return v.flow;
    };
    const timeZone = stored.flow.settings.businessHours.timezone;
    const now = deps.clock();
    const to = q.to ?? localTime(timeZone, now).date;
    let from = q.from;
    if (from === undefined) {
      from = to;
      for (let i = 1; i < DEFAULT_DAYS; i++) from = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    }
    return { stored, docOf, timeZone, now, from, to, start: localMidnight(timeZone, from), end: localMidnight(timeZone, nextDate(to)) };
  }

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
