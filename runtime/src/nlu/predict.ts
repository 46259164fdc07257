import { decide, intentShare, makeIndex, score, type Scorer } from './fit';
import { charNgramMax, classCount, type TrainedModel } from './model';
import { textFeatures } from './normalize';
import { hashedCounts } from './vectorize';

export interface Prediction {
  /** The matched intent, or null to take the fallback branch. */
  intent: string | null;
  /** Confidence of the best intent, 0..1, whether or not it cleared the threshold. */
  confidence: number;
  /** Every intent, best first. */
  ranking: { intent: string; score: number }[];
}

export interface PredictOptions {
  /** Overrides `model.threshold`, e.g. a threshold set by staff on the node. */
  threshold?: number;
}

// Models are plain JSON; the lookup tables are rebuilt once per model object, not per message.
const scorers = new WeakMap<TrainedModel, Scorer>();

function scorerFor(model: TrainedModel): Scorer {
  let s = scorers.get(model);
  if (!s) {
    s = {
      index: makeIndex(model.features, model.idf, model.blockWeights),
      weights: Float32Array.from(model.weights),
      bias: Float64Array.from(model.bias),
      weightScale: model.weightScale,
      classes: classCount(model),
      coveragePower: model.coveragePower,
    };
    scorers.set(model, s);
  }
  return s;
}

export function predict(model: TrainedModel, text: string, options: PredictOptions = {}): Prediction {
  const scorer = scorerFor(model);
  const scores = score(scorer, hashedCounts(textFeatures(text, model.locale, charNgramMax(model.version))));
  const intents = model.intents.length;
  const noneClass = model.hasNone ? intents : null;
  const { best, confidence, noneWins } = decide(scores, intents, noneClass, model.coveragePower, model.version);
  const share = model.version === 1 ? 1 : intentShare(scores, noneClass);
  const damp = Math.pow(scores.coverage, model.coveragePower) * share;
  const ranking = model.intents
    .map((intent, c) => ({ intent, score: (scores.probs[c] as number) * damp }))
    .sort((a, b) => b.score - a.score);
  const threshold = options.threshold ?? model.threshold;
  const accepted = !noneWins && confidence >= threshold && confidence > 0;
  return { intent: accepted ? (model.intents[best] ?? null) : null, confidence, ranking };
}
