import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { InboxEvent } from '../../../runtime/src/chat/chatEvents';
import { ChatError } from '../../../runtime/src/chat/chatError';
import type { Principal } from '../auth/principal';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { isOwnOrigin } from '../chat/originPolicy';
import { guarded } from './guarded';
import type { Heartbeat } from './heartbeat';
import { refuseUpgrade } from './upgradeRefusal';

export const AGENT_SOCKET_PATH = '/api/inbox/ws';

const clientFrame = z.object({ type: z.literal('typing'), sessionId: z.string().min(1).max(200), typing: z.boolean() });

/** Queue changes go to every agent; conversation traffic to its agent (and admins). */
function wants(principal: Principal, event: InboxEvent): boolean {
  if (event.type === 'queue') return true;
  return principal.role === 'admin' || event.assignedAgentId === null || event.assignedAgentId === principal.id;
}

/**
 * The agents' live channel, authenticated by the inbox's session cookie. Browsers attach
 * cookies to cross-site socket upgrades too, so only the server's own pages may open it.
 */
export function agentSocketHandler(deps: ChatHttpDeps, wss: WebSocketServer, heartbeat: Heartbeat) {
  return async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, req.headers.host, deps.publicUrl)) {
      refuseUpgrade(socket, 403, 'origin_not_allowed', 'The inbox socket is only for this server’s own pages');
      return;
    }
    const principal = await deps.resolveAccount({ cookie: req.headers.cookie });
    if (!principal) {
      refuseUpgrade(socket, 401, 'unauthenticated', 'Sign in to continue');
      return;
    }
    if (principal.role !== 'agent' && principal.role !== 'admin') {
      refuseUpgrade(socket, 403, 'forbidden', 'Your role does not allow this');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      heartbeat.watch(ws);
      const unsubscribe = deps.events.subscribeInbox(
        guarded(deps.logger, 'agent socket send failed', (event: InboxEvent) => {
          if (wants(principal, event) && ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
        }),
      );
      deps.presence.connected(principal.id);
      ws.on(
        'close',
        guarded(deps.logger, 'agent socket close failed', () => {
          unsubscribe();
          deps.presence.disconnected(principal.id);
        }),
      );
      ws.on('error', guarded(deps.logger, 'agent socket error handling failed', () => ws.terminate()));
      ws.on('message', guarded(deps.logger, 'agent socket frame failed', (data: RawData) => onFrame(ws, principal, data.toString())));
    });
  };

  async function onFrame(ws: WebSocket, principal: Principal, raw: string): Promise<void> {
    let frame;
    try {
      frame = clientFrame.safeParse(JSON.parse(raw));
    } catch {
      frame = null;
    }
    if (!frame?.success) {
      if (ws.readyState === ws.OPEN) {
        ws.send(JSON.stringify({ type: 'error', error: { code: 'invalid_request', message: 'Send {type:"typing", sessionId, typing}' } }));
      }
      return;
    }
    try {
      const agent = { id: principal.id, name: principal.name, canOverride: principal.role === 'admin' };
      await deps.service.agentTyping(frame.data.sessionId, agent, frame.data.typing);
    } catch (err) {
      const code = err instanceof ChatError ? err.code : 'internal';
      const message = err instanceof ChatError ? err.message : 'Something went wrong on the server';
      if (!(err instanceof ChatError)) deps.logger.error({ err }, 'agent socket frame failed');
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'error', error: { code, message } }));
    }
  }
}
