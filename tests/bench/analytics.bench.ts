/**
 * The analytics page and the canvas overlay over a large history: 100,000 conversations and
 * 1,000,000 events spread over 90 days (plus their messages). The history is written under the
 * schema before the analytics rollups (migration 4) and then migrated, so the backfill of an
 * existing database is timed too. Then the 30-day figures and the overlay's paths for all
 * versions are asked of the same functions GET /api/flows/:id/analytics and .../paths call
 * (createFlowAnalytics over the real SQLite conversation store and a flow store), against a
 * same-run baseline of a plain `SELECT COUNT(*) FROM events`. Runs are alternated so all see the
 * same machine load; medians of each are printed with their ratio.
 *
 * Run with `npm run bench -- analytics` or `npx tsx tests/bench/analytics.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../api/src/storage/sqlite/migrations';
import { openConversationDatabase } from '../../api/src/storage/sqlite/openDatabase';
import { SqliteConversationStore } from '../../api/src/storage/sqlite/sqliteConversationStore';
import { openLowdbStores } from '../../api/src/storage/lowdb/openStores';
import { createFlowAnalytics } from '../../api/src/analytics/flowAnalytics';
import { chatFlowDocument } from '../unit/chat/support/chatFlow';
import { seededRandom } from '../../runtime/src/util/seededRandom';
import type { AnalyticsFactsQuery } from '../../runtime/src/chat/analyticsFacts';
import { ANALYTICS_STATEMENTS } from '../../api/src/storage/sqlite/analyticsReader';
import { CONVERSATION_LIST_STATEMENTS } from '../../api/src/storage/sqlite/conversationListReader';
import { SqliteReadWorker } from '../../api/src/storage/sqlite/readWorker';
import { benchChatService, mainThreadReads, readersLoad, summary, turnsDuring } from './support/turnsDuringReads';

const CONVERSATIONS = 100_000;
const EVENTS = 1_000_000;
const DAYS = 90;
const RUNS = 7;
const PAGE_TARGET_MS = 500;
const OVERLAY_TARGET_MS = 300;
const DAY = 86_400_000;
const FLOW = 'flow-bench';
const END = Date.parse('2026-12-06T00:00:00Z');
const ROLLUPS_MIGRATION = 6;

function generate(db: Database.Database): void {
  const random = seededRandom(7);
  const conv = db.prepare(`INSERT INTO conversations (id, flow_id, flow_version, token_hash, session_json, status, turn,
    last_message_id, handoff_status, queue, handoff_requested_at, handoff_closed_at, created_at, updated_at)
    VALUES (?, ?, ?, x'00', '{}', ?, 3, 3, ?, ?, ?, ?, ?, ?)`);
  const msg = db.prepare(`INSERT INTO messages (session_id, id, sender, kind, text, at) VALUES (?, ?, ?, 'text', 'hi', ?)`);
  const ev = db.prepare(`INSERT INTO events (flow_id, flow_version, session_id, name, node_id, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const perConversation = EVENTS / CONVERSATIONS; // 10
  db.transaction(() => {
    for (let i = 0; i < CONVERSATIONS; i++) {
      const id = `c${i}`;
      const created = END - DAYS * DAY + Math.floor((i / CONVERSATIONS) * DAYS * DAY);
      const version = 1 + Math.floor((i / CONVERSATIONS) * 3);
      const r = random();
      const handed = r < 0.2;
      const status = handed ? 'completed' : r < 0.8 ? 'completed' : 'waiting';
      const requested = handed ? created + 60_000 : null;
      conv.run(id, FLOW, version, status, handed ? 'closed' : null, handed ? (r < 0.1 ? 'billing' : 'support') : null,
        requested, handed ? created + 600_000 : null, created, created + 300_000);
      msg.run(id, 1, 'bot', created);
      msg.run(id, 2, 'customer', created + 10_000);
      msg.run(id, 3, handed ? 'agent' : 'customer', created + 120_000);
      // Ten events each: the chat's usual ones plus, by chance, the ones analytics counts.
      const names: [string, string | null, string | null][] = [
        ['sessionStarted', null, null],
        ['nodeEntered', 'start', '{"kind":"start"}'],
        ['nodeEntered', 'menu', '{"kind":"choice","fromNodeId":"start","viaHandle":"next"}'],
        ['inputReceived', 'menu', '{"inputType":"text"}'],
        handed ? ['handedOff', 'handoff', '{"queue":"billing"}'] : ['nodeEntered', 'faq', '{"kind":"faq","fromNodeId":"menu","viaHandle":"faq"}'],
        r < 0.5 ? ['goalReached', 'thanks', '{"label":"Order status given"}'] : ['nodeEntered', 'thanks', '{"kind":"end","fromNodeId":"faq","viaHandle":"next"}'],
        r < 0.3 ? ['csat', 'rate', `{"rating":${1 + Math.floor(random() * 5)}}`] : ['inputReceived', 'rate', '{"inputType":"text"}'],
        r > 0.9 ? ['fallback', 'faq', '{"text":"where is it","reason":"lowConfidence"}'] : ['nodeEntered', 'bye', '{"kind":"end","fromNodeId":"thanks","viaHandle":"next"}'],
        r > 0.6 ? ['faqFeedback', 'faq', `{"itemId":"a","helpful":${random() < 0.7}}`] : ['inputReceived', 'faq', '{"inputType":"option"}'],
        ['completed', 'bye', null],
      ];
      for (let k = 0; k < perConversation; k++) {
        const [name, node, data] = names[k]!;
        ev.run(FLOW, version, id, name, node, data, created + k * 20_000);
      }
    }
  })();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  return run().then((value) => ({ ms: performance.now() - t, value }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-bench-analytics-'));
  try {
    // As openConversationDatabase opens it, but stopping before the rollups.
    const db = new Database(path.join(dir, 'conversations.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, ROLLUPS_MIGRATION - 1);
    let t0 = performance.now();
    generate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const counted = db.prepare('SELECT (SELECT COUNT(*) FROM conversations) AS c, (SELECT COUNT(*) FROM events) AS e').get() as { c: number; e: number };
    console.log(`generated ${counted.c} conversations, ${counted.e} events over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    t0 = performance.now();
    migrate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    console.log(`migration ${ROLLUPS_MIGRATION} (analytics rollups, backfilled from the rows above): ${((performance.now() - t0) / 1000).toFixed(1)}s`);

    const store = new SqliteConversationStore(db);
    const stores = await openLowdbStores(path.join(dir, 'data'), () => END);
    const doc = chatFlowDocument({ id: FLOW });
    doc.settings.businessHours.timezone = 'Europe/Warsaw';
    doc.nodes = doc.nodes.map((n) => (n.id === 'thanks' ? ({ ...n, data: { ...n.data, goal: { label: 'Order status given' } } } as typeof n) : n));
    await stores.flows.create(doc, null);
    const analytics = createFlowAnalytics({ store, flows: stores.flows, clock: () => END });
    const baseline = db.prepare('SELECT COUNT(*) FROM events').pluck();
    // The 30 days ending the day before END, in the flow's time zone: what the page asks by default.
    const window = { from: new Date(END - 30 * DAY).toISOString().slice(0, 10), to: new Date(END - DAY).toISOString().slice(0, 10) };

    const pageMs: number[] = [];
    const overlayMs: number[] = [];
    const baseMs: number[] = [];
    let started = 0;
    let steps = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      baseline.get();
      baseMs.push(performance.now() - t);
      const page = await timed(() => analytics.figures(FLOW, window));
      pageMs.push(page.ms);
      started = page.value.figures.conversations.started;
      const overlay = await timed(() => analytics.paths(FLOW, window));
      overlayMs.push(overlay.ms);
      steps = overlay.value.nodes.length;
    }
    const p = median(pageMs);
    const o = median(overlayMs);
    const b = median(baseMs);
    console.log(`baseline SELECT COUNT(*) FROM events (${counted.e} rows): median ${b.toFixed(1)} ms over ${RUNS} runs`);
    console.log(`30-day analytics page (${started} conversations in the window): median ${p.toFixed(1)} ms; ratio to baseline ${(p / b).toFixed(1)}x; aim < ${PAGE_TARGET_MS} ms: ${p < PAGE_TARGET_MS ? 'met' : 'MISSED'}`);
    console.log(`30-day canvas overlay (${steps} steps): median ${o.toFixed(1)} ms; ratio to baseline ${(o / b).toFixed(1)}x; aim < ${OVERLAY_TARGET_MS} ms: ${o < OVERLAY_TARGET_MS ? 'met' : 'MISSED'}`);
    await turnsDuringAnalytics(store, db.name, { flowId: FLOW, from: END - 30 * DAY, to: END, activeSince: END - 30 * 60_000 });
    await store.close();
    stores.audit.close();
    await turnCost(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * "A chat turn never waits for analytics work": chat turns through ChatService on the same
 * 100,000-conversation store, paced a few ms apart, timed alone (the baseline) and while the
 * analytics page's reads (30-day facts, overlay traffic, first page of the conversation list) run
 * in a loop, once through the read worker as the store does and once with the same statements on
 * the main thread as before the worker (for reference). Phases alternate over the rounds; each
 * stops after 300 turns or 8 s, whichever comes first.
 */
