import type { Logger } from 'pino';
import type { FlowDocument } from '../../../runtime/src/schema';
import { buildFlowModels, modelKeys } from '../../../runtime/src/nlu/flowModels';
import type { FlowStore } from '../storage/flowStore';
import type { FlowModels, FlowModelStore } from './modelStore';

/** A flow's models, or null when it has no intent steps, FAQs or global intents. Train before publishing. */
export function trainVersionModels(flow: FlowDocument): FlowModels | null {
  return modelKeys(flow).length === 0 ? null : buildFlowModels(flow);
}

export async function saveVersionModels(store: FlowModelStore, flowId: string, version: number, models: FlowModels | null): Promise<void> {
  if (models !== null) await store.save(flowId, version, models);
}

/**
 * At start, before any chat: every live version whose models were never stored (published
 * before models were) gets them trained and saved now, so no customer's turn waits for training.
 * A flow whose stored models cannot be read is logged and left to the chat path's error handling.
 */
export async function ensureLiveVersionModels(flows: FlowStore, store: FlowModelStore, logger: Logger): Promise<number> {
  let trained = 0;
  for (const summary of await flows.list()) {
    try {
      const live = await flows.getLive(summary.id);
      if (!live || modelKeys(live.flow).length === 0) continue;
      if (await store.load(summary.id, live.number)) continue;
      await store.save(summary.id, live.number, buildFlowModels(live.flow));
      trained++;
    } catch (err) {
      logger.error({ err, flowId: summary.id }, 'Could not prepare the intent models of a live version at start');
    }
  }
  if (trained > 0) logger.info({ trained }, 'Trained the intent models of live versions published before models were stored');
  return trained;
}

/**
 * A version's models for the chat runtime, read once per version and kept (versions are
 * immutable). A version published before models were stored is trained once and its models
 * saved, so no later turn trains.
 */
export function versionModelLoader(store: FlowModelStore, logger: Logger, capacity = 200) {
  const cache = new Map<string, Promise<FlowModels>>();
  const load = async (flowId: string, version: number, flow: FlowDocument): Promise<FlowModels> => {
    if (modelKeys(flow).length === 0) return {};
    const stored = await store.load(flowId, version);
    if (stored) return stored;
    logger.warn({ flowId, version }, 'Published version has no stored intent models; training them once');
    const models = buildFlowModels(flow);
    await store.save(flowId, version, models);
    return models;
  };
  return (flowId: string, version: number, flow: FlowDocument): Promise<FlowModels> => {
    const key = `${flowId}\u0000${version}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = load(flowId, version, flow);
      // A failed read is retried on the next turn rather than cached.
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    }
    return hit;
  };
}
