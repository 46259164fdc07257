import { flowModel } from '../nlu/flowModels';
import { predict } from '../nlu/predict';
import type { Turn } from './turn';

export interface Classification {
  /** The class (intent id, FAQ item id) that cleared the threshold, or null to fall back. */
  id: string | null;
  /** The best class's confidence, 0..1, whether or not it cleared the threshold. */
  confidence: number;
  /**
   * The best-scoring class even when it did not clear the threshold (null without a model or a
   * score): recorded with a fallback so the review of unrecognised messages can suggest it.
   */
  best: string | null;
}

/** Rounded so variables and events show a readable figure, not 17 digits. */
const round = (v: number) => Math.round(v * 1000) / 1000;

/** Classifies a customer message with the model stored (or, in preview, trained) under `key`. */
export function classify(turn: Turn, key: string, text: string, threshold: number | undefined): Classification {
  const model = flowModel(turn.flow, key, turn.ctx.models);
  if (!model) return { id: null, confidence: 0, best: null };
  const prediction = predict(model, text, threshold === undefined ? {} : { threshold });
  const top = prediction.ranking[0];
  return { id: prediction.intent, confidence: round(prediction.confidence), best: top && top.score > 0 ? top.intent : null };
}
