/**
 * Live delivery between customers and agents: how long a message takes from the moment one
 * side sends it until the other side's socket has it, with 200 conversations handed to 10
 * agents (20 each) and both sides talking at once. Same-run baseline: a bare `ws` echo round
 * trip under the same sockets and message rate, alternated with the chat in rounds.
 *
 * Every server runs in a process of its own (support/delivery/server.ts; the echo server is
 * support/capacity/server.ts), as in production (logging at info to a file); this process holds
 * only the clients. Only the chat rate limits are lifted, since one load client speaks for 200
 * customers from one address. Customers send the way the widget does (HTTP POST) on even
 * conversations and over their socket on odd ones; agents send as the inbox does (HTTP POST).
 * Sends follow a fixed schedule (open loop), so a slow delivery never delays the next send
 * and cannot hide itself.
 *
 * Deployments:
 * - default: one instance on DATA_DIR (SQLite WAL);
 * - `BENCH_SHARED=1`: one instance on PostgreSQL + Redis;
 * - `BENCH_INSTANCES=2`: that one instance AND two instances on another PostgreSQL database and
 *   Redis prefix, customers on instance A and agents on instance B (every message crosses Redis
 *   pub/sub). Both deployments are up at once and their rounds alternate with each other and
 *   with the echo, so a shared machine's changing load falls on both alike; the two are then
 *   compared direction by direction (p50/p99 and the two-instance / one-instance ratio).
 * Needs the machine's PostgreSQL and Redis for the last two (see tests/support).
 *
 * Run with `npm run bench -- delivery` or `npx tsx tests/bench/delivery.bench.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { JsonLineChild } from './support/capacity/child';
import { handoffFlowDocument } from './support/handoffFlow';
import { DeliveryTracker, type DeliveryFigure } from './support/deliveryTracker';
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
/** `BENCH_SHARED=1` puts one instance on PostgreSQL and Redis, as `BENCH_INSTANCES=2` does for its comparison. */
const SHARED = INSTANCES === 2 || process.env.BENCH_SHARED === '1';
const SERVER = path.join(import.meta.dirname, 'support/delivery/server.ts');
const ECHO = path.join(import.meta.dirname, 'support/capacity/server.ts');
const DIRECTIONS = ['customer→agent (HTTP)', 'customer→agent (socket)', 'agent→customer'] as const;
type Direction = (typeof DIRECTIONS)[number];

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

interface Spec {
  label: string;
  instances: 1 | 2;
  shared: boolean;
}

/** One deployment under test: its server processes, where customers and agents connect, what was measured on it. */
interface Deployment extends Spec {
  servers: JsonLineChild[];
  /** Customers (and the admin) use the first instance, agents the last: with two, every message crosses Redis. */
  customerBase: string;
  agentBase: string;
  tracker: DeliveryTracker<Direction>;
  /** This process's event-loop delay during this deployment's rounds: the clients'. */
  clientLag: IntervalHistogram;
  /** Server CPU (all its instances) spent during its recorded rounds, µs. */
  cpuMicros: number;
  close(): Promise<void>;
}

interface Result {
  label: string;
  rows: ({ kind: Direction } & DeliveryFigure)[];
  serverLag: { p50: number; p99: number }[];
  clientLagP99: number;
  cpuPerMessage: number;
}

const SPECS: Spec[] =
  INSTANCES === 2
    ? [
        { label: 'one instance, PostgreSQL + Redis', instances: 1, shared: true },
        { label: 'two instances, PostgreSQL + Redis', instances: 2, shared: true },
      ]
    : [{ label: SHARED ? 'one instance, PostgreSQL + Redis' : 'one instance, embedded store', instances: 1, shared: SHARED }];

const sockets: WebSocket[] = [];

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    sockets.push(ws);
  });
}

