import type { Logger } from 'pino';
import type { Store } from 'express-rate-limit';
import type { Config } from './config';
import type { Stores } from './storage/stores';
import type { PasswordHasher } from './auth/password';
import type { ChatHttpDeps } from './chat/chatHttpDeps';
import type { ConversationStore } from '../../runtime/src/chat/conversationStore';
import type { PrivacyRouterDeps } from './routes/privacy';
import type { WidgetRouterDeps } from './routes/widget';
import type { SecretVault } from './secrets/vault';
import type { Readiness } from './health/readiness';
import type { FlowChange } from './scaleOut/flowChanges';

/** What the chat area's routes need (chat, inbox, history, unrecognized messages, personal data). */
export interface ChatRoutesDeps {
  http: ChatHttpDeps;
  store: ConversationStore;
  privacy: PrivacyRouterDeps;
}

/**
 * Everything the app needs, injected so tests run against temp data and a fake clock.
 * Other areas add their own fields by declaration merging:
 *   declare module '../deps' { interface AppDeps { conversations: ConversationStore } }
 */
export interface AppDeps {
  config: Config;
  logger: Logger;
  stores: Stores;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Defaults to scrypt with OWASP parameters; tests pass cheaper parameters. */
  passwords?: PasswordHasher;
  /**
   * Counters for rate limits; in-memory by default. A shared store (e.g. Redis) goes here when
   * several instances run behind one load balancer. Called once per limiter.
   */
  rateLimitStore?: (name: string) => Store;
  /** The live chat's services; without them the chat area's routes are not mounted (routeTable.ts). */
  chat?: ChatRoutesDeps;
  /** widget.js, the hosted chat page and the widget's public settings; not mounted without it. */
  widget?: WidgetRouterDeps;
  /** Opened at start by server.ts; without it the app opens one over `stores.secrets`. */
  secrets?: SecretVault;
  /** Conversations still running per published version of a flow; absent without a chat runtime. */
  runningConversations?: (flowId: string, activeSince: number) => Promise<Record<number, number>>;
  /** Tells the chat runtime a flow was deleted, so it drops the versions it cached; absent without one. */
  flowDeleted?: (flowId: string) => Promise<unknown> | void;
  /** Tells every instance's caches that a flow's live version changed or the flow went (publish, rollback, unpublish, delete). */
  flowChanged?: (flowId: string, change: FlowChange) => void;
  /** What `GET /readyz` asks (PostgreSQL, Redis) and whether the server is shutting down; ready with no checks by default. */
  readiness?: Readiness;
  /** Built editor to serve at `/`, or null for an API-only app. */
  editorDist?: string | null;
}
