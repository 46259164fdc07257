import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileModelStore } from '../../../api/src/intentModels/modelStore';
import { ensureLiveVersionModels } from '../../../api/src/intentModels/versionModels';
import type { FlowStore, FlowVersion } from '../../../api/src/storage/flowStore';
import type { FlowDocument } from '../../../runtime/src/schema';
import { intentFlow } from '../engine/intentFaqFlows';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-live-models-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Only what ensureLiveVersionModels reads of a flow store. */
function flowsWithLive(live: Record<string, FlowVersion | null>): FlowStore {
  return {
    list: async () => Object.keys(live).map((id) => ({ id }) as Awaited<ReturnType<FlowStore['list']>>[number]),
    getLive: async (id: string) => live[id] ?? null,
  } as unknown as FlowStore;
}

const version = (flowId: string, number: number, flow: FlowDocument): FlowVersion => ({ flowId, number, flow, note: '', publishedAt: '2026-01-01T00:00:00.000Z', publishedBy: null });

describe('ensureLiveVersionModels (at start, so no chat turn trains)', () => {
  it('trains and saves the models of a live version that has none, and leaves stored ones alone', async () => {
    const store = fileModelStore(dir);
    const flow = intentFlow();
    const flows = flowsWithLive({ a: version('a', 3, flow), b: null });
    expect(await ensureLiveVersionModels(flows, store, pino({ level: 'silent' }))).toBe(1);
    const saved = await store.load('a', 3);
    expect(saved && Object.keys(saved).length).toBeGreaterThan(0);
    expect(await store.load('b', 1)).toBeNull();
    // A second start finds them stored and trains nothing.
    expect(await ensureLiveVersionModels(flows, store, pino({ level: 'silent' }))).toBe(0);
  });
});
