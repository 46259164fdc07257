import { describe, expect, it } from 'vitest';
import { FIXED_NOW, STORE_BACKENDS, useStoreBackend } from './support/backends';
import { KnowledgeBase } from '../../../api/src/knowledge/knowledgeBase';
import { createLogger } from '../../../api/src/logger';

const AT = new Date(FIXED_NOW).toISOString();
const LATER = '2026-01-01T00:05:00.000Z';

describe.each(STORE_BACKENDS)('knowledge store on $name', (backend) => {
  const h = useStoreBackend(backend);
  const store = () => h.current.stores.knowledge;

  it('creates sources, keeps each text apart from the list, and survives a restart', async () => {
    const created = await store().create({ title: 'Zwroty', url: 'https://shop.pl/zwroty', kind: 'markdown', fileName: 'zwroty.md', text: '# Zwroty\n\nMasz 30 dni. Zażółć gęślą jaźń.' }, 'user-1');
    expect(created).toEqual({
      id: expect.any(String),
      title: 'Zwroty',
      url: 'https://shop.pl/zwroty',
      kind: 'markdown',
      fileName: 'zwroty.md',
      characters: 41,
      textRevision: 1,
      passages: 0,
      status: 'indexing',
      createdAt: AT,
      updatedAt: AT,
      updatedBy: 'user-1',
    });
    expect(await store().getText(created.id)).toBe('# Zwroty\n\nMasz 30 dni. Zażółć gęślą jaźń.');
    expect(await store().list()).toEqual([created]);
    const again = (await h.open()).stores.knowledge;
    expect(await again.get(created.id)).toEqual(created);
    expect(await again.getText(created.id)).toBe('# Zwroty\n\nMasz 30 dni. Zażółć gęślą jaźń.');
    expect(await store().get('missing')).toBeNull();
    expect(await store().getText('../../etc/passwd')).toBeNull();
  });

  it('lists the latest change first', async () => {
    const a = await store().create({ title: 'A', url: null, kind: 'text', fileName: null, text: 'a' }, null);
    h.now.value += 60_000;
    const b = await store().create({ title: 'B', url: null, kind: 'text', fileName: null, text: 'b' }, null);
    expect((await store().list()).map((s) => s.id)).toEqual([b.id, a.id]);
    h.now.value += 60_000;
    await store().update(a.id, { title: 'A2' }, null);
    expect((await store().list()).map((s) => s.title)).toEqual(['A2', 'B']);
  });

  it('moves the text revision only with new text, and takes an indexing result only for the current text', async () => {
    const s = await store().create({ title: 'Ceny', url: null, kind: 'text', fileName: null, text: 'stare' }, null);
    await store().setIndexed(s.id, 1, { passages: 3, status: 'ready' });
    expect(await store().get(s.id)).toMatchObject({ passages: 3, status: 'ready', textRevision: 1 });

    h.now.value = Date.parse(LATER);
    const renamed = await store().update(s.id, { title: 'Cennik', url: 'https://shop.pl/cennik' }, 'user-2');
    expect(renamed).toMatchObject({ title: 'Cennik', url: 'https://shop.pl/cennik', textRevision: 1, status: 'ready', updatedAt: LATER, updatedBy: 'user-2' });

    const replaced = await store().update(s.id, { content: { text: 'nowe ceny', kind: 'pdf', fileName: 'ceny.pdf' } }, 'user-2');
    expect(replaced).toMatchObject({ kind: 'pdf', fileName: 'ceny.pdf', characters: 9, textRevision: 2, status: 'indexing', title: 'Cennik' });
    expect(await store().getText(s.id)).toBe('nowe ceny');
    // A late result for the old text is ignored.
    await store().setIndexed(s.id, 1, { passages: 99, status: 'ready' });
    expect(await store().get(s.id)).toMatchObject({ passages: 3, status: 'indexing' });
    await store().setIndexed(s.id, 2, { passages: 1, status: 'ready' });
    expect(await store().get(s.id)).toMatchObject({ passages: 1, status: 'ready' });
    expect(await store().update('missing', { title: 'x' }, null)).toBeNull();
  });

  it('deletes a source with its text', async () => {
    const s = await store().create({ title: 'X', url: null, kind: 'plain', fileName: 'x.txt', text: 'tekst' }, null);
    expect(await store().delete(s.id)).toBe(true);
    expect(await store().delete(s.id)).toBe(false);
    expect(await store().get(s.id)).toBeNull();
    expect(await store().getText(s.id)).toBeNull();
    expect(await store().list()).toEqual([]);
  });

  it.runIf(backend.shared)("reaches another instance's index at its next search", async () => {
    const logger = createLogger('silent');
    const other = await h.open();
    const here = new KnowledgeBase(store(), h.current.stores.flows, logger);
    const there = new KnowledgeBase(other.stores.knowledge, other.stores.flows, logger);
    await there.index.ready();
    const s = await store().create({ title: 'Raty', url: null, kind: 'text', fileName: null, text: 'Płatność w ratach 0%.' }, null);
    await here.index.sourceChanged(s.id);
    expect(await there.retrieve({ text: 'raty', limit: 3 })).toEqual([]);
    await there.index.idle();
    expect((await there.retrieve({ text: 'raty', limit: 3 })).map((p) => p.sourceId)).toEqual([s.id]);
    await store().delete(s.id);
    await there.retrieve({ text: 'raty', limit: 3 });
    await there.index.idle();
    expect(await there.retrieve({ text: 'raty', limit: 3 })).toEqual([]);
  });
});
