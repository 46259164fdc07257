import type { AppDeps } from './deps';
import type { ContractRouter } from './http/contractRouter';
import { buildOpenApiDocument } from './openapi/document';
import { createAuthRouter } from './routes/auth';
import { createUsersRouter } from './routes/users';
import { createTokensRouter } from './routes/tokens';
import { createSettingsRouter } from './routes/settings';
import { createLanguageModelRouter } from './routes/languageModel';
import { createSecretsRouter } from './routes/secrets';
import { createKnowledgeRouter } from './routes/knowledge';
import { createAuditRouter } from './routes/audit';
import { createFlowsRouter } from './routes/flows';
import { createVersionsRouter } from './routes/versions';
import { createSamplesRouter } from './routes/samples';
import { createOpenApiRouter } from './routes/openapi';
import { createPreviewHttpRouter } from './routes/previewHttp';
import { createPreviewKnowledgeRouter } from './routes/previewKnowledge';
import { createPreviewIntentPickRouter } from './routes/previewIntentPick';
import { createChatRouter } from './routes/chat';
import { createInboxRouter } from './routes/inbox';
import { createConversationsRouter } from './routes/conversations';
import { createUnrecognizedRouter } from './routes/unrecognized';
import { createAnalyticsRouter } from './routes/analytics';
import { createAnalyticsConversationsRouter } from './routes/analyticsConversations';
import { createPrivacyRouter } from './routes/privacy';
import { createWidgetRouters } from './routes/widget';
import { createHealthRouter } from './routes/health';
import { Readiness } from './health/readiness';

export interface TableEntry {
  router: ContractRouter;
  /**
   * Mounted ahead of the account lookup: for public routers that never read `req.principal`
   * (the customer chat), which would otherwise pay for it on every message.
   */
  beforeAuth?: boolean;
}

/**
 * Every router the app serves, in mounting order: the one place routes are mounted. Each router
 * declares its routes by their contract entry (api/src/contract), so the contract, the OpenAPI
 * document and what is served are one list. The chat area and the widget are mounted when the
 * server runs them (`deps.chat`, `deps.widget`).
 */
export function routeTable(deps: AppDeps): TableEntry[] {
  const { chat, widget } = deps;
  return [
    { router: createHealthRouter(deps.readiness ?? new Readiness()), beforeAuth: true },
    ...(chat ? [{ router: createChatRouter(chat.http), beforeAuth: true }] : []),
    { router: createAuthRouter(deps) },
    { router: createUsersRouter(deps) },
    { router: createTokensRouter(deps) },
    // Before the settings router, which takes the rest of /api/settings.
    { router: createLanguageModelRouter(deps) },
    { router: createSettingsRouter(deps) },
    { router: createSecretsRouter(deps) },
    { router: createKnowledgeRouter(deps) },
    { router: createAuditRouter(deps) },
    // Before the flows router: these live under /api/flows/:id and bring their own body limits.
    { router: createVersionsRouter(deps) },
    { router: createPreviewHttpRouter(deps) },
    { router: createPreviewKnowledgeRouter(deps) },
    { router: createPreviewIntentPickRouter(deps) },
    { router: createFlowsRouter(deps) },
    { router: createSamplesRouter(deps) },
    ...(chat
      ? [
          { router: createInboxRouter(chat.http) },
          { router: createConversationsRouter(chat.http) },
          { router: createUnrecognizedRouter({ store: chat.store, stores: deps.stores, clock: deps.clock }) },
          { router: createAnalyticsRouter({ store: chat.store, flows: deps.stores.flows, clock: deps.clock }) },
          { router: createAnalyticsConversationsRouter({ store: chat.store, flows: deps.stores.flows, clock: deps.clock }) },
          { router: createPrivacyRouter(chat.privacy) },
        ]
      : []),
    ...(widget ? createWidgetRouters(widget).map((router) => ({ router })) : []),
    { router: createOpenApiRouter(buildOpenApiDocument(deps.config.publicUrl)) },
  ];
}
