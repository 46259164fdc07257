import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { ChatService } from '../../../runtime/src/chat/chatService';
import type { ChatEvents } from '../../../runtime/src/chat/chatEvents';
import type { Principal } from '../auth/principal';
import type { ChatLimits } from './chatLimits';

/** What the chat and inbox routers and sockets need from the app. */
export interface ChatHttpDeps {
  service: ChatService;
  events: ChatEvents;
  logger: Logger;
  /** PUBLIC_URL, counted as the server's own origin besides the request's Host. */
  publicUrl: string | null;
  limits: ChatLimits;
  rateLimitStore?: (name: string) => Store;
  /** Resolves the inbox socket's cookie to an account (the same rules as HTTP requests). */
  resolveAccount: (credentials: { cookie?: string | undefined }) => Promise<Principal | null>;
}
