import WebSocket from 'ws';

/** A socket that records every frame and lets a test wait for the one it expects. */
export interface RecordingSocket {
  ws: WebSocket;
  frames: unknown[];
  waitFor<T = Record<string, unknown>>(predicate: (frame: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<T>;
  send(frame: unknown): void;
  close(): void;
}

export function openSocket(url: string, headers: Record<string, string> = {}): Promise<RecordingSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const frames: unknown[] = [];
    const waiters: { predicate: (f: Record<string, unknown>) => boolean; resolve: (f: unknown) => void }[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      frames.push(frame);
      for (const w of [...waiters]) {
        if (w.predicate(frame)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    });
    ws.once('open', () =>
      resolve({
        ws,
        frames,
        waitFor(predicate, timeoutMs = 3000) {
          const seen = frames.find((f) => predicate(f as Record<string, unknown>));
          if (seen) return Promise.resolve(seen as never);
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`No matching frame; got ${JSON.stringify(frames)}`)), timeoutMs);
            waiters.push({ predicate, resolve: (f) => (clearTimeout(timer), res(f as never)) });
          });
        },
        send: (frame) => ws.send(JSON.stringify(frame)),
        close: () => ws.close(),
      }),
    );
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
}

export function wsUrl(httpUrl: string, path: string): string {
  return httpUrl.replace(/^http/, 'ws') + path;
}
