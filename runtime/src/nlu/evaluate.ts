import { OOS_INTENT, type LabelledText } from './dataset';
import type { Prediction } from './predict';

export interface EvaluationFigures {
  /** Correct intent among in-scope test items; a fallback counts as wrong. Null without in-scope items. */
  inScopeAccuracy: number | null;
  /** Out-of-scope test items that fell back / all out-of-scope items. Null without out-of-scope items. */
  oosRecall: number | null;
  /** Out-of-scope items that fell back / all items that fell back. Null when nothing fell back (0/0). */
  oosPrecision: number | null;
  inScopeCount: number;
  oosCount: number;
  fallbackCount: number;
  perIntent: { intent: string; total: number; correct: number; accuracy: number }[];
  /** Most frequent (expected -> predicted) mistakes; predicted null is a fallback. */
  confusions: { expected: string; predicted: string | null; count: number }[];
}

export function evaluatePredictions(items: LabelledText[], predictions: Prediction[]): EvaluationFigures {
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosFellBack = 0;
  let fallbacks = 0;
  const perIntent = new Map<string, { total: number; correct: number }>();
  const confusions = new Map<string, { expected: string; predicted: string | null; count: number }>();
  items.forEach((item, i) => {
    const predicted = predictions[i]?.intent ?? null;
    if (predicted === null) fallbacks++;
    if (item.intent === OOS_INTENT) {
      oos++;
      if (predicted === null) oosFellBack++;
    } else {
      inScope++;
      const stats = perIntent.get(item.intent) ?? { total: 0, correct: 0 };
      stats.total++;
      if (predicted === item.intent) {
        inScopeCorrect++;
        stats.correct++;
      }
      perIntent.set(item.intent, stats);
    }
    const expected = item.intent === OOS_INTENT ? null : item.intent;
    if (predicted !== expected) {
      const key = `${item.intent}\u0000${predicted ?? ''}`;
      const c = confusions.get(key) ?? { expected: item.intent, predicted, count: 0 };
      c.count++;
      confusions.set(key, c);
    }
  });
  return {
    inScopeAccuracy: inScope === 0 ? null : inScopeCorrect / inScope,
    oosRecall: oos === 0 ? null : oosFellBack / oos,
    oosPrecision: fallbacks === 0 ? null : oosFellBack / fallbacks,
    inScopeCount: inScope,
    oosCount: oos,
    fallbackCount: fallbacks,
    perIntent: [...perIntent]
      .map(([intent, s]) => ({ intent, ...s, accuracy: s.correct / s.total }))
      .sort((a, b) => a.accuracy - b.accuracy || a.intent.localeCompare(b.intent)),
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}
