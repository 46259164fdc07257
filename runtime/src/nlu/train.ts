import { calibrateThreshold, type LabelledDocs } from './calibrate';
import { DEFAULT_HYPER, epochsFor, fit, l2For, type HashedDoc, type Hyper } from './fit';
import { MODEL_VERSION, type TrainedModel } from './model';
import { textFeatures } from './normalize';
import { distantFrom } from './similarity';
import { hashedCounts } from './vectorize';

export interface IntentExamples {
  name: string;
  examples: string[];
}

export interface TrainInput {
  intents: IntentExamples[];
  /** Phrases that belong to none of the intents; they train an extra class that always falls back. */
  noneExamples?: string[];
  /**
   * Built-in out-of-scope phrases (see genericNone.ts) that join `noneExamples`, except those
   * too close to a phrase of one of the intents: staff's phrases win.
   */
  genericNone?: readonly string[];
  locale: string;
  /** A fixed threshold (e.g. set by staff on the node) instead of the calibrated one. */
  threshold?: number;
  /** Training is deterministic for a given seed. */
  seed?: number;
  /** Overrides of the tuned defaults, for evaluation experiments. */
  hyper?: Partial<Hyper>;
}

/** Used when calibration has nothing to work with, e.g. a single intent and no "none" phrases. */
export const DEFAULT_THRESHOLD = 0.5;
const DEFAULT_SEED = 7;
/**
 * A built-in out-of-scope phrase whose TF-IDF cosine with any intent phrase reaches this is left
 * out: "hello there" must not teach "none" in a flow that has a greeting intent.
 */
export const GENERIC_MAX_SIMILARITY = 0.3;

export class TrainingInputError extends Error {
  override name = 'TrainingInputError';
}

/** What training fits and calibrates on: the hashed phrases, their classes and the run's knobs. */
export interface PreparedTraining extends LabelledDocs {
  names: string[];
  hyper: Hyper;
  seed: number;
}

export function prepareTraining(input: TrainInput): PreparedTraining {
  const names = input.intents.map((i) => i.name);
  if (names.length === 0) throw new TrainingInputError('at least one intent is needed');
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new TrainingInputError(`intent "${duplicate}" is listed twice`);
  if (names.some((n) => n.trim() === '')) throw new TrainingInputError('intent names must not be empty');

  const hyper: Hyper = { ...DEFAULT_HYPER, ...input.hyper };
  const seed = input.seed ?? DEFAULT_SEED;
  const docs: HashedDoc[] = [];
  const labels: number[] = [];
  const add = (text: string, label: number) => {
    const features = textFeatures(text, input.locale);
    // Punctuation-only phrases carry nothing to learn from.
    if (features.chars.length === 0) return;
    docs.push(hashedCounts(features));
    labels.push(label);
  };
  input.intents.forEach((intent, label) => intent.examples.forEach((text) => add(text, label)));
  const intents = names.length;
  const noneStart = docs.length;
  for (const text of input.noneExamples ?? []) add(text, intents);
  if (noneStart === 0) throw new TrainingInputError('at least one intent needs an example phrase');
  if (input.genericNone && input.genericNone.length > 0) {
    const generic = input.genericNone.map((text) => textFeatures(text, input.locale)).filter((f) => f.chars.length > 0).map(hashedCounts);
    for (const doc of distantFrom(generic, docs.slice(0, noneStart), GENERIC_MAX_SIMILARITY)) {
      docs.push(doc);
      labels.push(intents);
    }
  }
  const hasNone = docs.length > noneStart;

  // Calibration folds train with the same number of passes as the final model.
  hyper.epochs = epochsFor(docs.length, hyper);
  if (input.hyper?.l2 === undefined) hyper.l2 = l2For(docs.length, hyper);
  return { names, docs, labels, intents, hasNone, hyper, seed };
}

export function trainClassifier(input: TrainInput): TrainedModel {
  const { names, docs, labels, intents, hasNone, hyper, seed } = prepareTraining(input);
  const classes = intents + (hasNone ? 1 : 0);
  const fitted = fit(docs, labels, classes, hasNone ? intents : null, hyper, seed);
  const calibrated = input.threshold === undefined ? calibrateThreshold({ docs, labels, intents, hasNone }, hyper, seed) : null;
  const { weightScale, weights } = quantize(fitted.weights);
  return {
    format: 'switchboard-nlu',
    version: MODEL_VERSION,
    locale: input.locale,
    intents: names,
    hasNone,
    threshold: round(input.threshold ?? calibrated ?? DEFAULT_THRESHOLD, 1e6),
    thresholdSource: input.threshold !== undefined ? 'given' : calibrated !== null ? 'calibrated' : 'default',
    blockWeights: { ...hyper.blockWeights },
    features: fitted.hashes,
    idf: fitted.idf.map((v) => round(v, 1e6)),
    weightScale,
    weights,
    bias: Array.from(fitted.bias, (v) => round(v, 1e6)),
    coveragePower: hyper.coveragePower,
  };
}

const QUANT_LEVELS = 32767;

/** 16-bit integers: a twelfth of the JSON of full doubles, and predictions do not move. */
function quantize(weights: Float32Array): { weightScale: number; weights: number[] } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) {
    const a = Math.abs(weights[i] as number);
    if (a > max) max = a;
  }
  const weightScale = max === 0 ? 1 : max / QUANT_LEVELS;
  const inv = 1 / weightScale;
  // A plain loop: Array.from with a mapping function over a typed array of 10^6 weights costs
  // a quarter of a small model's training time.
  const out = new Array<number>(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = Math.round((weights[i] as number) * inv);
  return { weightScale, weights: out };
}

function round(v: number, precision: number): number {
  return Math.round(v * precision) / precision;
}
