import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { ChatService } from '../../../runtime/src/server/chat/chatService';
import type { ChatEvents } from '../../../runtime/src/chat/chatEvents';
import type { AgentConnections } from '../../../runtime/src/server/chat/agentPresence';
import type { ConversationHistory } from '../../../runtime/src/chat/conversationHistory';
import type { SettingsStore } from '../storage/settingsStore';
import type { UserStore } from '../storage/userStore';
import type { Principal } from '../auth/principal';
import type { ChatLimits, ConversationMessageLimit } from './chatLimits';

/** What the chat and inbox routers and sockets need from the app. */
export interface ChatHttpDeps {
  service: ChatService;
  events: ChatEvents;
  history: ConversationHistory;
  /** Agents' open inbox sockets; the last one closing starts the away grace period. */
  presence: AgentConnections;
  /** Organisation settings: canned replies and the inbox highlight threshold. */
  settings: SettingsStore;
  /** Accounts, to check a transfer's target agent. */
  users: UserStore;
  logger: Logger;
  /** PUBLIC_URL, counted as the server's own origin besides the request's Host. */
  publicUrl: string | null;
  limits: ChatLimits;
  /** Messages per conversation per minute, counted once for HTTP and the socket together. */
  messageLimit: ConversationMessageLimit;
  rateLimitStore?: (name: string) => Store;
  /** Resolves the inbox socket's cookie to an account (the same rules as HTTP requests). */
  resolveAccount: (credentials: { cookie?: string | undefined }) => Promise<Principal | null>;
}
