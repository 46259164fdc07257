import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { agentSocketHandler, AGENT_SOCKET_PATH } from './agentSocket';
import { customerSocketHandler, CUSTOMER_SOCKET_PATH } from './customerSocket';
import { startHeartbeat } from './heartbeat';
import { refuseUpgrade } from './upgradeRefusal';
import { guarded } from './guarded';

export interface AttachedSockets {
  /** Stops the heartbeats and closes every socket (for shutdown and tests). */
  close(): void;
  /**
   * For a graceful shutdown: refuses new sockets and closes the open ones with 1012 (service
   * restart) and a reason, so widgets and inboxes reconnect (to another instance) and fetch what
   * they missed; a client that does not answer the close within `graceMs` is cut off.
   */
  closeForRestart(graceMs?: number): Promise<void>;
  /**
   * Closes the open sockets with 1012 but keeps serving: after live events may have been lost
   * (Redis was away), clients reconnect and fetch what they missed by message id.
   */
  reconnectAll(): void;
}

/** WebSocket close code 1012: the server is restarting, reconnect. */
export const SERVICE_RESTART = 1012;
export const RESTART_REASON = 'Server restarting; reconnect';
export const RESYNC_REASON = 'Live updates were interrupted; reconnect';

// A frame is one chat message or typing flag; the HTTP body limit applies here too.
const MAX_FRAME_BYTES = 16 * 1024;

/**
 * Serves the customer and agent channels on the app's own HTTP server. Upgrades for other
 * paths are left to other listeners (e.g. a dev server), or refused when there are none.
 */
/**
 * The request target as a URL and its percent-decoded path, or null when either is malformed
 * (`/api/chat/sessions/%/ws`, `//`): the caller answers 400 instead of throwing.
 */
function parseTarget(raw: string | undefined): { url: URL; sessionId: string | null } | null {
  try {
    const url = new URL(raw ?? '/', 'http://localhost');
    const customer = CUSTOMER_SOCKET_PATH.exec(url.pathname);
    return { url, sessionId: customer ? decodeURIComponent(customer[1]!) : null };
  } catch {
    return null;
  }
}

export function attachWebSockets(server: http.Server, deps: ChatHttpDeps, options: { heartbeatMs?: number } = {}): AttachedSockets {
  const customers = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const agents = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const heartbeats = [startHeartbeat(heartbeatMs), startHeartbeat(heartbeatMs)] as const;
  const onCustomer = customerSocketHandler(deps, customers, heartbeats[0]);
  const onAgent = agentSocketHandler(deps, agents, heartbeats[1]);

  const onUpgrade = guarded(
    deps.logger,
    'socket upgrade failed',
    async (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      const target = parseTarget(req.url);
      if (!target) {
        // The path only: the query carries the customer's session token.
        deps.logger.warn({ path: String(req.url).split('?')[0]!.slice(0, 200) }, 'refused a socket upgrade with a malformed path');
        refuseUpgrade(socket, 400, 'invalid_request', 'The socket path is not a valid URL path');
        return;
      }
      const { url, sessionId } = target;
      if (sessionId !== null) {
        await onCustomer(req, socket, head, sessionId, url);
      } else if (url.pathname === AGENT_SOCKET_PATH) {
        await onAgent(req, socket, head);
      } else if (server.listenerCount('upgrade') === 1) {
        refuseUpgrade(socket, 404, 'not_found', `No socket at ${url.pathname}`);
      }
    },
    (_req, socket) => refuseUpgrade(socket, 500, 'internal', 'Something went wrong on the server'),
  );
  server.on('upgrade', onUpgrade);

  const closeAll = (reason: string) => {
    const open = [...customers.clients, ...agents.clients];
    for (const ws of open) {
      try {
        ws.close(SERVICE_RESTART, reason);
      } catch {
        ws.terminate();
      }
    }
  };
  const close = () => {
    server.off('upgrade', onUpgrade);
    for (const heartbeat of heartbeats) heartbeat.stop();
    for (const ws of customers.clients) ws.terminate();
    for (const ws of agents.clients) ws.terminate();
    customers.close();
    agents.close();
  };
  return {
    close,
    async closeForRestart(graceMs = 1_000) {
      server.off('upgrade', onUpgrade);
      const gone = [...customers.clients, ...agents.clients]
        .filter((ws) => ws.readyState !== ws.CLOSED)
        .map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
      closeAll(RESTART_REASON);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.all(gone), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      close();
    },
    reconnectAll() {
      closeAll(RESYNC_REASON);
    },
  };
}
