import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Store } from 'express-rate-limit';
import type { Config } from './config';
import type { Stores } from './storage/stores';
import type { PasswordHasher } from './auth/password';
import type { Paths } from './openapi/helpers';
import type { SecretVault } from './secrets/vault';

/** A router another area mounts into the app (chat, inbox), documented in api/src/openapi/paths. */
export interface MountedRouter {
  path: string;
  router: Router;
  /** Its OpenAPI paths (e.g. `chatPaths` from openapi/paths/chat.ts); the route test holds it to them. */
  openapi?: Paths;
  /**
   * Mounted ahead of the account lookup: for public routers that never read `req.principal`
   * (the customer chat), which would otherwise pay for it on every message.
   */
  beforeAuth?: boolean;
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
  /** Mounted after the core routers and before the API 404. */
  routers?: MountedRouter[];
  /** Opened at start by server.ts; without it the app opens one over `stores.secrets`. */
  secrets?: SecretVault;
  /** Conversations still running per published version of a flow; absent without a chat runtime. */
  runningConversations?: (flowId: string, activeSince: number) => Promise<Record<number, number>>;
  /** Built editor to serve at `/`, or null for an API-only app. */
  editorDist?: string | null;
}
