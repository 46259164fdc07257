/**
 * Indexing one knowledge source of the largest size an upload may yield (1,000,000 characters)
 * while chats go on: the longest the event loop is held up (what a customer's message would wait)
 * with the index's chunked, yielding indexing (api/src/knowledge/knowledgeIndex.ts), against a
 * same-run baseline that splits and adds the same passages in one synchronous go. Then the cost of one
 * retrieval over that index. Figures are wall-clock on this machine; the ratio is the claim.
 */
import { createLogger } from '../../api/src/logger';
import { KnowledgeIndex } from '../../api/src/knowledge/knowledgeIndex';
import { passageText, splitPassages } from '../../api/src/knowledge/passages';
import { createSearchIndex } from '../../api/src/knowledge/searchIndex';
import { KNOWLEDGE_LIMITS } from '../../api/src/knowledge/limits';
import type { KnowledgeSource, KnowledgeStore } from '../../api/src/storage/knowledgeStore';

const WORDS = ['zwrot', 'towaru', 'reklamacja', 'dostawa', 'kurier', 'paczkomat', 'gwarancja', 'faktura', 'płatność', 'blik', 'przelew', 'rabat', 'konto', 'hasło', 'zamówienie', 'anulować', 'wymiana', 'rozmiar', 'returns', 'delivery', 'warranty', 'invoice', 'within', 'days', 'free', 'order', 'refund', 'courier'];
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

function manual(chars: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let section = 0; size < chars; section++) {
    const block = [`# Rozdział ${section}`];
    for (let p = 0; p < 4; p++) {
      const sentences = Array.from({ length: 3 + Math.floor(random() * 5) }, () => `${Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(WORDS)).join(' ')}.`);
      block.push(sentences.join(' '));
    }
    const text = block.join('\n\n');
    parts.push(text);
    size += text.length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
}

const text = manual(KNOWLEDGE_LIMITS.extractedChars);
const source: KnowledgeSource = {
  id: 'manual',
  title: 'Instrukcja',
  url: null,
  kind: 'pdf',
  fileName: 'manual.pdf',
  characters: text.length,
  textRevision: 1,
  passages: 0,
  status: 'indexing',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
};
const store: KnowledgeStore = {
  list: async () => [source],
  get: async () => source,
  getText: async () => text,
  create: async () => source,
  update: async () => source,
  setIndexed: async () => undefined,
  delete: async () => true,
};

/** The longest gap, in ms, between turns of a 1 ms timer (a chat waiting for the loop) while `run` goes on. */
async function longestStall(run: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 5));
  longest = 0;
  last = performance.now();
  await run();
  // One more turn, so a synchronous run's gap is measured too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  return longest;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const splitMs: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  splitPassages(text);
  splitMs.push(performance.now() - t0);
}
const passages = splitPassages(text);

const chunked: number[] = [];
const sync: number[] = [];
let index: KnowledgeIndex | null = null;
for (let run = 0; run < 3; run++) {
  index = new KnowledgeIndex(store, createLogger('silent'));
  const current = index;
  chunked.push(await longestStall(() => current.ready()));
  // The same work without yielding: split, then add every passage in one call.
  sync.push(
    await longestStall(async () => {
      const docs = splitPassages(text).map((p, n) => ({ key: n + 1, passageId: `manual#${n}`, sourceId: 'manual', heading: p.heading ?? '', text: passageText(p), generation: 1 }));
      createSearchIndex().addAll(docs);
    }),
  );
}

const queries = ['ile dni na zwrot towaru', 'czy dostawa kurierem jest darmowa', 'how long is the warranty', 'faktura za zamówienie', 'płatność blik'];
for (const q of queries) await index!.search(q, 5);
const searchMs: number[] = [];
for (let i = 0; i < 100; i++) {
  const t0 = performance.now();
  await index!.search(queries[i % queries.length]!, 5);
  searchMs.push(performance.now() - t0);
}

console.log(`source: ${text.length.toLocaleString('en')} characters -> ${passages.length} passages`);
console.log(`splitting into passages: ${median(splitMs).toFixed(1)} ms (median of 5)`);
console.log(
  `longest event-loop stall while indexing: chunked ${median(chunked).toFixed(1)} ms; baseline synchronous split + addAll ${median(sync).toFixed(1)} ms; ratio ${(median(sync) / median(chunked)).toFixed(1)}x shorter (median of 3)`,
);
console.log(`one retrieval (5 passages) over this index: ${median(searchMs).toFixed(2)} ms (median of 100)`);
