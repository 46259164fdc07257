import type { WebSocket, WebSocketServer } from 'ws';

const alive = new WeakSet<WebSocket>();

export function markAlive(ws: WebSocket): void {
  alive.add(ws);
  ws.on('pong', () => alive.add(ws));
}

/**
 * Pings every client each interval and drops those that did not answer the previous ping, so
 * a phone that lost its network does not keep a subscription (and agent presence) forever.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      // One socket that fails to ping (closing under us) must not skip the rest or throw out of the timer.
      try {
        if (!alive.has(ws)) {
          ws.terminate();
          continue;
        }
        alive.delete(ws);
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
