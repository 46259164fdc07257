import { Router } from 'express';

/** Public: serves the document built once at start. */
export function createOpenApiRouter(document: object): Router {
  const router = Router();
  const body = JSON.stringify(document);
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(body);
  });
  return router;
}
