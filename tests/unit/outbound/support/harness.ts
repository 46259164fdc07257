import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildConnector } from 'undici';
import { createLogger } from '../../../../api/src/logger';
import { createOutboundClient, type Connector, type OutboundClient, type Resolver } from '../../../../api/src/outbound';

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/**
 * A connector that opens sockets to loopback only and throws for anything else, recording the
 * attempt: even with a broken guard, a test can never reach a real network.
 */
export function loopbackOnlyConnector(): { connect: Connector; forbidden: string[] } {
  const real = buildConnector({});
  const forbidden: string[] = [];
  const connect: Connector = (target, callback) => {
    if (!LOOPBACK.has(target.hostname)) {
      forbidden.push(target.hostname);
      throw new Error(`test harness: refused to connect to ${target.hostname}`);
    }
    real(target, callback);
  };
  return { connect, forbidden };
}

/** DNS from a fixed map; unknown names fail as NXDOMAIN would. */
export function fakeResolver(map: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const found = map[hostname.toLowerCase()];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(resolve, { asked });
}

/** Every line the logger wrote, as text. */
export function capturedLogger(level = 'debug') {
  const lines: string[] = [];
  const logger = createLogger(
    level,
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  return { logger, lines };
}

export interface Harness {
  client: OutboundClient;
  forbidden: string[];
  resolver: ReturnType<typeof fakeResolver>;
  lines: string[];
}

export function makeClient(allowlist: string[], dns: Record<string, string[]> = {}): Harness {
  const { connect, forbidden } = loopbackOnlyConnector();
  const resolver = fakeResolver(dns);
  const { logger, lines } = capturedLogger();
  const client = createOutboundClient({ resolver, allowlist, logger, connect });
  return { client, forbidden, resolver, lines };
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** An HTTP server on 127.0.0.1 with a route table; `base` is its URL. */
export async function loopbackServer(routes: Record<string, Handler>) {
  const received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const handler = routes[req.url!.split('?')[0]!];
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (res: http.ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
};
