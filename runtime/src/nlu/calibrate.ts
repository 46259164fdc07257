import { decide, fit, score, type HashedDoc, type Hyper } from './fit';
import { seededRandom, shuffleInPlace } from './random';
import { chooseThreshold, type InScopeSample } from './threshold';

export interface LabelledDocs {
  docs: HashedDoc[];
  /** Class per doc: 0..intents-1 for intents, `intents` for "none". */
  labels: number[];
  intents: number;
  hasNone: boolean;
}

/**
 * Chooses the fallback threshold from the training phrases alone. Each fold holds out a
 * stratified slice of phrases (scored as in-scope) and, at the same time, every phrase of a
 * group of intents, which the fold's model has never seen and so must reject: a stand-in for the
 * out-of-scope messages real customers send. Held-out "none" phrases count as out-of-scope too.
 * Returns null when there is nothing to calibrate against.
 */
export function calibrateThreshold(data: LabelledDocs, hyper: Hyper, seed: number): number | null {
  const { inScope, heldOutIntents, none } = calibrationSamples(data, hyper, seed);
  const oos = [...heldOutIntents, ...none];
  if (inScope.length === 0 || oos.length === 0) return null;
  return chooseThreshold(inScope, oos, hyper.oosWeight, hyper.minOosRecall, MAX_CORRECT_LOSS);
}

/**
 * Share of the right in-scope answers the calibrated threshold may turn away (1 in 200) in
 * reaching `minOosRecall` of the out-of-scope stand-ins. Chosen on CLINC150 and Banking77 splits
 * carved from their training files (see README, "Measured figures").
 */
export const MAX_CORRECT_LOSS = 0.005;

export interface CalibrationSamples {
  inScope: InScopeSample[];
  /** Confidences of phrases of the intents a fold hid (-Infinity where "none" won). */
  heldOutIntents: number[];
  /** Confidences of held-out "none" phrases (-Infinity where "none" won). */
  none: number[];
}

/** The held-out confidences `calibrateThreshold` chooses from (see there). */
export function calibrationSamples(data: LabelledDocs, hyper: Hyper, seed: number): CalibrationSamples {
  const { docs, labels, intents, hasNone } = data;
  const classes = intents + (hasNone ? 1 : 0);
  const noneClass = hasNone ? intents : null;
  const random = seededRandom(seed ^ 0x5bd1e995);
  const k = Math.max(2, Math.min(hyper.folds, docs.length));
  const fold = stratifiedFolds(labels, classes, k, random);
  // Each fold hides about `heldOutIntents` of the intents. Hiding a larger share would leave the
  // fold's model with far fewer classes than the final one, so its softmax would be surer of
  // everything and the threshold would come out too high. Intents in groups >= k are never hidden.
  const groups = Math.max(k, Math.round(1 / hyper.heldOutIntents));
  const group = shuffleInPlace(
    Array.from({ length: intents }, (_, i) => i),
    random,
  ).reduce<number[]>((acc, intent, i) => {
    acc[intent] = intents > 1 ? i % groups : -1;
    return acc;
  }, []);

  const inScope: InScopeSample[] = [];
  const heldOutIntents: number[] = [];
  const none: number[] = [];
  for (let g = 0; g < k; g++) {
    const isHeldIntent = (label: number) => label < intents && group[label] === g;
    const train: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      const label = labels[i] as number;
      if (fold[i] !== g && !isHeldIntent(label)) train.push(i);
    }
    if (train.length === 0 || train.length === docs.length) continue;
    const model = fit(
      train.map((i) => docs[i] as HashedDoc),
      train.map((i) => labels[i] as number),
      classes,
      noneClass,
      hyper,
      seed + g + 1,
    );
    for (let i = 0; i < docs.length; i++) {
      const label = labels[i] as number;
      const heldIntent = isHeldIntent(label);
      if (fold[i] !== g && !heldIntent) continue;
      const d = decide(score(model, docs[i] as HashedDoc), intents, noneClass, hyper.coveragePower);
      const oosConfidence = d.noneWins ? -Infinity : d.confidence;
      if (heldIntent) heldOutIntents.push(oosConfidence);
      else if (label === noneClass) none.push(oosConfidence);
      else inScope.push({ confidence: d.confidence, correct: !d.noneWins && d.best === label });
    }
  }
  return { inScope, heldOutIntents, none };
}

/** Fold number per item, each class dealt round-robin after a seeded shuffle. */
function stratifiedFolds(labels: number[], classes: number, k: number, random: () => number): number[] {
  const fold = new Array<number>(labels.length).fill(0);
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((label, i) => byClass[label]?.push(i));
  let offset = 0;
  for (const members of byClass) {
    shuffleInPlace(members, random);
    members.forEach((i, n) => {
      fold[i] = (offset + n) % k;
    });
    // Rotating the start spreads small classes over different folds.
    offset += members.length;
  }
  return fold;
}
