import type { WebSocket } from 'ws';

/**
 * How many slices the interval is cut into. Pinging every socket in one timer callback stalls
 * the event loop for all of them at once (a write per socket: 3,000 sockets held it ~130 ms on
 * the development machine, so 15,000 would hold every chat turn back ~0.7 s each interval); a
 * slice pings its share every interval / SLICES instead.
 */
const SLICES = 30;
/** Short test intervals get fewer slices, so a slice's timer never fires more than every 10 ms. */
const MIN_SLICE_MS = 10;

export interface Heartbeat {
  /** Pings `ws` every interval from now on, until it closes; it counts as alive until its first ping goes unanswered. */
  watch(ws: WebSocket): void;
  stop(): void;
}

/**
 * Pings every watched socket each interval and drops those that did not answer the previous
 * ping, so a phone that lost its network does not keep a subscription (and agent presence)
 * forever. Each socket sits in one slice for its whole life, so it is pinged exactly once per
 * interval and a dead one is dropped within two intervals of its last answer.
 */
export function startHeartbeat(intervalMs: number): Heartbeat {
  const count = Math.max(1, Math.min(SLICES, Math.floor(intervalMs / MIN_SLICE_MS)));
  const slices = Array.from({ length: count }, () => new Set<WebSocket>());
  const alive = new WeakSet<WebSocket>();
  let next = 0;
  const timer = setInterval(() => {
    const slice = slices[next]!;
    next = (next + 1) % count;
    for (const ws of slice) {
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
  }, intervalMs / count);
  timer.unref();
  return {
    watch(ws) {
      // The emptiest slice, so slices stay even however sockets come and go.
      let slice = slices[0]!;
      for (const s of slices) if (s.size < slice.size) slice = s;
      slice.add(ws);
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.once('close', () => slice.delete(ws));
    },
    stop() {
      clearInterval(timer);
    },
  };
}
