/**
 * Live delivery between customers and agents: how long a message takes from the moment one
 * side sends it until the other side's socket has it, with 200 conversations handed to 10
 * agents (20 each) and both sides talking at once. Same-run baseline: a bare `ws` echo round
 * trip under the same sockets and message rate, alternated with the chat in rounds.
 *
 * The server runs as in production (SQLite WAL, logging at info to a file); only the chat rate
 * limits are lifted, through the chat module's options, since one load client speaks for 200
 * customers from one address. Customers send the way the widget does (HTTP POST) on even
 * conversations and over their socket on odd ones; agents send as the inbox does (HTTP POST).
 * Sends follow a fixed schedule (open loop), so a slow delivery never delays the next send
 * and cannot hide itself.
 *
 * With `BENCH_INSTANCES=2` the same load runs across two instances as deployed for scale-out (one
 * PostgreSQL database, one Redis): customers on instance A, agents on instance B, so every
 * message crosses Redis pub/sub. Needs the machine's PostgreSQL and Redis (see tests/support).
 *
 * Run with `npm run bench -- delivery` or `npx tsx tests/bench/delivery.bench.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import WebSocket, { WebSocketServer } from 'ws';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { scryptHasher } from '../../api/src/auth/password';
import { startServer } from '../../api/src/server';
import { handoffFlowDocument } from './support/handoffFlow';
import { DeliveryTracker } from './support/deliveryTracker';
import { closeConnections, postJson } from './support/postJson';
import { createTestDatabase, TEST_SECRET_KEY, type TestDatabase } from '../support/postgres';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200);
const AGENTS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = 4;
const ROUND_SECONDS = SECONDS / ROUNDS;
/** Each side of each conversation sends one message per interval (customer, then agent half an interval later). */
const INTERVAL_MS = Number(process.env.BENCH_DELIVERY_INTERVAL_MS ?? 5000);
/** A message not delivered within this is counted as lost. */
const DEADLINE_MS = 5000;
const TARGET_P99_MS = 100;
const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
const QUEUE = 'bench';
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
/** `BENCH_SHARED=1` puts one instance on PostgreSQL and Redis too, to compare with two on the same setup. */
const SHARED = INSTANCES === 2 || process.env.BENCH_SHARED === '1';

interface Auth {
  cookie: string;
  csrf: string;
}

interface Conversation {
  index: number;
  sessionId: string;
  token: string;
  customer: WebSocket;
  agent: Auth;
  via: 'http' | 'socket';
}

