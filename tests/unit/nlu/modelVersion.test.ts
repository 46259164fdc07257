import { describe, expect, it } from 'vitest';
import { parseFlowModels } from '../../../runtime/src/nlu/modelSchema';
import { predict } from '../../../runtime/src/nlu/predict';
import { trainClassifier } from '../../../runtime/src/nlu/train';

const input = {
  locale: 'en',
  seed: 7,
  intents: [
    { name: 'track', examples: ['where is my order', 'track my parcel', 'has my package shipped'] },
    { name: 'refund', examples: ['I want my money back', 'refund please', 'return this item'] },
  ],
  noneExamples: ['hello', 'tell me a joke', 'what is the weather'],
};

describe('stored model versions', () => {
  const current = trainClassifier(input);

  it('trains version 2', () => {
    expect(current.version).toBe(2);
  });

  it('loads a version 1 model (stored before v2) and scores it by the v1 rule', () => {
    const v1 = JSON.parse(JSON.stringify({ ...current, version: 1 }));
    const parsed = parseFlowModels({ node: v1 });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const text = 'where is my parcel';
    const old = predict(parsed.models.node!, text);
    const now = predict(current, text);
    // v1: raw class probabilities, "none" keeps its share, so the intents' scores sum below 1.
    // v2: the best intent's share among the intents alone, so they sum to the coverage damping.
    const sum = (p: typeof old) => p.ranking.reduce((a, r) => a + r.score, 0);
    expect(sum(old)).toBeLessThan(sum(now));
    expect(old.confidence).toBeLessThan(now.confidence);
    expect(old.ranking[0]!.intent).toBe(now.ranking[0]!.intent);
  });

  it('refuses an unknown version with a clear issue', () => {
    const parsed = parseFlowModels({ node: { ...current, version: 3 } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.path).toBe('node.version');
  });
});
