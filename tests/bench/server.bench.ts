/**
 * Chat runtime throughput with persistence on: chat turns per second and p50/p99 latency over
 * HTTP and over WebSocket at 1, 10 and 100 concurrent conversations, each against a baseline
 * measured in the same run on this machine (a bare Express JSON route, a bare `ws` echo). The
 * machine is shared and noisy, so the ratio is the comparable figure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import WebSocket, { WebSocketServer } from 'ws';
import { loadConfig } from '../../api/src/config';
import { startServer } from '../../api/src/server';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';

const LEVELS = [1, 10, 100] as const;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP_SECONDS = 1;
// The menu's "Again" option jumps back to the menu: every turn is a full engine step and a
// committed transaction, and the conversation never ends.
const LOOP_BODY = JSON.stringify({ optionId: 'loop' });

interface Figure {
  turnsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `request(i)` builds connection i's request; each connection keeps its own conversation. */
async function cannon(url: string, connections: number, seconds: number, request: (i: number) => autocannon.Request): Promise<Figure> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    initialContext: {},
    requests: [
      {
        setupRequest: (req, context) => {
          const ctx = context as { i?: number };
          ctx.i ??= next++ % connections;
          return { ...req, ...request(ctx.i) };
        },
      },
    ],
  });
  const non2xx = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, stat]) => sum + (stat.count ?? 0), 0);
  return {
    turnsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + non2xx,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Each client sends, waits for `done(frame)`, records the round trip and sends again. */
async function wsLoop(
  urls: string[],
  seconds: number,
  frame: string,
  done: (data: string) => boolean,
): Promise<Figure> {
  const sockets = await Promise.all(
    urls.map(
      (url) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        }),
    ),
  );
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          let sentAt = 0;
          const send = () => {
            if (performance.now() >= until) {
              resolve();
              return;
            }
            sentAt = performance.now();
            ws.send(frame);
          };
          ws.on('message', (data) => {
            const text = data.toString();
            if (text.includes('"type":"error"')) errors++;
            if (!done(text)) return;
            latencies.push(performance.now() - sentAt);
            send();
          });
          // Let the greeting's status frame pass before the first turn.
          setTimeout(send, 50);
        }),
    ),
  );
  for (const ws of sockets) ws.close();
  latencies.sort((a, b) => a - b);
  return { turnsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, dataDir);
  const running = await startServer(config, {
    print: () => {},
    editorDist: null,
    chat: { limits: { sessionsPerIpPerMinute: 1e9, messagesPerSessionPerMinute: 1e9 } },
  });
  const flow = chatFlowDocument({ id: 'bench-loop' });
  await running.deps.stores.flows.create(flow, null);
  await running.deps.stores.flows.publish(flow.id, { note: 'bench', by: null });
  const base = `http://127.0.0.1:${running.port}`;

  // Baselines: the least an Express JSON route and a ws echo cost on this machine right now.
  const bareApp = express();
  bareApp.use(express.json());
  bareApp.post('/echo', (req, res) => {
    res.json({ messages: [{ id: 1, text: String((req.body as { optionId?: string }).optionId) }], status: 'waiting' });
  });
  const bareHttp = http.createServer(bareApp);
  const barePort = await listen(bareHttp);
  const echoServer = http.createServer();
  const echoWss = new WebSocketServer({ server: echoServer, perMessageDeflate: false });
  echoWss.on('connection', (ws) => ws.on('message', (data) => ws.send(data.toString())));
  const echoPort = await listen(echoServer);

  async function newSessions(n: number) {
    const out: { sessionId: string; sessionToken: string }[] = [];
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${base}/api/chat/${flow.id}/sessions`, { method: 'POST' });
      if (res.status !== 201) throw new Error(`session start failed: ${res.status} ${await res.text()}`);
      out.push((await res.json()) as { sessionId: string; sessionToken: string });
    }
    return out;
  }

  const rows: { transport: string; conversations: number; chat: Figure; baseline: Figure }[] = [];
  try {
    for (const n of LEVELS) {
      const sessions = await newSessions(n);
      const chatSetup = (i: number): autocannon.Request => {
        const s = sessions[i]!;
        return {
          method: 'POST',
          path: `/api/chat/sessions/${s.sessionId}/messages`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.sessionToken}` },
          body: LOOP_BODY,
        };
      };
      const bareSetup = (): autocannon.Request => ({
        method: 'POST',
        path: '/echo',
        headers: { 'content-type': 'application/json' },
        body: LOOP_BODY,
      });
      await cannon(base, n, WARMUP_SECONDS, chatSetup);
      const chat = await cannon(base, n, SECONDS, chatSetup);
      await cannon(`http://127.0.0.1:${barePort}`, n, WARMUP_SECONDS, bareSetup);
      const baseline = await cannon(`http://127.0.0.1:${barePort}`, n, SECONDS, bareSetup);
      rows.push({ transport: 'HTTP', conversations: n, chat, baseline });
    }
    for (const n of LEVELS) {
      const sessions = await newSessions(n);
      const urls = sessions.map((s) => `${base.replace('http', 'ws')}/api/chat/sessions/${s.sessionId}/ws?token=${s.sessionToken}`);
      const frame = JSON.stringify({ type: 'message', optionId: 'loop' });
      // A turn is over when its status frame arrives (after the customer echo and the bot reply).
      const isStatus = (d: string) => d.startsWith('{"type":"status"');
      await wsLoop(urls, WARMUP_SECONDS, frame, isStatus);
      const chat = await wsLoop(urls, SECONDS, frame, isStatus);
      const echoUrls = urls.map(() => `ws://127.0.0.1:${echoPort}`);
      await wsLoop(echoUrls, WARMUP_SECONDS, frame, () => true);
      const baseline = await wsLoop(echoUrls, SECONDS, frame, () => true);
      rows.push({ transport: 'WebSocket', conversations: n, chat, baseline });
    }
  } finally {
    echoWss.close();
    echoServer.close();
    bareHttp.close();
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const header = ['transport', 'convs', 'turns/s', 'p50 ms', 'p99 ms', 'errors', 'baseline/s', 'base p99', 'ratio', 'target'];
  const table = rows.map((r) => {
    const ratio = r.chat.turnsPerSecond / r.baseline.turnsPerSecond;
    const target = r.transport === 'HTTP' ? 0.6 : 0.4;
    const p99ok = r.conversations !== 100 || r.chat.p99 < 50;
    return [
      r.transport,
      String(r.conversations),
      f(r.chat.turnsPerSecond),
      f(r.chat.p50, 2),
      f(r.chat.p99, 2),
      String(r.chat.errors),
      f(r.baseline.turnsPerSecond),
      f(r.baseline.p99, 2),
      `${(ratio * 100).toFixed(0)}%`,
      `${ratio >= target ? 'ok' : 'below'} ≥${target * 100}%${r.conversations === 100 ? (p99ok ? ', p99<50 ok' : ', p99≥50') : ''}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  process.stdout.write(
    `Chat turns with persistence (SQLite WAL), ${SECONDS}s per measurement; baseline = bare Express JSON route (HTTP) or bare ws echo (WebSocket)\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);

  const resultsDir = path.join(import.meta.dirname, '.results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'server.json'), JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, rows }, null, 2));
  if (rows.some((r) => r.chat.errors > 0)) {
    process.stderr.write('Some chat turns failed; the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
