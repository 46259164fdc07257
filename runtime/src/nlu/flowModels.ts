import type { FlowDocument } from '../schema/flow';
import type { FlowNode } from '../schema/node';
import { genericNonePhrases } from './genericNone';
import { trainClassifier, TrainingInputError, type TrainInput } from './train';
import type { TrainedModel } from './model';
import { GLOBAL_MIN_THRESHOLD, NODE_MIN_THRESHOLD, thresholdFloor } from './thresholdFloor';

/** The key of the flow-level global intents' model in a models record. */
export const GLOBAL_MODEL_KEY = '__global';

/** Fixed so that the same flow always trains the same model, in the editor and on the server. */
export const FLOW_MODEL_SEED = 7;

const nonBlank = (phrases: readonly string[] | undefined) => (phrases ?? []).filter((p) => p.trim() !== '');

/**
 * What a key's model trains on, or null when the key needs no model. Classes are named by id
 * (intent id = output handle, FAQ item id), so renaming an intent never breaks a stored model.
 * Entries without phrases are left out: the validator reports them, the rest still work.
 */
export function trainingInput(flow: Pick<FlowDocument, 'locale' | 'settings'>, node: FlowNode | typeof GLOBAL_MODEL_KEY): TrainInput | null {
  const base = { locale: flow.locale, seed: FLOW_MODEL_SEED };
  let input: TrainInput;
  if (node === GLOBAL_MODEL_KEY) {
    const g = flow.settings.globalIntents;
    input = { ...base, intents: g.intents.map((i) => ({ name: i.id, examples: nonBlank(i.examples) })) };
    if (g.threshold !== undefined) input.threshold = g.threshold;
  } else if (node.type === 'intent') {
    const d = node.data;
    input = { ...base, intents: d.intents.map((i) => ({ name: i.id, examples: nonBlank(i.examples) })) };
    if (d.noneExamples) input.noneExamples = nonBlank(d.noneExamples);
    if (d.threshold !== undefined) input.threshold = d.threshold;
  } else if (node.type === 'faq') {
    const d = node.data;
    input = {
      ...base,
      intents: d.items.map((i) => ({ name: i.id, examples: nonBlank([i.question, ...(i.variants ?? [])]) })),
    };
    if (d.threshold !== undefined) input.threshold = d.threshold;
  } else {
    return null;
  }
  const seen = new Set<string>();
  // Duplicate ids are a validator error; training keeps the first so the rest of the node works.
  input.intents = input.intents.filter((i) => i.examples.length > 0 && !seen.has(i.name) && seen.add(i.name));
  return input.intents.length > 0 ? input : null;
}

/**
 * The one training path of a published flow (and of the preview, and of `npm run nlu:eval`):
 * the built-in out-of-scope phrases join the "none" class (unless `input.genericNone` says
 * otherwise), and the calibrated threshold is raised to the floor for `baseFloor` and the model's
 * number of intents (see `thresholdFloor`); a threshold staff set is kept.
 */
export function trainForFlow(input: TrainInput, baseFloor: number): TrainedModel {
  const model = trainClassifier({ genericNone: genericNonePhrases(input.locale), ...input });
  if (model.thresholdSource !== 'given') model.threshold = Math.max(model.threshold, thresholdFloor(baseFloor, model.intents.length));
  return model;
}

function train(input: TrainInput | null, baseFloor: number): TrainedModel | null {
  if (input === null) return null;
  try {
    return trainForFlow(input, baseFloor);
  } catch (err) {
    // Phrases made only of punctuation leave nothing to learn; such a node always falls back.
    if (err instanceof TrainingInputError) return null;
    throw err;
  }
}

/** The keys of every model a flow needs: intent and FAQ node ids, plus GLOBAL_MODEL_KEY. */
export function modelKeys(flow: FlowDocument): string[] {
  const keys = flow.nodes.filter((n) => n.type === 'intent' || n.type === 'faq').map((n) => n.id);
  if (flow.settings.globalIntents.intents.length > 0) keys.push(GLOBAL_MODEL_KEY);
  return [...new Set(keys)];
}

/**
 * The model an intent or FAQ step runs with, trained the way publishing trains it: what the
 * editor's checks use, so they show what customers will get.
 */
export function modelForNode(flow: Pick<FlowDocument, 'locale' | 'settings'>, node: FlowNode): TrainedModel | null {
  return train(trainingInput(flow, node), NODE_MIN_THRESHOLD);
}

function trainKey(flow: FlowDocument, key: string): TrainedModel | null {
  if (key === GLOBAL_MODEL_KEY) return train(trainingInput(flow, GLOBAL_MODEL_KEY), GLOBAL_MIN_THRESHOLD);
  const node = flow.nodes.find((n) => n.id === key);
  return node ? train(trainingInput(flow, node), NODE_MIN_THRESHOLD) : null;
}

/**
 * Every model a flow needs, trained deterministically: what the API stores with a published
 * version. A key with nothing to learn from is absent, and the engine then always falls back.
 */
export function buildFlowModels(flow: FlowDocument): Record<string, TrainedModel> {
  const models: Record<string, TrainedModel> = Object.create(null);
  for (const key of modelKeys(flow)) {
    const model = trainKey(flow, key);
    if (model) models[key] = model;
  }
  return models;
}

// Flow objects are immutable once handed over (the editor replaces the object on each change),
// so a preview trains each model at most once per edit, and only the ones the conversation reaches.
const lazy = new WeakMap<FlowDocument, Map<string, TrainedModel | null>>();

/**
 * The model for `key`: from `models` when the host supplies them (never training), else
 * trained on first use and cached with the flow object.
 */
export function flowModel(
  flow: FlowDocument,
  key: string,
  models: Readonly<Record<string, TrainedModel>> | undefined,
): TrainedModel | null {
  if (models) return Object.hasOwn(models, key) ? models[key]! : null;
  let cache = lazy.get(flow);
  if (!cache) lazy.set(flow, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, trainKey(flow, key));
  return cache.get(key) ?? null;
}
