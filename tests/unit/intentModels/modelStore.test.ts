import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileModelStore, InvalidModelsError } from '../../../api/src/intentModels/modelStore';
import { buildFlowModels, flowModel } from '../../../runtime/src/nlu/flowModels';
import { intentFlow, faqFlow } from '../engine/intentFaqFlows';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sb-models-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('buildFlowModels', () => {
  it('is deterministic and keyed by node id', () => {
    const a = buildFlowModels(intentFlow());
    const b = buildFlowModels(intentFlow());
    expect(Object.keys(a)).toEqual(['understand']);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.understand!.intents).toEqual(['track', 'refund', 'hours']);
  });

  it('never trains when the host passes models, even if a key is missing', () => {
    const flow = faqFlow();
    expect(flowModel(flow, 'faq', {})).toBeNull();
    expect(flowModel(flow, 'faq', undefined)?.intents).toEqual(['shipping', 'returns', 'payment']);
  });
});

describe('fileModelStore', () => {
  it('round-trips models and answers null for a version without any', async () => {
    const store = fileModelStore(dir);
    const models = buildFlowModels(intentFlow());
    await store.save('flow-1', 3, models);
    expect(await store.load('flow-1', 3)).toEqual(models);
    expect(await store.load('flow-1', 4)).toBeNull();
  });

  it('keeps odd flow ids inside the models directory', async () => {
    const store = fileModelStore(dir);
    await store.save('../../escape', 1, buildFlowModels(intentFlow()));
    expect(await readdir(dir)).toEqual(['models']);
    expect(await store.load('../../escape', 1)).not.toBeNull();
    await store.deleteFlow('../../escape');
    expect(await store.load('../../escape', 1)).toBeNull();
  });

  it('refuses a tampered file at load', async () => {
    const store = fileModelStore(dir);
    const models = buildFlowModels(intentFlow());
    models.understand!.weights.pop();
    await mkdir(path.join(dir, 'models', 'f'), { recursive: true });
    await writeFile(path.join(dir, 'models', 'f', 'v1.json'), JSON.stringify(models));
    await expect(store.load('f', 1)).rejects.toThrow(InvalidModelsError);
  });
});
