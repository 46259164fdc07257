/**
 * Chat runtime throughput with persistence on: chat turns per second and p50/p99 latency over
 * HTTP and over WebSocket at 1, 10 and 100 concurrent conversations, each against a baseline
 * measured in the same run on this machine (a bare Express JSON route, a bare `ws` echo). The
 * machine is shared and noisy, so the ratio is the comparable figure.
 *
 * The server runs as in production: SQLite WAL, request logging at info (to a file), the
 * widget's socket protocol. Only the per-session and per-IP rate limits are lifted, through the
 * chat module's options, since a load client is by design far above them. Load client and
 * servers share this process for both the chat and the baselines, so the ratio compares like
 * with like.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import pino from 'pino';
import { WebSocketServer } from 'ws';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { startServer } from '../../api/src/server';
import { CONVERSATIONS_FILE } from '../../api/src/chat/chatModule';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import type { Figure } from './support/figure';
import { httpLoad, type HttpRequestSpec } from './support/httpLoad';
import { openSockets, wsLoad } from './support/wsLoad';
import { checkTurns, sessionTurns } from './support/sessionTurns';
import { interleave } from './support/interleave';

const LEVELS = [1, 10, 100] as const;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WARMUP_SECONDS = 1;
// Each measurement is split into rounds alternating with its baseline (see interleave.ts).
const ROUNDS = 3;
const ROUND_SECONDS = SECONDS / ROUNDS;
// The menu's "Again" option jumps back to the menu: every turn is a full engine step and a
// committed transaction, and the conversation never ends.
const LOOP_BODY = JSON.stringify({ optionId: 'loop' });
const LOOP_FRAME = JSON.stringify({ type: 'message', optionId: 'loop' });
// BENCH_WS_FRAMES=legacy measures the socket protocol of older widgets (a frame per message,
// then a status frame) instead of one `turn` frame per turn.
const TURN_FRAMES = process.env.BENCH_WS_FRAMES !== 'legacy';

interface Row {
  transport: string;
  conversations: number;
  chat: Figure;
  baseline: Figure;
  check: string;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sb-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, dataDir);
  const logFile = path.join(dataDir, 'server.log');
  const running = await startServer(config, {
    logger: createLogger('info', pino.destination({ dest: logFile, sync: true })),
    print: () => {},
    editorDist: null,
    chat: { limits: { sessionsPerIpPerMinute: 1e9, messagesPerSessionPerMinute: 1e9 } },
  });
  const flow = chatFlowDocument({ id: 'bench-loop' });
  await running.deps.stores.flows.create(flow, null);
  await running.deps.stores.flows.publish(flow.id, { note: 'bench', by: null });
  const base = `http://127.0.0.1:${running.port}`;
  const dbFile = path.join(dataDir, CONVERSATIONS_FILE);

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

  /**
   * Interleaves chat rounds with baseline rounds between two reads of the turn counters, and
   * checks that the server committed what the client counted. `inFlight` is how many turns
   * per round may land outside the client's count (requests cut off at the end of a round).
   */
  async function verified(ids: string[], inFlight: number, chat: () => Promise<Figure>, baseline: () => Promise<Figure>) {
    await sleep(200);
    const before = sessionTurns(dbFile, ids);
    const { measured, baseline: base } = await interleave(ROUNDS, chat, baseline);
    await sleep(200);
    const check = checkTurns(before, sessionTurns(dbFile, ids), measured.completed, inFlight * ROUNDS);
    if (!check.ok) measured.errors += 1;
    return { chat: measured, baseline: base, check: check.message };
  }

  const rows: Row[] = [];
  try {
    for (const n of LEVELS) {
      const sessions = await newSessions(n);
      const chatRequest = (i: number): HttpRequestSpec => ({
        method: 'POST',
        path: `/api/chat/sessions/${sessions[i]!.sessionId}/messages`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sessions[i]!.sessionToken}` },
        body: LOOP_BODY,
      });
      const bareRequest = (): HttpRequestSpec => ({
        method: 'POST',
        path: '/echo',
        headers: { 'content-type': 'application/json' },
        body: LOOP_BODY,
      });
      await httpLoad(base, n, WARMUP_SECONDS, chatRequest);
      const ids = sessions.map((s) => s.sessionId);
      await httpLoad(`http://127.0.0.1:${barePort}`, n, WARMUP_SECONDS, bareRequest);
      const r = await verified(
        ids,
        2 * n,
        () => httpLoad(base, n, ROUND_SECONDS, chatRequest),
        () => httpLoad(`http://127.0.0.1:${barePort}`, n, ROUND_SECONDS, bareRequest),
      );
      rows.push({ transport: 'HTTP', conversations: n, chat: r.chat, baseline: r.baseline, check: r.check });
    }
    for (const n of LEVELS) {
      const sessions = await newSessions(n);
      const chatSockets = await openSockets(
        sessions.map(
          (s) => `${base.replace('http', 'ws')}/api/chat/sessions/${s.sessionId}/ws?token=${s.sessionToken}${TURN_FRAMES ? '&frames=turn' : ''}`,
        ),
        { greeting: true },
      );
      // A turn is over when its `turn` frame (or, in the legacy protocol, its status frame) is in.
      const isTurn = TURN_FRAMES ? (d: string) => d.startsWith('{"type":"turn"') : (d: string) => d.startsWith('{"type":"status"');
      await wsLoad(chatSockets, WARMUP_SECONDS, LOOP_FRAME, isTurn);
      const echoSockets = await openSockets(sessions.map(() => `ws://127.0.0.1:${echoPort}`));
      await wsLoad(echoSockets, WARMUP_SECONDS, LOOP_FRAME, () => true);
      const ids = sessions.map((s) => s.sessionId);
      const r = await verified(
        ids,
        0,
        () => wsLoad(chatSockets, ROUND_SECONDS, LOOP_FRAME, isTurn),
        () => wsLoad(echoSockets, ROUND_SECONDS, LOOP_FRAME, () => true),
      );
      chatSockets.close();
      echoSockets.close();
      rows.push({ transport: 'WebSocket', conversations: n, chat: r.chat, baseline: r.baseline, check: r.check });
    }
  } finally {
    echoWss.close();
    echoServer.close();
    bareHttp.close();
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const f = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const header = ['transport', 'convs', 'turns/s', 'p50 ms', 'p99 ms', 'errors', 'baseline/s', 'base p99', 'ratio', 'target', 'cpu µs', 'base cpu', 'cpu ratio'];
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
      f(r.chat.cpuMicros),
      f(r.baseline.cpuMicros),
      `${((r.baseline.cpuMicros / r.chat.cpuMicros) * 100).toFixed(0)}%`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  process.stdout.write(
    `Chat turns with persistence (SQLite WAL, logging at info, socket frames: ${TURN_FRAMES ? 'turn' : 'legacy'}), ${SECONDS}s per measurement in ${ROUNDS} rounds alternating with the baseline; ` +
      'baseline = bare Express JSON route (HTTP) or bare ws echo (WebSocket)\n',
  );
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    'cpu µs = process CPU per round trip (all threads, load client included); cpu ratio = baseline cpu / chat cpu, ' +
      'the throughput ratio this machine would show with its cores to itself.\n',
  );
  process.stdout.write('Server-side check (turn counters in SQLite):\n');
  for (const r of rows) process.stdout.write(`  ${r.transport} ×${r.conversations}: ${r.check}\n`);

  const resultsDir = path.join(import.meta.dirname, '.results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'server.json'), JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, rows }, null, 2));
  if (rows.some((r) => r.chat.errors > 0)) {
    process.stderr.write('Some chat turns failed or did not reach the database; the figures above are not valid.\n');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