async function call<T>(on: string, auth: Auth | null, method: string, url: string, body?: unknown, expected = [200, 201]): Promise<T> {
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

async function login(on: string, email: string, password: string): Promise<Auth> {
  const res = await fetch(`${on}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: csrfToken };
}

async function startServerProcess(env: Record<string, string>): Promise<{ child: JsonLineChild; base: string }> {
  const child = new JsonLineChild(SERVER, env);
  const ready = await child.next();
  return { child, base: `http://127.0.0.1:${String(ready.port)}` };
}

async function startDeployment(spec: Spec): Promise<Deployment> {
  const database: TestDatabase | null = spec.shared ? await createTestDatabase() : null;
  const shared: Record<string, string> = database
    ? { DATABASE_URL: database.url, SWITCHBOARD_SECRET_KEY: TEST_SECRET_KEY, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix('sbbench') }
    : {};
  const dataDirs: string[] = [];
  const started: { child: JsonLineChild; base: string }[] = [];
  const close = async () => {
    for (const s of started) await s.child.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  };
  try {
    for (let i = 0; i < spec.instances; i++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-bench-delivery-'));
      dataDirs.push(dataDir);
      started.push(await startServerProcess({ DATA_DIR: dataDir, SWITCHBOARD_ADMIN_EMAIL: ADMIN.email, SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password, ...shared }));
    }
  } catch (err) {
    await close();
    throw err;
  }
  return {
    ...spec,
    servers: started.map((s) => s.child),
    customerBase: started[0]!.base,
    agentBase: started.at(-1)!.base,
    tracker: new DeliveryTracker(DIRECTIONS),
    clientLag: monitorEventLoopDelay({ resolution: 10 }),
    cpuMicros: 0,
    close,
  };
}

/** A flow that hands off at once, 10 agents online with their inbox sockets open, 200 conversations claimed by them. */
async function prepare(d: Deployment): Promise<Conversation[]> {
  const admin = await login(d.customerBase, ADMIN.email, ADMIN.password);
  const flow = handoffFlowDocument('bench-delivery', QUEUE);
  await call(d.customerBase, admin, 'POST', '/api/flows', { document: flow });
  await call(d.customerBase, admin, 'POST', `/api/flows/${flow.id}/publish`, { note: 'delivery bench' });
  const agents: Auth[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const email = `agent${a}@example.com`;
    await call(d.customerBase, admin, 'POST', '/api/users', { email, name: `Agent ${a}`, role: 'agent', password: `agent-${a}-password` });
    const auth = await login(d.agentBase, email, `agent-${a}-password`);
    const socket = await open(`${d.agentBase.replace('http', 'ws')}/api/inbox/ws`, { cookie: auth.cookie });
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as { type: string; message?: { from: string; text?: string } };
      if (event.type === 'message' && event.message?.from === 'customer' && event.message.text) d.tracker.received(event.message.text);
    });
    await call(d.agentBase, auth, 'PUT', '/api/inbox/availability', { status: 'online' }, [200]);
    agents.push(auth);
  }
  const conversations: Conversation[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const started = await call<{ sessionId: string; sessionToken: string; status: string }>(d.customerBase, null, 'POST', `/api/chat/${flow.id}/sessions`);
    if (started.status !== 'handedOff') throw new Error(`conversation ${i} did not reach an agent: ${started.status}`);
    const customer = await open(`${d.customerBase.replace('http', 'ws')}/api/chat/sessions/${started.sessionId}/ws?token=${encodeURIComponent(started.sessionToken)}`);
    customer.on('message', (data) => {
      const event = JSON.parse(data.toString()) as { type: string; message?: { from: string; text?: string } };
      if (event.type === 'message' && event.message?.from === 'agent' && event.message.text) d.tracker.received(event.message.text);
      // An error frame answers a socket send; that message then never arrives and counts as lost.
      else if (event.type === 'error') process.stderr.write(`customer socket error: ${data.toString()}\n`);
    });
    const agent = agents[i % AGENTS]!;
    await call(d.agentBase, agent, 'POST', `/api/inbox/${started.sessionId}/claim`, undefined, [200]);
    conversations.push({ index: i, sessionId: started.sessionId, token: started.sessionToken, customer, agent, via: i % 2 === 0 ? 'http' : 'socket' });
  }
  return conversations;
}

let seq = 0;

function customerSends(d: Deployment, c: Conversation): void {
  const text = `c:${c.index}:${seq++}`;
  if (c.via === 'socket') {
    d.tracker.sent(text, 'customer→agent (socket)');
    c.customer.send(JSON.stringify({ type: 'message', text }));
    return;
  }
  d.tracker.sent(text, 'customer→agent (HTTP)');
  postJson(`${d.customerBase}/api/chat/sessions/${c.sessionId}/messages`, { text }, { authorization: `Bearer ${c.token}` }).then(
    (status) => (status === 200 ? undefined : d.tracker.failed(text)),
    () => d.tracker.failed(text),
  );
}

