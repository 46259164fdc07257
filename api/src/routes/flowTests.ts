import type { AppDeps } from '../deps';
import { flowTestRoutes, putTestsBody } from '../contract/flowTests';
import { diffFlows, summarize } from '../../../runtime/src/diff';
import type { ContractRouter } from '../http/contractRouter';
import { notFound } from '../http/errors';
import { parseInput } from '../http/validate';
import { parseTestSuite } from '../flows/flowTests';
import { testReport } from '../flows/testReport';
import { emptyLike, resolveSide } from '../flows/diffSide';

/**
 * A flow's test cases, running them, and the diff between versions. Added to the flows router,
 * which already requires the editor role and parses JSON; API tokens pass, so CI can run the tests.
 */
export function addFlowTestRoutes(router: ContractRouter, deps: AppDeps): void {
  const { flows } = deps.stores;

  router.on(flowTestRoutes.list).reply(async ({ params: { id } }) => {
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    return { status: 200, body: { tests: stored.tests } };
  });

  // The cases are checked by parseTestSuite, whose errors read `tests.0.steps.1.input`.
  router.on(flowTestRoutes.replace, { parseBody: (raw) => parseInput(putTestsBody, raw ?? {}) }).reply(async ({ params: { id }, body }) => {
    const saved = await flows.setTests(id, parseTestSuite(body.tests));
    if (!saved) throw notFound('Flow');
    return { status: 200, body: { tests: saved } };
  });

  router.on(flowTestRoutes.run).reply(async ({ params: { id }, query: { version } }) => {
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    let flow = stored.flow;
    if (version !== undefined) {
      const found = await flows.getVersion(id, version);
      if (!found) throw notFound('Version');
      flow = found.flow;
    }
    return { status: 200, body: { version: version ?? null, ...testReport(flow, stored.tests) } };
  });

  router.on(flowTestRoutes.diff).reply(async ({ params: { id }, query }) => {
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    const from = await resolveSide(flows, stored, query.from);
    const to = await resolveSide(flows, stored, query.to);
    const before = from.flow ?? emptyLike(to.flow ?? stored.flow);
    const after = to.flow ?? emptyLike(before);
    const diff = diffFlows(before, after);
    return { status: 200, body: { from: from.ref, to: to.ref, summary: summarize(diff), ...diff } };
  });
}
