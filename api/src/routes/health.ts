import type { RequestHandler } from 'express';
import { healthRoutes } from '../contract/health';
import { ContractRouter } from '../http/contractRouter';
import type { Readiness } from '../health/readiness';

const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

/**
 * For load balancers and orchestrators, outside /api (no account, no CSRF): `/healthz` says the
 * process is alive, `/readyz` whether it should get traffic.
 */
export function createHealthRouter(readiness: Readiness): ContractRouter {
  const router = new ContractRouter('/');
  router.on(healthRoutes.live, { before: [noStore] }).reply(() => ({ status: 200, body: { status: 'ok' as const } }));
  router.on(healthRoutes.ready, { before: [noStore] }).reply(async () => {
    const report = await readiness.report();
    return report.ready ? { status: 200, body: report } : { status: 503, body: report };
  });
  return router;
}

/**
 * While shutting down, every answer closes its keep-alive connection, so clients open their next
 * request elsewhere (the listening socket is already closed) instead of keeping this instance busy.
 */
export function closeConnectionsWhileDraining(readiness: Readiness): RequestHandler {
  return (_req, res, next) => {
    if (readiness.shuttingDown) res.set('Connection', 'close');
    next();
  };
}
