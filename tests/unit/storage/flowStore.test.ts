import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import type { FlowTestCase } from '../../../runtime/src/flowtests/schema';
import { FlowIdTakenError } from '../../../api/src/storage/flowStore';
import { validFlow } from '../../api/support/flows';
import { seedSamples } from '../../../api/src/bootstrap/seedSamples';
import { createLogger } from '../../../api/src/logger';
import { samples } from '../../../samples';
import { STORE_BACKENDS, useStoreBackend } from './support/backends';

const doc = (name = 'A', id = 'f1') => flowDocumentSchema.parse({ ...validFlow(id), name });

describe.each(STORE_BACKENDS)('FlowStore on $name', (backend) => {
  const h = useStoreBackend(backend);
  const flows = () => h.current.stores.flows;

  it('creates a draft at revision 1 and refuses a taken id', async () => {
    const created = await flows().create(doc(), 'u1', []);
    expect(created).toEqual({ flow: doc(), tests: [], revision: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'u1' });
    expect(await flows().get('f1')).toEqual(created);
    await expect(flows().create(doc('Again'), null)).rejects.toThrow(FlowIdTakenError);
    expect(await flows().get('nope')).toBeNull();
  });

  it('saves only on the expected revision', async () => {
    await flows().create(doc(), 'u1');
    expect(await flows().save(doc('B'), 1, 'u2')).toMatchObject({ ok: true, stored: { revision: 2, updatedBy: 'u2' } });
    const stale = await flows().save(doc('C'), 1, 'u3');
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { revision: 2, flow: { name: 'B' } } });
    expect(await flows().save({ ...doc(), id: 'nope' }, 1, null)).toEqual({ ok: false, reason: 'notFound' });
  });

  it('keeps tests beside the draft: saving leaves them, setting them leaves the revision', async () => {
    const test: FlowTestCase = { id: 't1', name: 'greets', steps: [{ input: null, expect: ['Hi!'] }], expectStatus: 'active' };
    await flows().create(doc(), null, [test]);
    await flows().save(doc('B'), 1, null);
    expect((await flows().get('f1'))?.tests).toEqual([test]);
    expect(await flows().setTests('f1', [])).toEqual([]);
    expect(await flows().get('f1')).toMatchObject({ tests: [], revision: 2 });
    expect(await flows().setTests('nope', [])).toBeNull();
  });

  it('keeps versions immutable: mutating a returned copy changes nothing stored', async () => {
    await flows().create(doc(), null);
    const v1 = await flows().publish('f1', { note: 'one', by: null });
    v1.flow.name = 'tampered';
    (await flows().getLive('f1'))!.flow.nodes.length = 0;
    await flows().save(doc('Draft 2'), 1, null);
    const again = await flows().getVersion('f1', 1);
    expect(again?.flow.name).toBe('A');
    expect(again?.flow.nodes).toHaveLength(3);
  });

  it('numbers versions, sets and clears the live one, and persists it all', async () => {
    await flows().create(doc(), null);
    const v1 = await flows().publish('f1', { note: 'one', by: 'u1' });
    expect(v1).toEqual({ flowId: 'f1', number: 1, flow: doc(), note: 'one', publishedAt: '2026-01-01T00:00:00.000Z', publishedBy: 'u1' });
    const v2 = await flows().publish('f1', { note: 'two', by: null, flow: doc('Two'), overrideNote: 'tests fail, urgent' });
    expect(v2).toMatchObject({ number: 2, flow: { name: 'Two' }, overrideNote: 'tests fail, urgent' });
    expect((await flows().getLive('f1'))?.number).toBe(2);
    await flows().setLive('f1', 1);
    await expect(flows().setLive('f1', 7)).rejects.toThrow(/no version 7/);
    await expect(flows().setLive('nope', 1)).rejects.toThrow(/not found/);
    await expect(flows().publish('nope', { note: '', by: null })).rejects.toThrow(/not found/);
    const reopened = (await h.open()).stores;
    expect((await reopened.flows.getLive('f1'))?.number).toBe(1);
    expect((await reopened.flows.listVersions('f1')).map((v) => v.number)).toEqual([2, 1]);
    expect(await reopened.flows.getVersion('f1', 2)).toEqual(v2);
    const [summary] = await reopened.flows.list();
    expect(summary).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });
    await reopened.flows.setLive('f1', null);
    expect(await reopened.flows.getLive('f1')).toBeNull();
  });

  it('lists summaries newest first, then by name, with unpublished changes flagged', async () => {
    const clock = h.now;
    const timed = flows();
    await timed.create(doc('Beta', 'b'), null);
    await timed.create(doc('Alpha', 'a'), null);
    clock.value += 1000;
    await timed.create(doc('Newest', 'n'), null);
    await timed.publish('n', { note: '', by: null });
    await timed.publish('a', { note: '', by: null });
    await timed.save(doc('Alpha edited', 'a'), 1, 'u9');
    const list = await timed.list();
    expect(list.map((s) => s.id)).toEqual(['a', 'n', 'b']);
    expect(list[0]).toEqual({
      id: 'a',
      name: 'Alpha edited',
      description: doc().description,
      locale: doc().locale,
      revision: 2,
      updatedAt: new Date(clock.value).toISOString(),
      updatedBy: 'u9',
      publishedVersion: 1,
      hasUnpublishedChanges: true,
    });
    expect(list.map((s) => [s.publishedVersion, s.hasUnpublishedChanges])).toEqual([
      [1, true],
      [1, false],
      [null, true],
    ]);
  });

  it('deletes a flow with its versions', async () => {
    await flows().create(doc(), null);
    await flows().publish('f1', { note: '', by: null });
    expect(await flows().delete('f1')).toBe(true);
    expect(await flows().listVersions('f1')).toEqual([]);
    expect(await flows().get('f1')).toBeNull();
    expect(await flows().delete('f1')).toBe(false);
  });

  it('keeps U+0000 in documents and tests exactly, and finds nothing (without failing) for such an id', async () => {
    const test: FlowTestCase = { id: 't1', name: 'nul \u0000 here', steps: [{ input: null, expect: ['a\u0000b'] }] };
    await flows().create(doc('Name with \u0000 inside'), null, [test]);
    expect(await flows().get('f1')).toMatchObject({ flow: { name: 'Name with \u0000 inside' }, tests: [test] });
    expect(await flows().get('f\u00001')).toBeNull();
    expect(await flows().delete('f\u00001')).toBe(false);
    expect(await flows().save(doc('x', 'f\u00001'), 1, 'u\u0000')).toEqual({ ok: false, reason: 'notFound' });
  });

  it('seeds every sample once, with its tests, published as version 1', async () => {
    const stores = h.current.stores;
    expect(await seedSamples(stores, createLogger('silent'))).toBe(samples.length);
    expect(await seedSamples(stores, createLogger('silent'))).toBe(0);
    for (const sample of samples) {
      expect((await stores.flows.get(sample.id))?.tests).toEqual(sample.tests);
      expect((await stores.flows.listVersions(sample.id)).map((v) => v.number)).toEqual([1]);
    }
  });

  it('treats ids like __proto__ as plain ids', async () => {
    await flows().create(doc('Proto', '__proto__'), null);
    expect((await flows().get('__proto__'))?.flow.name).toBe('Proto');
    expect(await flows().get('constructor')).toBeNull();
  });

  it('gives concurrent publishes distinct consecutive numbers and one conflict-free save per revision', async () => {
    await flows().create(doc(), null);
    const published = await Promise.all([1, 2, 3, 4].map((i) => flows().publish('f1', { note: `p${i}`, by: null })));
    expect(published.map((v) => v.number).sort()).toEqual([1, 2, 3, 4]);
    const saves = await Promise.all(['X', 'Y'].map((name) => flows().save(doc(name), 1, null)));
    expect(saves.filter((s) => s.ok)).toHaveLength(1);
    expect(saves.filter((s) => !s.ok && s.reason === 'conflict')).toHaveLength(1);
  });

  describe.runIf(backend.shared)('across instances', () => {
    it('answers a stale save on one instance with a conflict after a save on the other', async () => {
      const a = h.current.stores.flows;
      const b = (await h.open()).stores.flows;
      await a.create(doc(), 'u1');
      expect((await b.save(doc('From B'), 1, 'u2')).ok).toBe(true);
      const stale = await a.save(doc('From A'), 1, 'u1');
      expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { revision: 2, flow: { name: 'From B' } } });
    });

    it('numbers publishes from two instances at once consecutively, the last one live', async () => {
      const a = h.current.stores.flows;
      const b = (await h.open()).stores.flows;
      await a.create(doc(), null);
      const published = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).publish('f1', { note: `p${i}`, by: null })));
      expect(published.map((v) => v.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await b.listVersions('f1')).map((v) => v.number)).toEqual([6, 5, 4, 3, 2, 1]);
      expect((await a.getLive('f1'))?.number).toBe(6);
    });

    it('lets exactly one of two instances create a flow id', async () => {
      const a = h.current.stores.flows;
      const b = (await h.open()).stores.flows;
      const results = await Promise.allSettled([a.create(doc('A'), null), b.create(doc('B'), null)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(FlowIdTakenError);
    });
  });
});
