import path from 'node:path';
import type http from 'node:http';
import { ChatService } from '../../../runtime/src/server/chat/chatService';
import { InMemoryChatEvents, type ChatEvents } from '../../../runtime/src/chat/chatEvents';
import { AgentPresence, type AgentConnections, type AgentPresenceDeps } from '../../../runtime/src/server/chat/agentPresence';
import { ConversationHistory } from '../../../runtime/src/chat/conversationHistory';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import { resolvePrincipal } from '../auth/resolvePrincipal';
import type { AppDeps, ChatRoutesDeps } from '../deps';
import { SqliteConversationStore } from '../storage/sqlite/sqliteConversationStore';
import { PostgresConversationStore } from '../storage/postgres/postgresConversationStore';
import type { PostgresDatabase } from '../storage/postgres/database';
import { attachWebSockets, type AttachedSockets } from '../ws/attachWebSockets';
import type { ChatHttpDeps } from './chatHttpDeps';
import { ConversationMessageLimit, DEFAULT_CHAT_LIMITS, storeErrorLog, type ChatLimits } from './chatLimits';
import { knowledgeRetrieverOf, languageModelOf, modelStoreOf, outboundOf, vaultOf } from '../appServices';
import { knowledgeStepRunner } from '../llm/knowledgeStepRunner';
import { intentPickRunner } from '../llm/intentPickRunner';
import { versionModelLoader } from '../intentModels/versionModels';
import { httpStepRunner } from '../httpSteps/httpStepRunner';
import type { PrivacyRouterDeps } from '../routes/privacy';
import { RetentionSweeper } from '../privacy/retention';

export const CONVERSATIONS_FILE = 'conversations.sqlite';

export interface ChatModuleOptions {
  limits?: Partial<ChatLimits>;
  /** Defaults to PostgreSQL when `DATABASE_URL` is set, else to SQLite in DATA_DIR. */
  store?: ConversationStore;
  /**
   * A pool on `DATABASE_URL` whose schema is already migrated (server.ts passes the core stores'
   * one), so that an instance keeps a single pool; without it, `DATABASE_URL` gets a pool of its own.
   */
  postgres?: PostgresDatabase;
  /** Defaults to in-process delivery; a Redis bus goes here for several instances. */
  events?: ChatEvents;
  heartbeatMs?: number;
  /** How long an agent's last inbox socket may be gone before they are marked away. */
  awayGraceMs?: number;
  /** Defaults to counting this process's inbox sockets; a Redis tracker counts every instance's. */
  presence?: (deps: AgentPresenceDeps) => AgentConnections;
  /** The retention sweep's timing; `enabled: false` leaves it to the caller (tests call `retention.runOnce`). */
  retention?: { intervalMs?: number; batchSize?: number; enabled?: boolean };
}

export interface ChatModule {
  service: ChatService;
  events: ChatEvents;
  store: ConversationStore;
  retention: RetentionSweeper;
  /** Pass to `createApp` as `deps.chat`; the route table mounts the chat area's routes with it. */
  routes: ChatRoutesDeps;
  /**
   * Resolves once the store can serve (PostgreSQL: its migrations ran); rejects with why not.
   * Requests before then wait for it, so awaiting is for failing a start early.
   */
  whenReady(): Promise<void>;
  /** Call once the HTTP server exists. */
  attach(server: http.Server): AttachedSockets;
  close(): Promise<void>;
}

/** Builds the chat runtime, what its routes need and its sockets on top of the app's stores and clock. */
export function createChatModule(app: Omit<AppDeps, 'chat' | 'widget'>, options: ChatModuleOptions = {}): ChatModule {
  const postgres =
    options.store !== undefined
      ? null
      : options.postgres
        ? new PostgresConversationStore(options.postgres)
        : app.config.databaseUrl !== null
          ? PostgresConversationStore.open(app.config.databaseUrl, { logger: app.logger })
          : null;
  const store = options.store ?? postgres ?? SqliteConversationStore.open(path.join(app.config.dataDir, CONVERSATIONS_FILE));
  const events = options.events ?? new InMemoryChatEvents();
  const service = new ChatService({
    store,
    flows: app.stores.flows,
    events,
    now: app.clock,
    models: versionModelLoader(modelStoreOf(app), app.logger),
    http: httpStepRunner(vaultOf(app), outboundOf(app), app.logger),
    knowledge: knowledgeStepRunner({ retriever: knowledgeRetrieverOf(app), model: languageModelOf(app), logger: app.logger }),
    intentPick: intentPickRunner({ model: languageModelOf(app), logger: app.logger }),
  });
  const history = new ConversationHistory({ store, flowName: (record) => service.flowTitle(record), flowMask: (record) => service.flowMask(record), now: app.clock });
  const presenceDeps: AgentPresenceDeps = {
    markAway: (agentId, since) => service.markAwayAfterDisconnect(agentId, since),
    now: app.clock,
    ...(options.awayGraceMs === undefined ? {} : { graceMs: options.awayGraceMs }),
    onError: (err) => app.logger.error({ err }, 'marking an agent away failed'),
  };
  const presence = options.presence ? options.presence(presenceDeps) : new AgentPresence(presenceDeps);
  const limits = { ...DEFAULT_CHAT_LIMITS, ...options.limits };
  const httpDeps: ChatHttpDeps = {
    service,
    events,
    history,
    presence,
    settings: app.stores.settings,
    users: app.stores.users,
    logger: app.logger,
    publicUrl: app.config.publicUrl,
    limits,
    messageLimit: new ConversationMessageLimit(
      limits,
      app.rateLimitStore,
      async (sessionId, token) => {
        try {
          await service.authenticate(sessionId, token);
          return true;
        } catch {
          return false;
        }
      },
      storeErrorLog((err) => app.logger.error({ err }, 'A rate-limit counter store failed; chat requests go through uncounted meanwhile')),
    ),
    ...(app.rateLimitStore ? { rateLimitStore: app.rateLimitStore } : {}),
    resolveAccount: async (credentials) => (await resolvePrincipal(app as AppDeps, credentials)).principal,
  };
  const sockets: AttachedSockets[] = [];
  const privacyDeps: PrivacyRouterDeps = {
    store,
    stores: app.stores,
    clock: app.clock,
    logger: app.logger,
    flowName: (record) => service.flowTitle(record),
    flowMask: (record) => service.flowMask(record),
  };
  const retention = new RetentionSweeper({
    store,
    settings: app.stores.settings,
    audit: app.stores.audit,
    logger: app.logger,
    clock: app.clock,
    ...options.retention,
  });
  if (options.retention?.enabled !== false) retention.start();
  return {
    service,
    events,
    store,
    retention,
    routes: { http: httpDeps, store, privacy: privacyDeps },
    whenReady: () => postgres?.whenReady() ?? Promise.resolve(),
    attach(server) {
      const attached = attachWebSockets(server, httpDeps, options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs });
      sockets.push(attached);
      return attached;
    },
    async close() {
      await retention.stop();
      presence.stop();
      // Only the client this module made: an injected one belongs to whoever passed it.
      if (!app.outbound) await outboundOf(app).close();
      for (const s of sockets) s.close();
      await store.close();
    },
  };
}
