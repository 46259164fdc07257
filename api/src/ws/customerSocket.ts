import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { ChatError } from '../../../runtime/src/chat/chatError';
import type { ChatHttpDeps } from '../chat/chatHttpDeps';
import { customerInputSchema } from '../chat/customerInput';
import { isOwnOrigin, originAllowed } from '../chat/originPolicy';
import { guarded } from './guarded';
import type { Heartbeat } from './heartbeat';
import { refuseUpgrade } from './upgradeRefusal';
import { turnFrameSender } from './turnFrames';

export const CUSTOMER_SOCKET_PATH = /^\/api\/chat\/sessions\/([^/]+)\/ws$/;

const clientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), text: z.string().optional(), optionId: z.string().optional() }),
  z.object({ type: z.literal('typing'), typing: z.boolean() }),
]);

function send(ws: WebSocket, frame: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

function errorFrame(code: string, message: string) {
  return { type: 'error', error: { code, message } };
}

/**
 * The customer's live channel: the same conversation as the HTTP API, pushed. The token and
 * the page's origin are checked before the upgrade, so a refused client never gets a socket.
 */
export function customerSocketHandler(deps: ChatHttpDeps, wss: WebSocketServer, heartbeat: Heartbeat) {
  return async (req: IncomingMessage, socket: Duplex, head: Buffer, sessionId: string, url: URL): Promise<void> => {
    const token = url.searchParams.get('token') ?? '';
    try {
      const record = await deps.service.authenticate(sessionId, token);
      const origin = req.headers.origin;
      if (origin !== undefined && !isOwnOrigin(origin, req.headers.host, deps.publicUrl)) {
        const allowed = (await deps.service.allowedOriginsForSession(sessionId)) ?? [];
        if (!originAllowed(origin, allowed)) {
          refuseUpgrade(socket, 403, 'origin_not_allowed', `This chat may not be embedded on ${origin}`);
          return;
        }
      }
      const state = await deps.service.currentState(record);
      wss.handleUpgrade(req, socket, head, (ws) => {
        heartbeat.watch(ws);
        // `frames=turn` opts in to one frame per turn; without it every event is its own frame.
        const deliver = guarded(deps.logger, 'customer socket send failed', (frame: unknown) => send(ws, frame));
        const onEvent = url.searchParams.get('frames') === 'turn' ? turnFrameSender(deliver) : deliver;
        const unsubscribe = deps.events.subscribeCustomer(sessionId, onEvent);
        ws.on('close', guarded(deps.logger, 'customer socket close failed', unsubscribe));
        ws.on('error', guarded(deps.logger, 'customer socket error handling failed', () => ws.terminate()));
        deliver({ type: 'status', ...state });
        ws.on(
          'message',
          guarded(deps.logger, 'customer socket frame failed', (data: RawData) => onFrame(ws, sessionId, data.toString())),
        );
      });
    } catch (err) {
      if (err instanceof ChatError) {
        const status = err.code === 'invalid_token' ? 401 : 404;
        refuseUpgrade(socket, status, err.code, err.message);
        return;
      }
      deps.logger.error({ err }, 'customer socket upgrade failed');
      refuseUpgrade(socket, 500, 'internal', 'Something went wrong on the server');
    }
  };

  async function onFrame(ws: WebSocket, sessionId: string, raw: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      send(ws, errorFrame('invalid_json', 'A frame must be JSON'));
      return;
    }
    const frame = clientFrame.safeParse(json);
    if (!frame.success) {
      send(ws, errorFrame('invalid_request', 'Send {type:"message", text|optionId} or {type:"typing", typing}'));
      return;
    }
    try {
      if (frame.data.type === 'typing') {
        await deps.service.customerTyping(sessionId, frame.data.typing);
        return;
      }
      const { type: _type, ...body } = frame.data;
      const input = customerInputSchema.safeParse(body);
      if (!input.success) {
        send(ws, errorFrame('invalid_request', input.error.issues[0]?.message ?? 'Invalid message'));
        return;
      }
      if (!(await deps.messageLimit.allow(sessionId))) {
        send(ws, errorFrame('rate_limited', 'Too many messages; wait a moment and try again'));
        return;
      }
      // Replies arrive through the subscription, like those of an HTTP turn or an agent.
      await deps.service.sendFromSocket(sessionId, input.data);
    } catch (err) {
      if (err instanceof ChatError) {
        send(ws, errorFrame(err.code, err.message));
        return;
      }
      deps.logger.error({ err }, 'customer socket frame failed');
      send(ws, errorFrame('internal', 'Something went wrong on the server'));
    }
  }
}
