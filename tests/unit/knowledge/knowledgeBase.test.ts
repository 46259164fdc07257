import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStores } from '../../../api/src/storage/lowdb/openStores';
import type { Stores } from '../../../api/src/storage/stores';
import { KnowledgeBase } from '../../../api/src/knowledge/knowledgeBase';
import { createLogger } from '../../../api/src/logger';

let dir: string;
let stores: Stores;
const logger = createLogger('silent');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-kb-'));
  stores = await openLowdbStores(dir, () => Date.parse('2026-03-02T09:00:00Z'));
});
afterEach(async () => {
  stores.audit.close();
  await rm(dir, { recursive: true, force: true });
});

const source = (title: string, text: string, url: string | null = null) => stores.knowledge.create({ title, url, kind: 'text', fileName: null, text }, null);

describe('the knowledge retriever', () => {
  it('indexes saved sources on first use, as after a restart, and marks them ready', async () => {
    const a = await source('Payments', 'We accept BLIK, cards and bank transfers.', 'https://shop.example.com/pay');
    await source('Delivery', 'Parcels arrive in two days.');
    // A fresh process: the store has the texts, the index is built when first asked.
    const reopened = await openLowdbStores(dir, Date.now);
    const kb = new KnowledgeBase(reopened.knowledge, reopened.flows, logger);
    const passages = await kb.retrieve({ text: 'can I pay with blik?', limit: 3 });
    expect(passages).toEqual([
      { id: `${a.id}#0`, sourceId: a.id, sourceTitle: 'Payments', sourceUrl: 'https://shop.example.com/pay', text: 'We accept BLIK, cards and bank transfers.', score: expect.any(Number) },
    ]);
    expect((await reopened.knowledge.get(a.id))?.status).toBe('ready');
    reopened.audit.close();
  });

  it('keeps to the sources asked for and to the limit, best first', async () => {
    const kb = new KnowledgeBase(stores.knowledge, stores.flows, logger);
    const one = await source('Returns A', 'Returns are free. Returns take 14 days. Return by courier.');
    const two = await source('Returns B', 'Returns cost 10 zł.');
    await kb.index.ready();
    const all = await kb.retrieve({ text: 'returns', limit: 5 });
    expect(all.map((p) => p.sourceId)).toEqual([one.id, two.id]);
    expect(all[0]!.score).toBeGreaterThan(all[1]!.score);
    expect((await kb.retrieve({ text: 'returns', limit: 1 })).map((p) => p.sourceId)).toEqual([one.id]);
    expect((await kb.retrieve({ text: 'returns', limit: 5, sourceIds: [two.id] })).map((p) => p.sourceId)).toEqual([two.id]);
    expect(await kb.retrieve({ text: 'the and of', limit: 5 })).toEqual([]);
  });

  it('serves the old passages until a re-indexed source is complete, never a mix', async () => {
    const kb = new KnowledgeBase(stores.knowledge, stores.flows, logger);
    const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} mentions the warranty number ${i}.`).join('\n\n');
    const s = await source('Manual', long);
    await kb.index.ready();
    const before = (await kb.retrieve({ text: 'warranty', limit: 100 })).length;
    expect(before).toBeGreaterThan(5);

    await stores.knowledge.update(s.id, { content: { text: 'Only one warranty sentence now.', kind: 'text', fileName: null } }, null);
    const reindexing = kb.index.sourceChanged(s.id);
    // While the new passages go in chunk by chunk, searches still see exactly the old set.
    const during = await kb.retrieve({ text: 'warranty', limit: 100 });
    expect([before, 1]).toContain(during.length);
    await reindexing;
    const after = await kb.retrieve({ text: 'warranty', limit: 100 });
    expect(after.map((p) => p.text)).toEqual(['Only one warranty sentence now.']);
    expect((await stores.knowledge.get(s.id))).toMatchObject({ passages: 1, status: 'ready' });

    await stores.knowledge.delete(s.id);
    await kb.index.sourceDeleted(s.id);
    expect(await kb.retrieve({ text: 'warranty', limit: 100 })).toEqual([]);
  });
});
