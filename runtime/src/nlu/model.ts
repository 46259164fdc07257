import type { BlockWeights } from './vectorize';

/**
 * A trained intent classifier as plain JSON: stored with the published flow version and loaded
 * by the editor preview and the server alike, so a chat turn never retrains.
 */
export interface TrainedModel {
  format: 'switchboard-nlu';
  /**
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

export type ModelVersion = 1 | 2;
export const MODEL_VERSION: ModelVersion = 2;

export function classCount(model: Pick<TrainedModel, 'intents' | 'hasNone'>): number {
  return model.intents.length + (model.hasNone ? 1 : 0);
}
