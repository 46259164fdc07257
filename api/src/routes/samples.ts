import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { sampleRoutes } from '../contract/samples';
import { ContractRouter } from '../http/contractRouter';
import { listSamples } from '../flows/sampleCatalog';

export function createSamplesRouter(_deps: AppDeps): ContractRouter {
  const router = new ContractRouter('/api/samples');
  router.on(sampleRoutes.list, { before: [requireRole('editor')] }).reply(() => ({ status: 200, body: { samples: listSamples() } }));
  return router;
}
