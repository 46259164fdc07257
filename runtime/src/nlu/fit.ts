import { MODEL_VERSION, type ModelVersion } from './model';
import { softmaxInto, trainSoftmax } from './softmax';
import { buildFeatureIndex, vectorizeCounts, type BlockWeights, type FeatureIndex } from './vectorize';

/** Training knobs. The defaults (see `DEFAULT_HYPER`) were tuned on Banking77 splits carved from its training file. */
export interface Hyper {
  blockWeights: BlockWeights;
  /** Upper bound on passes over the data; see `epochsFor`. */
  epochs: number;
  /**
   * Lower bound on passes. Two suffice once the last is averaged: on a split of CLINC150's
   * training file, 2 averaged passes matched 3 plain ones (top-1 94.7 both) at two thirds of the
   * time, which keeps training 15,000 phrases inside its budget.
   */
  minEpochs: number;
  /** SGD steps aimed for: large training sets converge in fewer passes, so they get fewer. */
  stepBudget: number;
  learningRate: number;
  /** L2 strength per step; `trainClassifier` sets it from `shrinkage` (see `l2For`) unless given. */
  l2: number;
  /**
   * Total L2 shrinkage over a whole training run (learning rate x l2 x steps). A fixed l2 would
   * shrink a 15,000-phrase model many times harder than a flow's 200 phrases, since it applies
   * once per step: CLINC150's 150-class softmax then stays too unsure to clear the node floor.
   */
  shrinkage: number;
  /** Upper bound on `l2` for very small training sets. */
  maxL2: number;
  /**
   * Averaged SGD: the model is the mean of the weights over every step of this many final
   * passes (0: the last step's weights). Averaging the last pass gained about 2 points of top-1
   * on Banking77 (a split of its training file), as much as averaging every pass or 32 passes
   * without averaging, at a small fraction of their cost.
   */
  averagedPasses: number;
  /** Loss weight of the "none" class relative to an intent. */
  noneWeight: number;
  /** The "none" class weighs at most this many average intents in the loss (see `fit`). */
  noneBalance: number;
  coveragePower: number;
  /** Weight of out-of-scope recall against in-scope accuracy when calibrating the threshold. */
  oosWeight: number;
  /** Out-of-scope recall the calibrated threshold must reach on the calibration folds. */
  minOosRecall: number;
  /** Share of the intents each calibration fold hides to stand in for out-of-scope messages. */
  heldOutIntents: number;
  /** Cross-validation folds used for calibration. */
  folds: number;
}

export const DEFAULT_HYPER: Hyper = {
  blockWeights: { words: 1, bigrams: 0.5, chars: 1 },
  epochs: 8,
  minEpochs: 2,
  stepBudget: 30_000,
  learningRate: 4,
  l2: 1e-5,
  // About what l2 = 1e-5 gave a typical flow (a few hundred phrases and built-in "none" phrases,
  // 8 passes); for CLINC150 it comes to about 1e-6.
  shrinkage: 0.15,
  maxL2: 1e-5,
  averagedPasses: 1,
  noneWeight: 1,
  noneBalance: 2,
  coveragePower: 1,
  oosWeight: 0,
  minOosRecall: 0.5,
  folds: 2,
  heldOutIntents: 0.2,
};

/** One message as hashed feature counts per block (words, bigrams, chars). */
export type HashedDoc = Map<number, number>[];

export interface Scorer {
  index: FeatureIndex;
  weights: Float32Array;
  bias: Float64Array;
  weightScale: number;
  classes: number;
  coveragePower: number;
}

export interface Fitted extends Scorer {
  hashes: number[];
  idf: number[];
}

export function epochsFor(examples: number, hyper: Hyper): number {
  return Math.max(hyper.minEpochs, Math.min(hyper.epochs, Math.round(hyper.stepBudget / Math.max(1, examples))));
}

export function l2For(examples: number, hyper: Hyper): number {
  return Math.min(hyper.maxL2, hyper.shrinkage / (hyper.learningRate * hyper.epochs * Math.max(1, examples)));
}

