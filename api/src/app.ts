import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './deps';
import { requestLog } from './http/requestLog';
import { staticHeaders } from './http/staticHeaders';
import { authenticate } from './auth/authenticate';
import { apiNotFound, errorHandler } from './http/errorHandler';
import { HttpError } from './http/errors';
import { editorStatic } from './http/editorStatic';
import { apiPathGuard } from './http/pathGuard';
import { routeTable } from './routeTable';
import { closeConnectionsWhileDraining } from './routes/health';

export type { AppDeps } from './deps';

/** The whole HTTP app without `listen`, so tests drive it with supertest. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.set('trust proxy', deps.config.trustProxy);
  app.set('query parser', 'simple');
  // upgrade-insecure-requests would break the editor on a plain-http LAN address, so it is only
  // sent when the public URL is https.
  const https = deps.config.publicUrl?.startsWith('https:') ?? false;
  app.use(staticHeaders(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } } })));
  app.use(requestLog(deps.logger, { clientIp: deps.config.logClientIp }));
  if (deps.readiness) app.use(closeConnectionsWhileDraining(deps.readiness));
  app.use('/api', apiPathGuard);

  const table = routeTable(deps);
  for (const { router } of table.filter((e) => e.beforeAuth)) app.use(router.prefix, router.router);

  // Sets req.principal for every API call; each router decides whether it needs one.
  app.use('/api', authenticate(deps));

  for (const { router } of table.filter((e) => !e.beforeAuth)) app.use(router.prefix, router.router);
  app.use('/api', apiNotFound);

  if (deps.editorDist) app.use(...editorStatic(deps.editorDist));
  app.use((req, _res, next) => next(new HttpError(404, 'not_found', `Nothing at ${req.path}`)));
  app.use(errorHandler(deps.logger));
  return app;
}
