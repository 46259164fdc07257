import path from 'node:path';
import type http from 'node:http';
import { ChatService } from '../../../runtime/src/chat/chatService';
import { InMemoryChatEvents, type ChatEvents } from '../../../runtime/src/chat/chatEvents';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import { resolvePrincipal } from '../auth/resolvePrincipal';
import type { AppDeps, MountedRouter } from '../deps';
import { createChatRouter } from '../routes/chat';
import { createInboxRouter } from '../routes/inbox';
import { SqliteConversationStore } from '../storage/sqlite/sqliteConversationStore';
import { attachWebSockets, type AttachedSockets } from '../ws/attachWebSockets';
import type { ChatHttpDeps } from './chatHttpDeps';
import { DEFAULT_CHAT_LIMITS, type ChatLimits } from './chatLimits';

export const CONVERSATIONS_FILE = 'conversations.sqlite';

export interface ChatModuleOptions {
  limits?: Partial<ChatLimits>;
  /** Defaults to SQLite in DATA_DIR; a PostgreSQL store goes here later. */
  store?: ConversationStore;
  /** Defaults to in-process delivery; a Redis bus goes here for several instances. */
  events?: ChatEvents;
  heartbeatMs?: number;
}

export interface ChatModule {
  service: ChatService;
  events: ChatEvents;
  store: ConversationStore;
  /** Pass to `createApp` as `deps.routers`. */
  routers: MountedRouter[];
  /** Call once the HTTP server exists. */
  attach(server: http.Server): AttachedSockets;
  close(): Promise<void>;
}

/** Builds the chat runtime, its routers and sockets on top of the app's stores and clock. */
export function createChatModule(app: Omit<AppDeps, 'routers'>, options: ChatModuleOptions = {}): ChatModule {
  const store = options.store ?? SqliteConversationStore.open(path.join(app.config.dataDir, CONVERSATIONS_FILE));
  const events = options.events ?? new InMemoryChatEvents();
  const service = new ChatService({ store, flows: app.stores.flows, events, now: app.clock });
  const httpDeps: ChatHttpDeps = {
    service,
    events,
    logger: app.logger,
    publicUrl: app.config.publicUrl,
    limits: { ...DEFAULT_CHAT_LIMITS, ...options.limits },
    ...(app.rateLimitStore ? { rateLimitStore: app.rateLimitStore } : {}),
    resolveAccount: async (credentials) => (await resolvePrincipal(app as AppDeps, credentials)).principal,
  };
  const sockets: AttachedSockets[] = [];
  return {
    service,
    events,
    store,
    routers: [
      { path: '/api/chat', router: createChatRouter(httpDeps) },
      { path: '/api/inbox', router: createInboxRouter(httpDeps) },
    ],
    attach(server) {
      const attached = attachWebSockets(server, httpDeps, options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs });
      sockets.push(attached);
      return attached;
    },
    async close() {
      for (const s of sockets) s.close();
      await store.close();
    },
  };
}