function agentSends(d: Deployment, c: Conversation): void {
  const text = `a:${c.index}:${seq++}`;
  d.tracker.sent(text, 'agent→customer');
  postJson(`${d.agentBase}/api/inbox/${c.sessionId}/messages`, { text }, { cookie: c.agent.cookie, 'x-csrf-token': c.agent.csrf }).then(
    (status) => (status === 201 ? undefined : d.tracker.failed(text)),
    () => d.tracker.failed(text),
  );
}

async function cpuOf(servers: JsonLineChild[]): Promise<number> {
  let total = 0;
  for (const s of servers) {
    s.send('cpu');
    total += Number((await s.next()).cpuMicros);
  }
  return total;
}

/** One round of chat on `d`; recorded rounds also count its servers' CPU and event-loop delay. */
async function chatRound(d: Deployment, conversations: Conversation[], seconds: number, record: boolean): Promise<void> {
  const cpuBefore = record ? await cpuOf(d.servers) : 0;
  if (record) for (const s of d.servers) s.send('lag-on');
  await schedule(seconds, conversations, (c, half) => (half ? agentSends(d, c) : customerSends(d, c)), d.tracker, record, record ? d.clientLag : null);
  if (record) {
    for (const s of d.servers) s.send('lag-off');
    d.cpuMicros += (await cpuOf(d.servers)) - cpuBefore;
  }
}

