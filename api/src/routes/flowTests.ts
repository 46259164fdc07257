import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { notFound } from '../http/errors';
import { parseInput } from '../http/validate';
import { parseTestSuite } from '../flows/flowTests';
import { testReport } from '../flows/testReport';
import { flowIdOf } from './params';

export const putTestsBody = z.strictObject({ tests: z.unknown() });
export const runTestsQuery = z.object({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be a version number')
    .transform(Number)
    .optional(),
});

/**
 * A flow's test cases, and running them. Mounted inside the flows router, which already
 * requires the editor role and parses JSON; API tokens pass, so CI can run the tests.
 */
export function createFlowTestsRouter(deps: AppDeps): Router {
  const router = Router({ mergeParams: true });
  const { flows } = deps.stores;

  router.get('/', async (req, res) => {
    const stored = await flows.get(flowIdOf(req.params));
    if (!stored) throw notFound('Flow');
    res.json({ tests: stored.tests });
  });

  router.put('/', async (req, res) => {
    const id = flowIdOf(req.params);
    const body = parseInput(putTestsBody, req.body ?? {});
    const saved = await flows.setTests(id, parseTestSuite(body.tests));
    if (!saved) throw notFound('Flow');
    res.json({ tests: saved });
  });

  router.post('/run', async (req, res) => {
    const id = flowIdOf(req.params);
    const { version } = parseInput(runTestsQuery, req.query, 'query');
    const stored = await flows.get(id);
    if (!stored) throw notFound('Flow');
    let flow = stored.flow;
    if (version !== undefined) {
      const found = await flows.getVersion(id, version);
      if (!found) throw notFound('Version');
      flow = found.flow;
    }
    res.json({ version: version ?? null, ...testReport(flow, stored.tests) });
  });

  return router;
}
