import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbStores, DATA_FILES } from '../../api/src/storage/lowdb/openStores';
import { seedSamples } from '../../api/src/bootstrap/seedSamples';
import { createLogger } from '../../api/src/logger';
import { flowDocumentSchema } from '../../runtime/src/schema';
import { validFlow } from './support/flows';
import { orderCase } from './support/flowTestCases';
import { samples } from '../../samples';

let dir: string;
const clock = () => Date.parse('2026-01-01T00:00:00Z');
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-flowtests-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const doc = (name = 'A') => flowDocumentSchema.parse({ ...validFlow('f1'), name });

describe('LowdbFlowStore test cases', () => {
  it('stores tests on create, keeps them across a save, replaces them whole, and persists them', async () => {
    const stores = await openLowdbStores(dir, clock);
    expect((await stores.flows.create(doc(), null, [orderCase('a')])).tests).toEqual([orderCase('a')]);
    const saved = await stores.flows.save(doc('B'), 1, null);
    expect(saved).toMatchObject({ ok: true, stored: { revision: 2, tests: [orderCase('a')] } });
    expect(await stores.flows.setTests('f1', [orderCase('b'), orderCase('c')])).toHaveLength(2);
    expect(await stores.flows.setTests('missing', [])).toBeNull();
    expect((await stores.flows.get('f1'))?.revision).toBe(2);

    const reopened = await openLowdbStores(dir, clock);
    expect((await reopened.flows.get('f1'))?.tests.map((c) => c.id)).toEqual(['b', 'c']);
  });

  it('hands out copies, so a caller cannot change the stored tests', async () => {
    const stores = await openLowdbStores(dir, clock);
    await stores.flows.create(doc(), null, [orderCase('a')]);
    (await stores.flows.get('f1'))!.tests.length = 0;
    expect((await stores.flows.get('f1'))?.tests).toHaveLength(1);
  });

  it('reads a flows file written before tests existed as having none', async () => {
    const entry = { flow: doc(), revision: 3, createdAt: 'x', updatedAt: 'x', updatedBy: null, live: null };
    await writeFile(path.join(dir, DATA_FILES.flows), JSON.stringify({ flows: { f1: entry }, versions: { f1: [] } }));
    const stores = await openLowdbStores(dir, clock);
    expect(await stores.flows.get('f1')).toMatchObject({ revision: 3, tests: [] });
    const saved = await stores.flows.save(doc('B'), 3, null);
    expect(saved).toMatchObject({ ok: true, stored: { tests: [] } });
  });

  it('seeds each sample with its scripted conversations as tests', async () => {
    const stores = await openLowdbStores(dir, clock);
    await seedSamples(stores, createLogger('silent'));
    for (const sample of samples) expect((await stores.flows.get(sample.id))?.tests).toEqual(sample.tests);
  });
});
