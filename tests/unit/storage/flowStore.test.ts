import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStores } from '../../../api/src/storage/lowdb/openStores';
import type { Stores } from '../../../api/src/storage/stores';
import { flowDocumentSchema } from '../../../runtime/src/schema';
import { validFlow } from '../../api/support/flows';

let dir: string;
let stores: Stores;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-flows-'));
  stores = await openLowdbStores(dir, () => Date.parse('2026-01-01T00:00:00Z'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const doc = (name = 'A') => flowDocumentSchema.parse({ ...validFlow('f1'), name });

describe('LowdbFlowStore', () => {
  it('saves only on the expected revision', async () => {
    await stores.flows.create(doc(), 'u1');
    expect(await stores.flows.save(doc('B'), 1, 'u2')).toMatchObject({ ok: true, stored: { revision: 2, updatedBy: 'u2' } });
    const stale = await stores.flows.save(doc('C'), 1, 'u3');
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { revision: 2, flow: { name: 'B' } } });
    expect(await stores.flows.save({ ...doc(), id: 'nope' }, 1, null)).toEqual({ ok: false, reason: 'notFound' });
  });

  it('keeps versions immutable: mutating a returned copy changes nothing stored', async () => {
    await stores.flows.create(doc(), null);
    const v1 = await stores.flows.publish('f1', { note: 'one', by: null });
    v1.flow.name = 'tampered';
    (await stores.flows.getLive('f1'))!.flow.nodes.length = 0;
    await stores.flows.save(doc('Draft 2'), 1, null);
    const again = await stores.flows.getVersion('f1', 1);
    expect(again?.flow.name).toBe('A');
    expect(again?.flow.nodes).toHaveLength(3);
  });

  it('numbers versions, sets and clears the live one, and persists it all', async () => {
    await stores.flows.create(doc(), null);
    await stores.flows.publish('f1', { note: 'one', by: null });
    await stores.flows.publish('f1', { note: 'two', by: null, flow: doc('Two') });
    expect((await stores.flows.getLive('f1'))?.number).toBe(2);
    await stores.flows.setLive('f1', 1);
    await expect(stores.flows.setLive('f1', 7)).rejects.toThrow(/no version 7/);
    const reopened = await openLowdbStores(dir, Date.now);
    expect((await reopened.flows.getLive('f1'))?.number).toBe(1);
    expect((await reopened.flows.listVersions('f1')).map((v) => v.number)).toEqual([2, 1]);
    const [summary] = await reopened.flows.list();
    expect(summary).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });
    await reopened.flows.setLive('f1', null);
    expect(await reopened.flows.getLive('f1')).toBeNull();
  });

  it('deletes a flow with its versions', async () => {
    await stores.flows.create(doc(), null);
    await stores.flows.publish('f1', { note: '', by: null });
    expect(await stores.flows.delete('f1')).toBe(true);
    expect(await stores.flows.listVersions('f1')).toEqual([]);
    expect(await stores.flows.delete('f1')).toBe(false);
  });
});