export function fit(docs: HashedDoc[], labels: number[], classes: number, noneClass: number | null, hyper: Hyper, seed: number): Fitted {
  const { hashes, idf } = buildFeatureIndex(docs);
  const index = makeIndex(hashes, idf, hyper.blockWeights);
  const rows = docs.map((d) => vectorizeCounts(d, index));
  const classWeights = new Float64Array(classes).fill(1);
  if (noneClass !== null) {
    // The built-in out-of-scope phrases outnumber a small flow's phrases many times over; left
    // at full weight, "none" would swallow every message in words the intents never used. Its
    // total weight is held to `noneBalance` average intents.
    let none = 0;
    for (const l of labels) if (l === noneClass) none++;
    const meanIntent = (labels.length - none) / Math.max(1, classes - 1);
    classWeights[noneClass] = hyper.noneWeight * Math.min(1, (hyper.noneBalance * meanIntent) / Math.max(1, none));
  }
  const { weights, bias } = trainSoftmax(rows, labels, hashes.length, classes, {
    epochs: hyper.epochs,
    learningRate: hyper.learningRate,
    l2: hyper.l2,
    seed,
    classWeights,
    averageFrom: hyper.averagedPasses > 0 ? Math.max(0, hyper.epochs - hyper.averagedPasses) : undefined,
  });
  return { index, hashes, idf, weights, bias, weightScale: 1, classes, coveragePower: hyper.coveragePower };
}

export function makeIndex(hashes: ArrayLike<number>, idf: ArrayLike<number>, blockWeights: BlockWeights): FeatureIndex {
  const column = new Map<number, number>();
  for (let i = 0; i < hashes.length; i++) column.set(hashes[i] as number, i);
  return { column, idf: Float64Array.from(idf), blockWeights };
}

/**
 * Share of the message's character n-grams that training ever saw. Gibberish and foreign
 * topics score near 0, so their class probabilities (which softmax always spreads to sum 1)
 * are not mistaken for confidence.
 */
export function coverage(doc: HashedDoc, index: FeatureIndex): number {
  const chars = doc[2];
  if (!chars || chars.size === 0) return 0;
  let known = 0;
  let total = 0;
  for (const [h, n] of chars) {
    total += n;
    if (index.column.has(h)) known += n;
  }
  return known / total;
}

export interface Scores {
  /** Probability of each class, in class order. */
  probs: Float64Array;
  coverage: number;
}

export function score(scorer: Scorer, doc: HashedDoc): Scores {
  const row = vectorizeCounts(doc, scorer.index);
  const probs = softmaxInto(row, scorer.weights, scorer.bias, scorer.classes, new Float64Array(scorer.classes), scorer.weightScale);
  return { probs, coverage: coverage(doc, scorer.index) };
}

/** The best in-scope class and its confidence (probability damped by vocabulary coverage). */
export function decide(
  scores: Scores,
  intents: number,
  noneClass: number | null,
  coveragePower: number,
  version: ModelVersion = MODEL_VERSION,
): { best: number; confidence: number; noneWins: boolean } {
  let best = 0;
  for (let c = 1; c < intents; c++) if ((scores.probs[c] as number) > (scores.probs[best] as number)) best = c;
  const damp = Math.pow(scores.coverage, coveragePower);
  const pNone = noneClass === null ? 0 : (scores.probs[noneClass] as number);
  if (version === 1) return { best, confidence: (scores.probs[best] as number) * damp, noneWins: noneClass !== null && pNone > (scores.probs[best] as number) };
  // "None" must hold most of the probability to win: beating a split field of intents by a
  // hair is no sign that the message belongs to none of them.
  const noneWins = pNone > 0.5;
  return { best, confidence: (scores.probs[best] as number) * damp * intentShare(scores, noneClass), noneWins };
}

/**
 * Scale from a class's probability to its share among the intents alone. "None" decides by
 * winning outright (`noneWins`); it must not also drain every intent's confidence, or the
 * built-in out-of-scope phrases would push each message under the threshold.
 */
export function intentShare(scores: Scores, noneClass: number | null): number {
  if (noneClass === null) return 1;
  const rest = 1 - (scores.probs[noneClass] as number);
  return rest > 0 ? 1 / rest : 0;
}
