import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { agentSocketHandler, AGENT_SOCKET_PATH } from './agentSocket';
import { customerSocketHandler, CUSTOMER_SOCKET_PATH } from './customerSocket';
import { startHeartbeat } from './heartbeat';
import { refuseUpgrade } from './upgradeRefusal';

export interface AttachedSockets {
  /** Stops the heartbeats and closes every socket (for shutdown and tests). */
  close(): void;
}

// A frame is one chat message or typing flag; the HTTP body limit applies here too.
const MAX_FRAME_BYTES = 16 * 1024;

/**
 * Serves the customer and agent channels on the app's own HTTP server. Upgrades for other
 * paths are left to other listeners (e.g. a dev server), or refused when there are none.
 */
export function attachWebSockets(server: http.Server, deps: ChatHttpDeps, options: { heartbeatMs?: number } = {}): AttachedSockets {
  const customers = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const agents = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const onCustomer = customerSocketHandler(deps, customers);
  const onAgent = agentSocketHandler(deps, agents);
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const stops = [startHeartbeat(customers, heartbeatMs), startHeartbeat(agents, heartbeatMs)];

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const customer = CUSTOMER_SOCKET_PATH.exec(url.pathname);
    socket.on('error', () => socket.destroy());
    if (customer) {
      void onCustomer(req, socket, head, decodeURIComponent(customer[1]!), url);
    } else if (url.pathname === AGENT_SOCKET_PATH) {
      void onAgent(req, socket, head).catch((err: unknown) => {
        deps.logger.error({ err }, 'agent socket upgrade failed');
        refuseUpgrade(socket, 500, 'internal', 'Something went wrong on the server');
      });
    } else if (server.listenerCount('upgrade') === 1) {
      refuseUpgrade(socket, 404, 'not_found', `No socket at ${url.pathname}`);
    }
  };
  server.on('upgrade', onUpgrade);

  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const stop of stops) stop();
      for (const ws of customers.clients) ws.terminate();
      for (const ws of agents.clients) ws.terminate();
      customers.close();
      agents.close();
    },
  };
}
