import { assertNever } from '../util/assertNever';
import { CHAR_NGRAM_MAX } from './normalize';
import type { BlockWeights } from './vectorize';

/**
 * A trained intent classifier as plain JSON: stored with the published flow version and loaded
 * by the editor preview and the server alike, so a chat turn never retrains.
 */
export interface TrainedModel {
  format: 'switchboard-nlu';
  /**
   * 3: character n-grams of 3 and 4 letters (were 3 to 5); scored as version 2 otherwise.
   * 2: confidence is the best intent's share among the intents and "none" wins only with a
   * majority (models trained with the built-in out-of-scope phrases). 1: stored before that;
   * still loaded and scored by its own rule (see `decide`), since its threshold was calibrated so.
   */
  version: ModelVersion;
  locale: string;
  /** In-scope intents, in class order. */
  intents: string[];
  /** Whether a "none of these" class follows the intents (trained from none examples). */
  hasNone: boolean;
  /** Below this confidence the prediction is a fallback (`intent: null`). */
  threshold: number;
  /** How `threshold` was chosen: cross-validation on the training phrases, or the default. */
  thresholdSource: 'calibrated' | 'default' | 'given';
  blockWeights: BlockWeights;
  /** Feature hash of each column, and its idf. */
  features: number[];
  idf: number[];
  /** Weights are stored as integers to keep the JSON small: real weight = integer * weightScale. */
  weightScale: number;
  /** Feature-major: `weights[column * classes + class]`, classes = intents (+ none). */
  weights: number[];
  bias: number[];
  /** How much of a message must be known vocabulary before its score is trusted (see predict). */
  coveragePower: number;
}

export type ModelVersion = 1 | 2 | 3;
export const MODEL_VERSION: ModelVersion = 3;

/** Versions 1 and 2 were trained on character n-grams up to 5 letters. */
const LEGACY_CHAR_NGRAM_MAX = 5;

/** The longest character n-gram a stored model was trained on: a message is cut up the same way. */
export function charNgramMax(version: ModelVersion): number {
  switch (version) {
    case 1:
    case 2:
      return LEGACY_CHAR_NGRAM_MAX;
    case 3:
      return CHAR_NGRAM_MAX;
    default:
      return assertNever(version);
  }
}

export function classCount(model: Pick<TrainedModel, 'intents' | 'hasNone'>): number {
  return model.intents.length + (model.hasNone ? 1 : 0);
}
