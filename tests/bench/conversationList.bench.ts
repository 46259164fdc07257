/**
 * The analytics page's conversation list over a large history: 100,000 conversations and about
 * 1,000,000 events over 90 days (plus their messages), read as GET /api/flows/:id/analytics/
 * conversations does (the store's walk with the route's filter), for a 30-day window: the first
 * page unfiltered, with a common filter, with a rare one, with one nothing matches (the walk
 * stops at the route's 5,000-conversation limit), one conversation's path, and the CSV of the
 * whole window. The same-run baseline is `SELECT COUNT(*) FROM events`; the cost a list without
 * the per-conversation time ranges would pay is shown by one session's events read without an
 * index (`WHERE session_id = ?`). Runs alternate so all see the same load; medians are printed.
 *
 * Run with `npm run bench -- conversationList` or `npx tsx tests/bench/conversationList.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openConversationDatabase } from '../../api/src/storage/sqlite/openDatabase';
import { CONVERSATION_LIST_STATEMENTS, ConversationListReader } from '../../api/src/storage/sqlite/conversationListReader';
import { SqliteReadWorker } from '../../api/src/storage/sqlite/readWorker';
import { conversationFilter, type ConversationFilters } from '../../api/src/analytics/conversationFilter';
import { CSV_SCAN_LIMIT, LIST_SCAN_LIMIT } from '../../api/src/routes/analyticsConversations';
import { seededRandom } from '../../runtime/src/util/seededRandom';

const CONVERSATIONS = 100_000;
const DAYS = 90;
const RUNS = 7;
const DAY = 86_400_000;
const FLOW = 'flow-bench';
const END = Date.parse('2026-12-06T00:00:00Z');
const TIMEOUT = 30 * 60_000;

/** Ten events each, like analytics.bench.ts; handed-off conversations last an hour, the rest five minutes. */
function generate(db: ReturnType<typeof openConversationDatabase>): void {
  const random = seededRandom(7);
  const conv = db.prepare(`INSERT INTO conversations (id, flow_id, flow_version, token_hash, session_json, status, turn,
    last_message_id, handoff_status, queue, handoff_requested_at, handoff_closed_at, created_at, updated_at)
    VALUES (?, ?, ?, x'00', '{}', ?, 3, 3, ?, ?, ?, ?, ?, ?)`);
  const msg = db.prepare(`INSERT INTO messages (session_id, id, sender, kind, text, at) VALUES (?, ?, ?, 'text', 'hi', ?)`);
  const ev = db.prepare(`INSERT INTO events (flow_id, flow_version, session_id, name, node_id, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < CONVERSATIONS; i++) {
      const id = `c${i}`;
      const created = END - DAYS * DAY + Math.floor((i / CONVERSATIONS) * DAYS * DAY);
      const version = 1 + Math.floor((i / CONVERSATIONS) * 3);
      const r = random();
      const handed = r < 0.2;
      const status = handed || r < 0.8 ? 'completed' : 'waiting';
      const updated = created + (handed ? 3_600_000 : 300_000);
      conv.run(id, FLOW, version, status, handed ? 'closed' : null, handed ? 'billing' : null, handed ? created + 60_000 : null, handed ? updated : null, created, updated);
      msg.run(id, 1, 'bot', created);
      msg.run(id, 2, 'customer', created + 10_000);
      msg.run(id, 3, handed ? 'agent' : 'customer', created + 120_000);
      const names: [string, string | null, string | null][] = [
        ['sessionStarted', null, null],
        ['nodeEntered', 'start', '{"kind":"start"}'],
        ['nodeEntered', 'menu', '{"kind":"choice","fromNodeId":"start","viaHandle":"next"}'],
        ['inputReceived', 'menu', '{"inputType":"text"}'],
        handed ? ['handedOff', 'handoff', '{"queue":"billing"}'] : ['nodeEntered', 'faq', '{"kind":"faq","fromNodeId":"menu","viaHandle":"faq"}'],
        r < 0.5 ? ['goalReached', 'thanks', '{"label":"Order status given"}'] : ['nodeEntered', 'thanks', '{"kind":"end"}'],
        r < 0.3 ? ['csat', 'rate', `{"rating":${1 + Math.floor(random() * 5)}}`] : ['inputReceived', 'rate', '{"inputType":"text"}'],
        r > 0.9 ? ['fallback', 'faq', '{"text":"where is it","reason":"lowConfidence"}'] : ['nodeEntered', 'bye', '{"kind":"end"}'],
        r > 0.6 ? ['faqFeedback', 'faq', `{"itemId":"a","helpful":${random() < 0.7}}`] : ['inputReceived', 'faq', '{"inputType":"option"}'],
        ['completed', 'bye', null],
      ];
      names.forEach(([name, node, data], k) => ev.run(FLOW, version, id, name, node, data, created + k * 20_000));
    }
  })();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-bench-convlist-'));
  try {
    const db = openConversationDatabase(path.join(dir, 'conversations.sqlite'));
    const t0 = performance.now();
    generate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    const counted = db.prepare('SELECT (SELECT COUNT(*) FROM conversations) AS c, (SELECT COUNT(*) FROM events) AS e').get() as { c: number; e: number };
    console.log(`generated ${counted.c} conversations, ${counted.e} events over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)}s`);

    // The store's read worker, as the API uses it.
    const reads = new SqliteReadWorker(db.name, CONVERSATION_LIST_STATEMENTS);
    const reader = new ConversationListReader(reads);
    const from = END - 30 * DAY;
    const window = { flowId: FLOW, from, to: END };
    const page = (f: ConversationFilters, limit = 50, maxScanned = LIST_SCAN_LIMIT) =>
      reader.list({ ...window, limit, maxScanned, accept: conversationFilter(f, END, TIMEOUT) });
    const old = `c${Math.floor(CONVERSATIONS * 0.7)}`;

    const cases: [string, () => Promise<string> | string][] = [
      ['first page, no filter', async () => `${(await page({})).rows.length} rows`],
      ['first page, CSAT <= 2', async () => `${(await page({ lowCsat: true })).rows.length} rows`],
      ['first page, abandoned with an unrecognised message', async () => `${(await page({ outcome: 'abandoned', unrecognized: true })).rows.length} rows`],
      ['a filter nothing matches (stops at the scan limit)', async () => `${(await page({ goal: 'nowhere', goalReached: true })).rows.length} rows`],
      ['one conversation’s path', async () => `${(await reader.path(old))?.steps.length} steps`],
      ['CSV, handed off, whole window', async () => `${(await page({ outcome: 'handedOff' }, CSV_SCAN_LIMIT, CSV_SCAN_LIMIT)).rows.length} rows`],
      ['CSV, every conversation of the window', async () => `${(await page({}, CSV_SCAN_LIMIT, CSV_SCAN_LIMIT)).rows.length} rows`],
    ];
    const baseline = db.prepare('SELECT COUNT(*) FROM events').pluck();
    const bySessionScan = db.prepare('SELECT COUNT(*) FROM events WHERE session_id = ?').pluck();
    const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    const notes = new Map<string, string>();
    const baseMs: number[] = [];
    const scanMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      baseline.get();
      baseMs.push(performance.now() - t);
      t = performance.now();
      bySessionScan.get(old);
      scanMs.push(performance.now() - t);
      for (const [name, run] of cases) {
        t = performance.now();
        notes.set(name, await run());
        times.get(name)!.push(performance.now() - t);
      }
    }
    const b = median(baseMs);
    console.log(`baseline SELECT COUNT(*) FROM events (${counted.e} rows): median ${b.toFixed(1)} ms over ${RUNS} runs`);
    console.log(`for comparison, one session's events without an index by session: median ${median(scanMs).toFixed(1)} ms`);
    for (const [name] of cases) {
      const m = median(times.get(name)!);
      console.log(`${name} (${notes.get(name)}): median ${m.toFixed(1)} ms, ${(m / b).toFixed(2)}x baseline`);
    }
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT session_id FROM events WHERE flow_id = ? AND name IN ('csat', 'fallback') AND at >= ? AND at <= ? AND session_id = ?`)
      .all(FLOW, 0, 1, 'c1') as { detail: string }[];
    console.log(`a conversation's counted events: ${plan.map((p) => p.detail).join('; ')}`);
    await reads.close();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
