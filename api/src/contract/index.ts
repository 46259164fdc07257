import type { RouteDef } from './route';
import { authRoutes } from './auth';
import { userRoutes } from './users';
import { tokenRoutes } from './tokens';
import { settingsRoutes } from './settings';
import { languageModelRoutes } from './languageModel';
import { previewKnowledgeRoutes } from './previewKnowledge';
import { previewIntentPickRoutes } from './previewIntentPick';
import { secretRoutes } from './secrets';
import { knowledgeRoutes } from './knowledge';
import { sampleRoutes } from './samples';
import { metaRoutes } from './meta';
import { auditRoutes } from './audit';
import { privacyRoutes } from './privacy';
import { flowRoutes } from './flows';
import { versionRoutes } from './versions';
import { flowTestRoutes } from './flowTests';
import { nluRoutes } from './nlu';
import { unrecognizedRoutes } from './unrecognized';
import { chatRoutes } from './chat';
import { inboxRoutes } from './inbox';
import { conversationRoutes } from './conversations';
import { widgetRoutes } from './widget';
import { analyticsRoutes } from './analytics';
import { analyticsConversationsRoutes } from './analyticsConversations';
import { healthRoutes } from './health';

/**
 * The whole HTTP API, one entry per route: method, path, inputs and answers in zod. The server
 * validates and types its handlers with it, the OpenAPI document is generated from it, and the
 * editor's client takes its types from it. Browser-safe: no Node imports anywhere below.
 */
export const contract = {
  auth: authRoutes,
  users: userRoutes,
  tokens: tokenRoutes,
  settings: settingsRoutes,
  languageModel: languageModelRoutes,
  previewKnowledge: previewKnowledgeRoutes,
  previewIntentPick: previewIntentPickRoutes,
  secrets: secretRoutes,
  knowledge: knowledgeRoutes,
  samples: sampleRoutes,
  meta: metaRoutes,
  audit: auditRoutes,
  privacy: privacyRoutes,
  flows: flowRoutes,
  versions: versionRoutes,
  flowTests: flowTestRoutes,
  nlu: nluRoutes,
  unrecognized: unrecognizedRoutes,
  chat: chatRoutes,
  inbox: inboxRoutes,
  conversations: conversationRoutes,
  widget: widgetRoutes,
  analytics: analyticsRoutes,
  analyticsConversations: analyticsConversationsRoutes,
  health: healthRoutes,
};

export function contractRoutes(): RouteDef[] {
  return Object.values(contract).flatMap((group) => Object.values(group) as RouteDef[]);
}

export type { RouteDef, Reply, ResponseBody, RequestBody, RequestQuery } from './route';
