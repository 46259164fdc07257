/**
 * One process of the capacity bench (capacity.bench.ts spawns it): either a Switchboard instance
 * configured from the environment exactly as `npm start` is (DATA_DIR, or DATABASE_URL +
 * REDIS_URL), or, with `BENCH_ROLE=echo`, a bare `ws` echo server for the same-run baseline.
 *
 * The only departure from production: new chats per IP are not rate-limited, since the load
 * client opens thousands of conversations from one address. Messages keep their production limit
 * (the client stays far below it). The log goes at info to a file, as an operator's would.
 *
 * It talks to the bench over stdio (support/stdioControl.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { WebSocketServer } from 'ws';
import { loadConfig } from '../../../../api/src/config';
import { createLogger } from '../../../../api/src/logger';
import { startServer } from '../../../../api/src/server';
import { chatFlowDocument } from '../../../unit/chat/support/chatFlow';
import { runControlled, type Running } from '../stdioControl';

export const BENCH_FLOW_ID = 'bench-capacity';

async function startEcho(): Promise<Running> {
  // Answers a proxy's health check (`GET /readyz`), as an instance does.
  const server = http.createServer((req, res) => res.writeHead(req.url === '/readyz' ? 200 : 404).end());
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws) => {
    ws.on('error', () => {});
    ws.on('message', (data) => ws.send(data.toString()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function startChat(): Promise<Running> {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  const running = await startServer(config, {
    logger: createLogger('info', pino.destination({ dest: process.env.BENCH_LOG_FILE ?? path.join(config.dataDir, 'server.log'), sync: true })),
    print: () => {},
    editorDist: null,
    chat: { limits: { sessionsPerIpPerMinute: 1e9, messagesPerSessionPerMinute: 60 } },
  });
  // With a shared database only the first instance publishes; the others find it there.
  if (process.env.BENCH_PUBLISH === '1') {
    const flow = chatFlowDocument({ id: BENCH_FLOW_ID });
    await running.deps.stores.flows.create(flow, null);
    await running.deps.stores.flows.publish(flow.id, { note: 'capacity bench', by: null });
  }
  return { port: running.port, close: () => running.close() };
}

runControlled(() => (process.env.BENCH_ROLE === 'echo' ? startEcho() : startChat()));
