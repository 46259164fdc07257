import WebSocket from 'ws';
import { percentile, type Figure } from './figure';

export interface OpenSockets {
  sockets: WebSocket[];
  close(): void;
}

/** With `greeting`, each socket counts as open once its first frame (the server's hello) is in. */
export async function openSockets(urls: string[], options: { greeting?: boolean } = {}): Promise<OpenSockets> {
  const sockets = await Promise.all(
    urls.map(
      (url) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          if (options.greeting) ws.once('message', () => resolve(ws));
          else ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        }),
    ),
  );
  return { sockets, close: () => sockets.forEach((ws) => ws.close()) };
}

/**
 * Closed loop per socket: send a frame, wait until `done(frame)` says the reply is complete,
 * record the round trip, send the next. Frames that arrive while nothing is outstanding (the
 * greeting's status, a previous loop's stragglers) are ignored instead of being timed against
 * a send that never happened.
 */
export async function wsLoad(open: OpenSockets, seconds: number, frame: string, done: (data: string) => boolean): Promise<Figure> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    open.sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          let sentAt: number | null = null;
          const send = () => {
            if (performance.now() >= until) {
              ws.off('message', onMessage);
              resolve();
              return;
            }
            sentAt = performance.now();
            ws.send(frame);
          };
          const onMessage = (data: WebSocket.RawData) => {
            if (sentAt === null) return;
            const text = data.toString();
            if (text.includes('"type":"error"')) errors++;
            if (!done(text)) return;
            latencies.push(performance.now() - sentAt);
            sentAt = null;
            send();
          };
          ws.on('message', onMessage);
          send();
        }),
    ),
  );
  latencies.sort((a, b) => a - b);
  return {
    turnsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    completed: latencies.length,
    cpuMicros: NaN,
  };
}
