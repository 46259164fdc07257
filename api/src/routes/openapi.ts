import { metaRoutes } from '../contract/meta';
import { ContractRouter } from '../http/contractRouter';

/** Public: serves the document built once at start. */
export function createOpenApiRouter(document: object): ContractRouter {
  const router = new ContractRouter('/api');
  const body = JSON.stringify(document);
  router.on(metaRoutes.openapi).raw(({ res }) => {
    res.type('application/json').send(body);
  });
  return router;
}
