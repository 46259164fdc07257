import Database from 'better-sqlite3';
import { ChatService } from '../../../runtime/src/server/chat/chatService';
import { InMemoryChatEvents } from '../../../runtime/src/chat/chatEvents';
import type { ConversationStore } from '../../../runtime/src/chat/conversationStore';
import { ANALYTICS_STATEMENTS, AnalyticsReader } from '../../../api/src/storage/sqlite/analyticsReader';
import { CONVERSATION_LIST_STATEMENTS, ConversationListReader } from '../../../api/src/storage/sqlite/conversationListReader';
import type { ReadCall, ReadRunner, ReadStatement } from '../../../api/src/storage/sqlite/readWorker';
import type { AnalyticsFactsQuery } from '../../../runtime/src/chat/analyticsFacts';
import { chatFlowDocument, MemoryFlowSource } from '../../unit/chat/support/chatFlow';
import { percentile } from './figure';

/** The analytics page's reads, one after another for as long as they are asked to run. */
export type AnalyticsLoad = () => Promise<void>;

export interface TurnLatency {
  /** Each turn's time, in ms. */
  ms: number[];
  /** Analytics page loads completed while the turns ran. */
  reads: number;
}

export function summary(ms: number[]): { p50: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1)! };
}

const TURNS_PER_CONVERSATION = 8;
const GAP_MS = 5;

/**
 * Chat turns through ChatService on `store`, one at a time with a short pause between them (a
 * customer typing, not a flood), timed from sendMessage to its answer; meanwhile `load`, if
 * given, is run in a loop as an admin clicking through the analytics page would.
 */
export async function turnsDuring(
  service: ChatService,
  turns: number,
  load: AnalyticsLoad | null,
  /** Stop early after this long: with reads on the main thread each turn can wait for whole page loads. */
  maxMs = Infinity,
): Promise<TurnLatency> {
  const until = performance.now() + maxMs;
  let stop = false;
  let reads = 0;
  const loop = (async () => {
    while (load && !stop) {
      await load();
      reads++;
      // Page loads are separate requests: the event loop takes other work between them. (Reads on
      // the main thread resolve in microtasks only, so without this the loop would starve timers.)
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const ms: number[] = [];
  let session = await service.startConversation('flow-chat', { origin: null });
  for (let i = 0; i < turns && performance.now() < until; i++) {
    if (i > 0 && i % TURNS_PER_CONVERSATION === 0) session = await service.startConversation('flow-chat', { origin: null });
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    const t = performance.now();
    // Menu → "Again" → back to the menu: a turn that writes messages and events each time.
    await service.sendMessage(session.sessionId, session.sessionToken, { optionId: 'loop' });
    ms.push(performance.now() - t);
  }
  stop = true;
  await loop;
  return { ms, reads };
}

export function benchChatService(store: ConversationStore): ChatService {
  const flows = new MemoryFlowSource();
  flows.publish(chatFlowDocument());
  return new ChatService({ store, flows, events: new InMemoryChatEvents(), now: () => Date.now(), random: Math.random });
}

/**
 * The same statements run on the main thread, on a connection of its own, as they ran before
 * the read worker: the reference showing what the worker spares the chat.
 */
export function mainThreadReads(file: string): { reads: ReadRunner; close(): void } {
  const db = new Database(file, { readonly: true });
  const specs: Record<string, ReadStatement> = { ...ANALYTICS_STATEMENTS, ...CONVERSATION_LIST_STATEMENTS };
  const prepared = new Map<string, Database.Statement>();
  const statement = (name: string) => {
    let s = prepared.get(name);
    if (!s) {
      const spec = specs[name]!;
      s = db.prepare(spec.sql);
      if (spec.raw) s.raw(true);
      if (spec.pluck) s.pluck(true);
      prepared.set(name, s);
    }
    return s;
  };
  const batch = db.transaction((calls: ReadCall[]) => calls.map((c) => (specs[c.statement]!.get ? statement(c.statement).get(c.params) : statement(c.statement).all(c.params))));
  return { reads: { run: async (calls) => batch(calls) }, close: () => db.close() };
}

/** The page's reads through bare readers (figures facts, overlay traffic, first list page). */
export function readersLoad(reads: ReadRunner, query: AnalyticsFactsQuery): AnalyticsLoad {
  const facts = new AnalyticsReader(reads);
  const list = new ConversationListReader(reads);
  return async () => {
    await facts.read(query);
    await facts.paths(query);
    await list.list({ ...query, limit: 50, maxScanned: 5000, accept: () => true });
  };
}