async function turnsDuringAnalytics(store: SqliteConversationStore, file: string, query: AnalyticsFactsQuery): Promise<void> {
  const ROUNDS = 3;
  const TURNS = 300;
  const PHASE_MS = 8000;
  const service = benchChatService(store);
  const worker = new SqliteReadWorker(file, { ...ANALYTICS_STATEMENTS, ...CONVERSATION_LIST_STATEMENTS });
  const onMain = mainThreadReads(file);
  const phases = [
    { name: 'no analytics reads (baseline)', load: null },
    { name: 'analytics reads in the read worker', load: readersLoad(worker, query) },
    { name: 'the same reads on the main thread (before the worker)', load: readersLoad(onMain.reads, query) },
  ];
  const ms = phases.map(() => [] as number[]);
  const reads = phases.map(() => 0);
  await turnsDuring(service, 50, null); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, phase] of phases.entries()) {
      const run = await turnsDuring(service, TURNS, phase.load, PHASE_MS);
      ms[i]!.push(...run.ms);
      reads[i]! += run.reads;
    }
  }
  const base = summary(ms[0]!);
  for (const [i, phase] of phases.entries()) {
    const s = summary(ms[i]!);
    console.log(
      `chat turn (ChatService.sendMessage), ${phase.name}: p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(1)} ms over ${ms[i]!.length} turns` +
        (i === 0 ? '' : `, ${reads[i]} page reads meanwhile; ratio to baseline p50 ${(s.p50 / base.p50).toFixed(2)}x, p99 ${(s.p99 / base.p99).toFixed(2)}x`),
    );
  }
  await worker.close();
  onMain.close();
}

