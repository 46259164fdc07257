import { Router } from 'express';
import type { AppDeps } from '../deps';
import { requireRole } from '../auth/requireRole';
import { listSamples } from '../flows/sampleCatalog';

export function createSamplesRouter(_deps: AppDeps): Router {
  const router = Router();
  router.get('/', requireRole('editor'), (_req, res) => {
    res.json({ samples: listSamples() });
  });
  return router;
}
