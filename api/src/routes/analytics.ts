import { analyticsRoutes } from '../contract/analytics';
import { ContractRouter } from '../http/contractRouter';
import { requireRole } from '../auth/requireRole';
import { createFlowAnalytics, type FlowAnalyticsDeps } from '../analytics/flowAnalytics';
import { csvRow } from '../audit/csv';

export type AnalyticsRouterDeps = FlowAnalyticsDeps;

/** Per-flow figures for admins and editors; agents and the public get 403/401 from requireRole. */
export function createAnalyticsRouter(deps: AnalyticsRouterDeps): ContractRouter {
  const router = new ContractRouter('/api/flows/:id/analytics');
  router.use(requireRole('editor'));
  const analytics = createFlowAnalytics(deps);

  router.on(analyticsRoutes.get).reply(async ({ params, query }) => ({ status: 200, body: await analytics.figures(params.id, query) }));

  router.on(analyticsRoutes.paths).reply(async ({ params, query }) => ({ status: 200, body: await analytics.paths(params.id, query) }));

  router.on(analyticsRoutes.dailyCsv).raw(async ({ params, query, res }) => {
    const result = await analytics.figures(params.id, query);
    const columns = ['started', 'contained', 'handedOff', 'abandoned', 'inProgress', 'erasedOther', 'uniqueVisitors'] as const;
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
