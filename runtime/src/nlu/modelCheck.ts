import { genericNonePhrases } from './genericNone';
import { predict } from './predict';
import { trainClassifier, type TrainInput } from './train';

/** Two intents the model mixes up, with the phrases that show it. */
export interface CloseIntents {
  a: string;
  b: string;
  /** Phrases (of either intent) that a model which never saw them gives to the other one, or nearly. */
  phrases: string[];
}

/**
 * A phrase counts against a pair when the other intent scores at least this share of the
 * phrase's own intent's score: one more similar phrase written by staff would tip it.
 */
export const CLOSE_MARGIN = 0.75;
/**
 * A pair is reported when at least this share of the smaller intent's phrases (and never fewer
 * than two) count against it: with a handful of phrases one stray judgement is noise.
 */
export const CLOSE_SHARE = 0.2;
/** Intents with fewer phrases are not judged: held out of three, any wording looks "close". */
export const CLOSE_MIN_PHRASES = 4;
const FOLDS = 5;
const MAX_SHOWN = 3;

/**
 * Pairs of intents the classifier cannot keep apart. A model remembers its own phrases, so each
 * phrase is judged by a model trained without it (5-fold, the flow training path with the
 * same features, built-in out-of-scope phrases and seed), as a customer's new wording would be.
 */
export function closeIntents(input: TrainInput): CloseIntents[] {
  const phrases = input.intents.flatMap((intent) => intent.examples.map((text) => ({ intent: intent.name, text })));
  const pairs = new Map<string, CloseIntents>();
  const folds = Math.min(FOLDS, phrases.length);
  for (let f = 0; f < folds; f++) {
    const held = phrases.filter((_, i) => i % folds === f);
    const intents = input.intents
      .map((intent) => ({ name: intent.name, examples: intent.examples.filter((_, j) => !held.some((h) => h.intent === intent.name && h.text === intent.examples[j])) }))
      .filter((intent) => intent.examples.length > 0);
    if (intents.length < 2) continue;
    const model = trainClassifier({ genericNone: genericNonePhrases(input.locale), ...input, intents, threshold: 0 });
    for (const { intent, text } of held) {
      if (!intents.some((i) => i.name === intent)) continue;
      const { ranking } = predict(model, text, { threshold: 0 });
      const own = ranking.find((r) => r.intent === intent)?.score ?? 0;
      const rival = ranking.find((r) => r.intent !== intent);
      if (!rival || rival.score === 0 || rival.score < own * CLOSE_MARGIN) continue;
      const [a, b] = [intent, rival.intent].sort() as [string, string];
      const key = `${a}\u0000${b}`;
      const pair = pairs.get(key) ?? { a, b, phrases: [] };
      pair.phrases.push(text);
      pairs.set(key, pair);
    }
  }
  const size = new Map(input.intents.map((i) => [i.name, i.examples.length]));
  const smaller = (p: CloseIntents) => Math.min(size.get(p.a) ?? 0, size.get(p.b) ?? 0);
  return [...pairs.values()]
    .filter((p) => smaller(p) >= CLOSE_MIN_PHRASES && p.phrases.length >= Math.max(2, CLOSE_SHARE * smaller(p)))
    .sort((x, y) => y.phrases.length - x.phrases.length || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .map((p) => ({ ...p, phrases: p.phrases.slice(0, MAX_SHOWN) }));
}
