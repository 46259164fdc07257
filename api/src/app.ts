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
import { buildOpenApiDocument } from './openapi/document';
import { createAuthRouter } from './routes/auth';
import { createUsersRouter } from './routes/users';
import { createTokensRouter } from './routes/tokens';
import { createSettingsRouter } from './routes/settings';
import { createSecretsRouter } from './routes/secrets';
import { createAuditRouter } from './routes/audit';
import { createFlowsRouter } from './routes/flows';
import { createVersionsRouter } from './routes/versions';
import { createSamplesRouter } from './routes/samples';
import { createOpenApiRouter } from './routes/openapi';
import { createPreviewHttpRouter } from './routes/previewHttp';

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
  app.use('/api', apiPathGuard);

  // Other areas (public chat, agent inbox) plug in here; server.ts builds the list.
  const mounted = deps.routers ?? [];
  for (const { path, router } of mounted.filter((m) => m.beforeAuth)) app.use(path, router);

  // Sets req.principal for every API call; each router decides whether it needs one.
  app.use('/api', authenticate(deps));

  for (const router of [
    createAuthRouter(deps),
    createUsersRouter(deps),
    createTokensRouter(deps),
    createSettingsRouter(deps),
    createSecretsRouter(deps),
    createAuditRouter(deps),
    createVersionsRouter(deps),
    createPreviewHttpRouter(deps),
    createFlowsRouter(deps),
    createSamplesRouter(deps),
  ]) {
    app.use(router.prefix, router.router);
  }

  for (const { path, router } of mounted.filter((m) => !m.beforeAuth)) app.use(path, router);

  const document = buildOpenApiDocument(
    mounted.flatMap((m) => (m.openapi ? [m.openapi] : [])),
    deps.config.publicUrl,
  );
  const openapi = createOpenApiRouter(document);
  app.use(openapi.prefix, openapi.router);
  app.use('/api', apiNotFound);

  if (deps.editorDist) app.use(...editorStatic(deps.editorDist));
  app.use((req, _res, next) => next(new HttpError(404, 'not_found', `Nothing at ${req.path}`)));
  app.use(errorHandler(deps.logger));
  return app;
}