async function main(): Promise<void> {
  // Shorter rounds than the interval would leave the agents' half-interval sends out entirely.
  if (ROUND_SECONDS * 1000 < INTERVAL_MS) throw new Error(`BENCH_SECONDS / ${ROUNDS} must be at least the interval (${INTERVAL_MS} ms)`);
  if (INSTANCES !== 1 && INSTANCES !== 2) throw new Error('BENCH_INSTANCES must be 1 or 2');
  const loadBefore = loadavg();
  const deployments: Deployment[] = [];
  const echoChild = new JsonLineChild(ECHO, { BENCH_ROLE: 'echo' });
  const echoLag = monitorEventLoopDelay({ resolution: 10 });
  const echo = new DeliveryTracker(['ws echo'] as const);
  const results: Result[] = [];
  try {
    const echoUrl = `ws://127.0.0.1:${String((await echoChild.next()).port)}`;
    const prepared: { d: Deployment; conversations: Conversation[] }[] = [];
    for (const spec of SPECS) {
      const d = await startDeployment(spec);
      deployments.push(d);
      process.stdout.write(`${spec.label}: setting up ${CONVERSATIONS} conversations…\n`);
      prepared.push({ d, conversations: await prepare(d) });
    }
    const echoSockets: WebSocket[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const ws = await open(echoUrl);
      ws.on('message', (data) => echo.received(data.toString()));
      echoSockets.push(ws);
    }
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

    for (const p of prepared) await chatRound(p.d, p.conversations, 1, false);
    await echoRound(1, false);
    for (let r = 0; r < ROUNDS; r++) {
      process.stdout.write(`round ${r + 1} of ${ROUNDS}\n`);
      for (const p of prepared) await chatRound(p.d, p.conversations, ROUND_SECONDS, true);
      await echoRound(ROUND_SECONDS, true);
    }
    for (const d of deployments) {
      const serverLag: Result['serverLag'] = [];
      for (const s of d.servers) {
        s.send('lag');
        const lag = await s.next();
        serverLag.push({ p50: Number(lag.p50), p99: Number(lag.p99) });
      }
      const rows = DIRECTIONS.map((kind) => ({ kind, ...d.tracker.figure(kind) }));
      const delivered = rows.reduce((n, r) => n + r.delivered, 0);
      results.push({ label: d.label, rows, serverLag, clientLagP99: d.clientLag.percentile(99) / 1e6, cpuPerMessage: d.cpuMicros / Math.max(1, delivered) });
    }
  } finally {
    for (const ws of sockets) ws.terminate();
    closeConnections();
    for (const d of deployments) await d.close();
    await echoChild.stop();
  }

  const baseline = echo.figure('ws echo');
  const loadAfter = loadavg();
  report(results, baseline, echoLag, loadBefore, loadAfter);
  const resultsDir = path.join(import.meta.dirname, '.results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, INSTANCES === 2 ? 'delivery-two-instances.json' : SHARED ? 'delivery-shared.json' : 'delivery.json'),
    JSON.stringify(
      { at: new Date().toISOString(), instances: INSTANCES, shared: SHARED, conversations: CONVERSATIONS, agents: AGENTS, seconds: SECONDS, intervalMs: INTERVAL_MS, results, baseline, echoLagP99Ms: echoLag.percentile(99) / 1e6, loadBefore, loadAfter },
      null,
      2,
    ),
  );
  if (results.some((res) => res.rows.some((r) => r.lost + r.failed > 0)) || baseline.lost > 0) {
    process.stderr.write('Some messages failed or never arrived; the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function report(results: Result[], baseline: DeliveryFigure, echoLag: IntervalHistogram, loadBefore: number[], loadAfter: number[]): void {
  const out = (s: string) => process.stdout.write(s);
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  out(
    `\nLive delivery, ${CONVERSATIONS} conversations handed to ${AGENTS} agents, each side sending every ${INTERVAL_MS} ms, ` +
      `${SECONDS}s per deployment in ${ROUNDS} rounds alternating with ${results.length > 1 ? 'the other deployment and ' : ''}the baseline ` +
      `(bare ws echo round trip to a server process, same sockets and rate: ${baseline.delivered} echoes, p50 ${f(baseline.p50, 2)} ms, p99 ${f(baseline.p99, 2)} ms, lost ${baseline.lost}); ` +
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${load(loadBefore)} before, ${load(loadAfter)} after\n`,
  );
  for (const res of results) {
    out(`\n${res.label}${res.label.startsWith('two') ? ' (customers on A, agents on B)' : ''}\n`);
    out(
      table(
        ['direction', 'messages', 'p50 ms', 'p99 ms', 'max ms', 'lost', 'echo p99', 'p99 ratio', 'target'],
        res.rows.map((r) => [
          r.kind,
          String(r.delivered),
          f(r.p50, 2),
          f(r.p99, 2),
          f(r.max, 1),
          String(r.lost + r.failed),
          f(baseline.p99, 2),
          `${f(r.p99 / baseline.p99, 1)}×`,
          !Number.isFinite(r.p99) ? '-' : r.p99 < TARGET_P99_MS ? `ok p99<${TARGET_P99_MS}` : `above ${TARGET_P99_MS}`,
        ]),
      ),
    );
    out(
      `server CPU ${f(res.cpuPerMessage, 0)} µs per delivered message (all instances); event-loop delay p50/p99: ` +
        `${res.serverLag.map((l, i) => `instance ${'AB'[i]} ${f(l.p50)}/${f(l.p99)} ms`).join(', ')}; clients (this process) p99 ${f(res.clientLagP99)} ms\n`,
    );
  }
  out(`echo rounds: clients' event-loop delay p99 ${f(echoLag.percentile(99) / 1e6)} ms\n`);

  if (results.length === 2) {
    const [one, two] = results as [Result, Result];
    out('\nTwo instances against one (same PostgreSQL + Redis setup, rounds alternated)\n');
    out(
      table(
        ['direction', 'one p50', 'two p50', 'p50 ratio', 'one p99', 'two p99', 'p99 ratio'],
        DIRECTIONS.map((kind, i) => {
          const a = one.rows[i]!;
          const b = two.rows[i]!;
          return [kind, f(a.p50, 2), f(b.p50, 2), `${f(b.p50 / a.p50, 2)}×`, f(a.p99, 2), f(b.p99, 2), `${f(b.p99 / a.p99, 2)}×`];
        }),
      ),
    );
  }

  // For README: paste as is.
  const ms = (x: number) => (Number.isFinite(x) ? `${x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1)} ms` : '-');
  out(`\nMarkdown (load average ${load(loadBefore)} → ${load(loadAfter)}; echo baseline p50 ${ms(baseline.p50)}, p99 ${ms(baseline.p99)}):\n\n`);
  out('| Setup | Direction | p50 | p99 | Not delivered within 5 s | Server event-loop p99 |\n| --- | --- | --- | --- | --- | --- |\n');
  for (const res of results) {
    const lag = res.serverLag.map((l) => ms(l.p99)).join(' / ');
    for (const r of res.rows) out(`| ${res.label} | ${r.kind} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.lost + r.failed} | ${lag} |\n`);
  }
  if (results.length === 2) {
    const [one, two] = results as [Result, Result];
    out('\n| Direction | p50 two / one | p99 two / one |\n| --- | --- | --- |\n');
    DIRECTIONS.forEach((kind, i) => out(`| ${kind} | ${f(two.rows[i]!.p50 / one.rows[i]!.p50, 2)}× | ${f(two.rows[i]!.p99 / one.rows[i]!.p99, 2)}× |\n`));
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
