import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../../api/src/config';
import { scryptHasher } from '../../../api/src/auth/password';
import { createLogger } from '../../../api/src/logger';
import { startServer, type RunningServer } from '../../../api/src/server';
import { LiveChannel, type LiveEvent } from '../../../editor/src/widget/liveChannel';
import type { ChatMessage, ChatView } from '../../../editor/src/widget/types';
import { openInboxChannel } from '../../../editor/src/inbox/live/inboxChannel';
import { createTestDatabase, runPostgresTests, TEST_SECRET_KEY, type TestDatabase } from '../../support/postgres';
import { runRedisTests, TEST_REDIS_URL, uniqueRedisPrefix } from '../../support/redis';
import { chatFlowDocument } from '../../unit/chat/support/chatFlow';

const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery-staple' };

/** A load balancer stand-in: new connections go to whichever instance `target` names. */
function switchingProxy() {
  let target = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    // The instance ending a connection ends the client's too, as a proxy does.
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  return {
    server,
    setTarget: (port: number) => void (target = port),
    close: () => {
      for (const s of open) s.destroy();
      server.close();
    },
  };
}

// The widget's and the inbox's own reconnect code (editor/src), against two real instances behind
// a proxy: when the instance holding their sockets shuts down, they reconnect to the other one
// and miss nothing said in between.
describe.runIf(runPostgresTests && runRedisTests)('widget and inbox when their instance shuts down', () => {
  let database: TestDatabase;
  const instances: RunningServer[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const i of instances) await i.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await database?.drop();
  });

  async function start(prefix: string): Promise<RunningServer> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-failover-'));
    dirs.push(dataDir);
    const config = loadConfig({
      DATABASE_URL: database.url,
      SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
      SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
    });
    const running = await startServer(config, {
      logger: createLogger('silent'),
      passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
      print: () => {},
      editorDist: null,
      chat: { retention: { enabled: false } },
    });
    instances.push(running);
    return running;
  }

  it('reconnects to the other instance after 1012 and fetches the reply sent meanwhile by message id', async () => {
    database = await createTestDatabase();
    const prefix = uniqueRedisPrefix();
    const a = await start(prefix);
    const b = await start(prefix);
    const proxy = switchingProxy();
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const front = `127.0.0.1:${(proxy.server.address() as net.AddressInfo).port}`;
    proxy.setTarget(a.port);
    const viaB = `http://127.0.0.1:${b.port}`;
    try {
      await a.deps.stores.flows.create(chatFlowDocument(), null);
      await a.deps.stores.flows.publish('flow-chat', { note: 'test', by: null });
      const login = await fetch(`${viaB}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const asAgent = (method: string, p: string, body?: object) =>
        fetch(`${viaB}${p}`, { method, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      expect((await asAgent('PUT', '/api/inbox/availability', { status: 'online' })).status).toBe(200);

      // The inbox, through the proxy (instance A for now).
      const inboxStates: [string, boolean][] = [];
      const inbox = openInboxChannel(`ws://${front}/api/inbox/ws`, (u) => new WebSocket(u, { headers: { cookie } }) as unknown as globalThis.WebSocket);
      inbox.onState((state, reconnected) => inboxStates.push([state, reconnected]));

      // The customer's widget, through the proxy too.
      const started = (await (await fetch(`http://${front}/api/chat/flow-chat/sessions`, { method: 'POST' })).json()) as { sessionId: string; sessionToken: string };
      const received = new Map<number, ChatMessage>();
      let lastId = 0;
      const hold = (m: ChatMessage) => {
        received.set(m.id, m);
        lastId = Math.max(lastId, m.id);
      };
      const widget = new LiveChannel({
        socketUrl: `ws://${front}/api/chat/sessions/${started.sessionId}/ws?token=${encodeURIComponent(started.sessionToken)}`,
        poll: async () => {
          const res = await fetch(`http://${front}/api/chat/sessions/${started.sessionId}/messages?after=${lastId}`, {
            headers: { authorization: `Bearer ${started.sessionToken}` },
          });
          return (await res.json()) as ChatView;
        },
        onEvent: (e: LiveEvent) => (e.type === 'message' ? hold(e.message) : undefined),
        onView: (v) => v.messages.forEach(hold),
        onState: () => undefined,
        onFatal: (err) => {
          throw err;
        },
        WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
        random: () => 0,
      });
      widget.start();
      const until = async (check: () => boolean, what: string) => {
        const end = Date.now() + 8_000;
        while (!check()) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await until(() => widget.connectedBySocket && inboxStates.some(([s]) => s === 'open'), 'both sockets open on A');

      const handoff = await fetch(`http://${front}/api/chat/sessions/${started.sessionId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${started.sessionToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ optionId: 'human' }),
      });
      expect(handoff.status).toBe(200);
      expect((await asAgent('POST', `/api/inbox/${started.sessionId}/claim`)).status).toBe(200);
      expect((await asAgent('POST', `/api/inbox/${started.sessionId}/messages`, { text: 'First, live across instances' })).status).toBe(201);
      await until(() => [...received.values()].some((m) => m.text === 'First, live across instances'), 'the first reply on A');

      // The load balancer sends new connections to B; A shuts down (1012) while the agent keeps writing.
      proxy.setTarget(b.port);
      const stopping = a.close();
      expect((await asAgent('POST', `/api/inbox/${started.sessionId}/messages`, { text: 'Second, while A stops' })).status).toBe(201);
      await stopping;
      instances.splice(instances.indexOf(a), 1);
      expect((await asAgent('POST', `/api/inbox/${started.sessionId}/messages`, { text: 'Third, after the switch' })).status).toBe(201);

      await until(() => ['Second, while A stops', 'Third, after the switch'].every((t) => [...received.values()].some((m) => m.text === t)), 'the replies sent during the switch');
      await until(() => widget.connectedBySocket, 'the widget socket on B');
      await until(() => inboxStates.some(([s, again]) => s === 'open' && again), 'the inbox reconnected');
      // Every message id from 1 to the last, none skipped.
      const ids = [...received.keys()].sort((x, y) => x - y);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));

      // Live again, now through B.
      expect((await asAgent('POST', `/api/inbox/${started.sessionId}/messages`, { text: 'Fourth, live on B' })).status).toBe(201);
      await until(() => [...received.values()].some((m) => m.text === 'Fourth, live on B'), 'a live reply on B');
      widget.stop();
      inbox.close();
    } finally {
      proxy.close();
    }
  }, 60_000);
});