async function main(): Promise<void> {
  // Shorter rounds than the interval would leave the agents' half-interval sends out entirely.
  if (ROUND_SECONDS * 1000 < INTERVAL_MS) throw new Error(`BENCH_SECONDS / ${ROUNDS} must be at least the interval (${INTERVAL_MS} ms)`);
  if (INSTANCES !== 1 && INSTANCES !== 2) throw new Error('BENCH_INSTANCES must be 1 or 2');
  const database: TestDatabase | null = SHARED ? await createTestDatabase() : null;
  const shared: Record<string, string> = database
    ? { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix('sbbench') }
    : {};
  const dataDirs: string[] = [];
  async function startInstance() {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-bench-delivery-'));
    dataDirs.push(dataDir);
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
        SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
        ...shared,
      },
      dataDir,
    );
    return startServer(config, {
      logger: createLogger('info', pino.destination({ dest: path.join(dataDir, 'server.log'), sync: true })),
      // Cheap hashing: sign-in cost is not what this measures.
      passwords: scryptHasher({ N: 1024, r: 8, p: 1 }),
      print: () => {},
      editorDist: null,
      chat: { limits: { sessionsPerIpPerMinute: 1e9, messagesPerSessionPerMinute: 1e9 } },
    });
  }
  const instances = [await startInstance()];
  if (INSTANCES === 2) instances.push(await startInstance());
  // Customers use the first instance, agents the last: with two, every message crosses Redis.
  const base = `http://127.0.0.1:${instances[0]!.port}`;
  const wsBase = base.replace('http', 'ws');
  const agentBase = `http://127.0.0.1:${instances.at(-1)!.port}`;
  const agentWsBase = agentBase.replace('http', 'ws');
  const echoServer = http.createServer();
  const echoWss = new WebSocketServer({ server: echoServer, perMessageDeflate: false });
  echoWss.on('connection', (ws) => ws.on('message', (data) => ws.send(data.toString())));
  await new Promise<void>((resolve) => echoServer.listen(0, '127.0.0.1', resolve));
  const echoUrl = `ws://127.0.0.1:${(echoServer.address() as AddressInfo).port}`;
  const sockets: WebSocket[] = [];

  async function call<T>(auth: Auth | null, method: string, url: string, body?: unknown, expected = [200, 201], on = base): Promise<T> {
    const res = await fetch(`${on}${url}`, {
      method,
      headers: {
        ...(auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as T;
    if (!expected.includes(res.status)) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async function login(email: string, password: string): Promise<Auth> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: csrfToken };
  }

  function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, headers });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
      sockets.push(ws);
    });
  }

  // How late this process's event loop ran during each kind of round: when it is about the
  // chat's tail latency, the tail is this (shared) machine's scheduling, not queueing in the server.
  const chatLag = monitorEventLoopDelay({ resolution: 10 });
  const echoLag = monitorEventLoopDelay({ resolution: 10 });
  const tracker = new DeliveryTracker(['customer→agent (HTTP)', 'customer→agent (socket)', 'agent→customer'] as const);
  const echo = new DeliveryTracker(['ws echo'] as const);
  try {
    // Setup: a flow that hands off at once, 10 agents online with their inbox sockets open.
    const admin = await login(ADMIN.email, ADMIN.password);
    const flow = handoffFlowDocument('bench-delivery', QUEUE);
    await call(admin, 'POST', '/api/flows', { document: flow });
    await call(admin, 'POST', `/api/flows/${flow.id}/publish`, { note: 'delivery bench' });
    const agents: Auth[] = [];
    for (let a = 0; a < AGENTS; a++) {
      const email = `agent${a}@example.com`;
      await call(admin, 'POST', '/api/users', { email, name: `Agent ${a}`, role: 'agent', password: `agent-${a}-password` });
      const auth = await login(email, `agent-${a}-password`);
      const socket = await open(`${agentWsBase}/api/inbox/ws`, { cookie: auth.cookie });
      socket.on('message', (data) => {
        const event = JSON.parse(data.toString()) as { type: string; message?: { from: string; text?: string } };
        if (event.type === 'message' && event.message?.from === 'customer' && event.message.text) tracker.received(event.message.text);
      });
      await call(auth, 'PUT', '/api/inbox/availability', { status: 'online' }, [200], agentBase);
      agents.push(auth);
    }

    // 200 customers reach the handoff; each agent claims 20 of them.
    const conversations: Conversation[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const started = await call<{ sessionId: string; sessionToken: string; status: string }>(null, 'POST', `/api/chat/${flow.id}/sessions`);
      if (started.status !== 'handedOff') throw new Error(`conversation ${i} did not reach an agent: ${started.status}`);
      const customer = await open(`${wsBase}/api/chat/sessions/${started.sessionId}/ws?token=${encodeURIComponent(started.sessionToken)}`);
      customer.on('message', (data) => {
        const event = JSON.parse(data.toString()) as { type: string; message?: { from: string; text?: string } };
        if (event.type === 'message' && event.message?.from === 'agent' && event.message.text) tracker.received(event.message.text);
        // An error frame answers a socket send; that message then never arrives and counts as lost.
        else if (event.type === 'error') process.stderr.write(`customer socket error: ${data.toString()}\n`);
      });
      const agent = agents[i % AGENTS]!;
      await call(agent, 'POST', `/api/inbox/${started.sessionId}/claim`, undefined, [200], agentBase);
      conversations.push({ index: i, sessionId: started.sessionId, token: started.sessionToken, customer, agent, via: i % 2 === 0 ? 'http' : 'socket' });
    }

    const echoSockets: WebSocket[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const ws = await open(echoUrl);
      ws.on('message', (data) => echo.received(data.toString()));
      echoSockets.push(ws);
    }

    let seq = 0;
    const customerSends = (c: Conversation) => {
      const text = `c:${c.index}:${seq++}`;
      if (c.via === 'socket') {
        tracker.sent(text, 'customer→agent (socket)');
        c.customer.send(JSON.stringify({ type: 'message', text }));
        return;
      }
      tracker.sent(text, 'customer→agent (HTTP)');
      postJson(`${base}/api/chat/sessions/${c.sessionId}/messages`, { text }, { authorization: `Bearer ${c.token}` }).then(
        (status) => (status === 200 ? undefined : tracker.failed(text)),
        () => tracker.failed(text),
      );
    };
    const agentSends = (c: Conversation) => {
      const text = `a:${c.index}:${seq++}`;
      tracker.sent(text, 'agent→customer');
      postJson(`${agentBase}/api/inbox/${c.sessionId}/messages`, { text }, { cookie: c.agent.cookie, 'x-csrf-token': c.agent.csrf }).then(
        (status) => (status === 201 ? undefined : tracker.failed(text)),
        () => tracker.failed(text),
      );
    };
    const chatRound = (seconds: number, record: boolean) =>
      schedule(seconds, conversations, (c, half) => (half ? agentSends(c) : customerSends(c)), tracker, record, record ? chatLag : null);
    const echoRound = (seconds: number, record: boolean) =>
      schedule(
        seconds,
        echoSockets.map((ws, index) => ({ ws, index })),
        ({ ws, index }) => {
          const text = `e:${index}:${seq++}`;
          echo.sent(text, 'ws echo');
          ws.send(text);
        },
        echo,
        record,
        record ? echoLag : null,
      );

    await chatRound(1, false);
    await echoRound(1, false);
    for (let r = 0; r < ROUNDS; r++) {
      await chatRound(ROUND_SECONDS, true);
      await echoRound(ROUND_SECONDS, true);
    }
  } finally {
    for (const ws of sockets) ws.terminate();
    closeConnections();
    echoWss.close();
    echoServer.close();
    for (const running of instances) await running.close();
    for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }

  const baseline = echo.figure('ws echo');
  const rows = tracker.kinds.map((kind) => ({ kind, ...tracker.figure(kind) }));
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const header = ['direction', 'messages', 'msg/s', 'p50 ms', 'p99 ms', 'max ms', 'lost', 'echo p50', 'echo p99', 'p99 ratio', 'target'];
  const table = rows.map((r) => [
    r.kind,
    String(r.delivered),
    f(r.delivered / SECONDS, 0),
    f(r.p50, 2),
    f(r.p99, 2),
    f(r.max, 1),
    String(r.lost + r.failed),
    f(baseline.p50, 2),
    f(baseline.p99, 2),
    `${f(r.p99 / baseline.p99, 1)}×`,
    !Number.isFinite(r.p99) ? '-' : r.p99 < TARGET_P99_MS ? `ok p99<${TARGET_P99_MS}` : `above ${TARGET_P99_MS}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(
    `Live delivery${INSTANCES === 2 ? ' across two instances (PostgreSQL + Redis; customers on A, agents on B)' : SHARED ? ' on one instance with PostgreSQL + Redis' : ''}, ${CONVERSATIONS} conversations handed to ${AGENTS} agents, each side sending every ${INTERVAL_MS} ms, ` +
      `${SECONDS}s in ${ROUNDS} rounds alternating with the baseline (bare ws echo round trip, same sockets and rate: ` +
      `${baseline.delivered} echoes, p50 ${f(baseline.p50, 2)} ms, p99 ${f(baseline.p99, 2)} ms)\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);
  const ms = (h: IntervalHistogram, p: number) => f(h.percentile(p) / 1e6, 1);
  process.stdout.write(
    // No max: the first sample after enable() spans the pause since the last round.
    `Event-loop delay of the bench process (server + clients): chat rounds p50 ${ms(chatLag, 50)} / p99 ${ms(chatLag, 99)} ms; ` +
      `echo rounds p50 ${ms(echoLag, 50)} / p99 ${ms(echoLag, 99)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
  );

  const resultsDir = path.join(import.meta.dirname, '.results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, INSTANCES === 2 ? 'delivery-two-instances.json' : SHARED ? 'delivery-shared.json' : 'delivery.json'),
    JSON.stringify({ at: new Date().toISOString(), instances: INSTANCES, shared: SHARED, conversations: CONVERSATIONS, agents: AGENTS, seconds: SECONDS, intervalMs: INTERVAL_MS, rows, baseline, eventLoopP99Ms: { chat: chatLag.percentile(99) / 1e6, echo: echoLag.percentile(99) / 1e6 }, loadAverage: loadavg() }, null, 2),
  );
  if (rows.some((r) => r.lost + r.failed > 0) || baseline.lost > 0) {
    process.stderr.write('Some messages failed or never arrived; the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

/**
 * Every participant sends once per interval (and, with two halves, again half an interval
 * later), their phases spread evenly so the load is smooth. Then waits for what is in flight.
 */
async function schedule<P>(
  seconds: number,
  participants: P[],
  send: (p: P, half: boolean) => void,
  tracker: DeliveryTracker<string>,
  record: boolean,
  lag: IntervalHistogram | null,
): Promise<void> {
  tracker.recording = record;
  lag?.enable();
  const timers: ReturnType<typeof setTimeout>[] = [];
  const until = performance.now() + seconds * 1000;
  participants.forEach((p, i) => {
    const phase = (i / participants.length) * INTERVAL_MS;
    for (const half of [false, true]) {
      const tick = () => {
        if (performance.now() >= until) return;
        send(p, half);
        timers.push(setTimeout(tick, INTERVAL_MS));
      };
      timers.push(setTimeout(tick, phase + (half ? INTERVAL_MS / 2 : 0)));
    }
  });
  await sleep(seconds * 1000);
  for (const t of timers) clearTimeout(t);
  await tracker.drain(DEADLINE_MS);
  lag?.disable();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
