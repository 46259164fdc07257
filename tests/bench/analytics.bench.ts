/**
 * The analytics page's answer over a large history: 100,000 conversations and 1,000,000 events
 * spread over 90 days (plus their messages), then the 30-day figures for all versions, computed
 * exactly as GET /api/flows/:id/analytics does (the store's read, then computeFigures), against
 * a same-run baseline of a plain `SELECT COUNT(*) FROM events`. Runs are alternated so both
 * see the same machine load; medians of each are printed with their ratio.
 *
 * Run with `npm run bench -- analytics` or `npx tsx tests/bench/analytics.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openConversationDatabase } from '../../api/src/storage/sqlite/openDatabase';
import { AnalyticsReader } from '../../api/src/storage/sqlite/analyticsReader';
import { computeFigures } from '../../api/src/analytics/figures';
import { localMidnight, nextDate } from '../../api/src/analytics/localDays';
import { seededRandom } from '../../runtime/src/util/seededRandom';

const CONVERSATIONS = 100_000;
const EVENTS = 1_000_000;
const DAYS = 90;
const RUNS = 7;
const TARGET_MS = 500;
const DAY = 86_400_000;
const FLOW = 'flow-bench';
const END = Date.parse('2026-12-06T00:00:00Z');

function generate(db: ReturnType<typeof openConversationDatabase>): void {
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
        ['nodeEntered', 'menu', '{"kind":"choice"}'],
        ['inputReceived', 'menu', '{"inputType":"text"}'],
        handed ? ['handedOff', 'handoff', '{"queue":"billing"}'] : ['nodeEntered', 'faq', '{"kind":"faq"}'],
        r < 0.5 ? ['goalReached', 'thanks', '{"label":"Order status given"}'] : ['nodeEntered', 'thanks', '{"kind":"end"}'],
        r < 0.3 ? ['csat', 'rate', `{"rating":${1 + Math.floor(random() * 5)}}`] : ['inputReceived', 'rate', '{"inputType":"text"}'],
        r > 0.9 ? ['fallback', 'faq', '{"text":"where is it","reason":"lowConfidence"}'] : ['nodeEntered', 'bye', '{"kind":"end"}'],
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

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-bench-analytics-'));
  try {
    const db = openConversationDatabase(path.join(dir, 'conversations.sqlite'));
    const t0 = performance.now();
    generate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    const counted = db.prepare('SELECT (SELECT COUNT(*) FROM conversations) AS c, (SELECT COUNT(*) FROM events) AS e').get() as { c: number; e: number };
    console.log(`generated ${counted.c} conversations, ${counted.e} events over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)}s`);

    const reader = new AnalyticsReader(db);
    const baseline = db.prepare('SELECT COUNT(*) FROM events').pluck();
    const timeZone = 'Europe/Warsaw';
    const firstDate = new Date(END - 30 * DAY).toISOString().slice(0, 10);
    const lastDate = new Date(END - DAY).toISOString().slice(0, 10);
    const from = localMidnight(timeZone, firstDate);
    const to = localMidnight(timeZone, nextDate(lastDate));
    const page = () =>
      computeFigures({
        facts: reader.read({ flowId: FLOW, from, to }),
        firstDate,
        lastDate,
        timeZone,
        sessionTimeoutMs: 30 * 60_000,
        now: END,
        goalNodes: new Map([['thanks', 'Order status given']]),
        retained: [],
      });
    const pageMs: number[] = [];
    const baseMs: number[] = [];
    let started = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      baseline.get();
      baseMs.push(performance.now() - t);
      t = performance.now();
      started = page().conversations.started;
      pageMs.push(performance.now() - t);
    }
    const p = median(pageMs);
    const b = median(baseMs);
    console.log(`30-day analytics (${started} conversations in the window): median ${p.toFixed(1)} ms over ${RUNS} runs`);
    console.log(`baseline SELECT COUNT(*) FROM events (${counted.e} rows): median ${b.toFixed(1)} ms`);
    console.log(`ratio analytics / baseline: ${(p / b).toFixed(1)}x; aim < ${TARGET_MS} ms: ${p < TARGET_MS ? 'met' : 'MISSED'}`);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