/**
 * What the rollups cost a chat turn: the store's commitTurn, one transaction per turn as a lone
 * customer's turn is written, on two fresh databases with the same schema, one of them with the
 * analytics triggers dropped (the baseline). Rounds alternate between the two.
 */
async function turnCost(dir: string): Promise<void> {
  const ROUNDS = 10;
  const TURNS = 1500;
  const open = (name: string, withRollups: boolean) => {
    const db = openConversationDatabase(path.join(dir, name));
    if (!withRollups) {
      const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[];
      for (const t of triggers) db.exec(`DROP TRIGGER "${t}"`);
    }
    return new SqliteConversationStore(db);
  };
  const stores = { rollups: open('with.sqlite', true), plain: open('without.sqlite', false) };
  const sessionOf = (id: string, turn: number) => ({
    id, flowId: FLOW, flowVersion: 1, status: 'waiting' as const, nodeId: 'menu', variables: { orderNo: '12345' }, retries: {}, turn, startedAt: 0, lastActivityAt: 0,
  });
  let next = 0;
  const round = async (store: SqliteConversationStore): Promise<number> => {
    // Ten turns per conversation, as the history above has about ten events each.
    const t = process.cpuUsage();
    for (let i = 0; i < TURNS; i++) {
      const k = i % 10;
      const id = `t${next + Math.floor(i / 10)}`;
      const at = END + i;
      const ev = (name: 'nodeEntered' | 'inputReceived' | 'goalReached', nodeId: string, data: Record<string, string>) => ({ flowId: FLOW, flowVersion: 1, sessionId: id, name, nodeId, data, at });
      if (k === 0) {
        await store.create(
          { id, flowId: FLOW, flowVersion: 1, tokenHash: Buffer.alloc(32, 1), session: sessionOf(id, 1), handoff: null, origin: null, at },
          [{ from: 'bot', kind: 'text', text: 'Hello! What do you need?', at }],
          [{ ...ev('nodeEntered', 'start', { kind: 'start' }), name: 'sessionStarted', nodeId: null, data: null }, ev('nodeEntered', 'start', { kind: 'start' })],
        );
        continue;
      }
      const events = [ev('inputReceived', 'menu', { inputType: 'option' }), ev('nodeEntered', 'menu', { kind: 'choice', fromNodeId: 'menu', viaHandle: `o${k % 3}` })];
      if (k === 9) events.push(ev('goalReached', 'thanks', { label: 'Order status given' }));
      await store.commitTurn({
        sessionId: id, expectedTurn: k, session: sessionOf(id, k + 1), at,
        messages: [{ from: 'customer', kind: 'text', text: 'Where is my order?', at }, { from: 'bot', kind: 'text', text: 'Let me check.', at }],
        events,
      });
    }
    next += TURNS / 10;
    const used = process.cpuUsage(t);
    return (used.user + used.system) / TURNS;
  };
  const withUs: number[] = [];
  const withoutUs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    withoutUs.push(await round(stores.plain));
    withUs.push(await round(stores.rollups));
  }
  const w = median(withUs);
  const b = median(withoutUs);
  console.log(`chat turn write (commitTurn, one transaction each), process CPU per turn: median ${w.toFixed(0)} µs with the rollup triggers, ${b.toFixed(0)} µs without (baseline); ratio ${(w / b).toFixed(2)}x over ${ROUNDS} rounds of ${TURNS}`);
  await stores.rollups.close();
  await stores.plain.close();
}

await main();
