import { describe, expect, it } from 'vitest';
import { parseJsonl, toTrainInput } from '../../../runtime/src/nlu/dataset';
import { evaluatePredictions } from '../../../runtime/src/nlu/evaluate';
import type { Prediction } from '../../../runtime/src/nlu/predict';
import { fewShotSplit, holdOutIntents, stratifiedSplit } from '../../../runtime/src/nlu/split';

const said = (intent: string | null): Prediction => ({ intent, confidence: intent ? 0.9 : 0.1, ranking: [] });

describe('evaluatePredictions', () => {
  it('computes in-scope accuracy, oos recall and oos precision as defined', () => {
    const items = [
      { text: 'a', intent: 'x' },
      { text: 'b', intent: 'x' },
      { text: 'c', intent: 'y' },
      { text: 'd', intent: 'oos' },
      { text: 'e', intent: 'oos' },
    ];
    const f = evaluatePredictions(items, [said('x'), said(null), said('x'), said(null), said('y')]);
    expect(f.inScopeAccuracy).toBeCloseTo(1 / 3);
    expect(f.oosRecall).toBe(0.5);
    // Two fallbacks, one of them out of scope.
    expect(f.oosPrecision).toBe(0.5);
    expect(f.perIntent[0]).toEqual({ intent: 'y', total: 1, correct: 0, accuracy: 0 });
    expect(f.confusions).toContainEqual({ expected: 'oos', predicted: 'y', count: 1 });
    expect(f.confusions).toContainEqual({ expected: 'x', predicted: null, count: 1 });
  });

  it('reports null for 0/0 ratios', () => {
    const f = evaluatePredictions([{ text: 'a', intent: 'x' }], [said('x')]);
    expect(f.oosRecall).toBeNull();
    expect(f.oosPrecision).toBeNull();
    expect(f.inScopeAccuracy).toBe(1);
  });
});

describe('JSONL datasets', () => {
  it('parses lines, skips blanks and names the bad line', () => {
    expect(parseJsonl('{"text":"hi","intent":"greet"}\n\n{"text":"x","intent":"oos"}\n')).toHaveLength(2);
    expect(() => parseJsonl('{"text":"hi","intent":"greet"}\nnope', 'f.jsonl')).toThrow('f.jsonl:2: not valid JSON');
    expect(() => parseJsonl('{"text":"hi"}', 'f.jsonl')).toThrow('f.jsonl:1: expected');
  });

  it('turns oos lines into none examples', () => {
    const input = toTrainInput(parseJsonl('{"text":"a","intent":"x"}\n{"text":"b","intent":"oos"}\n{"text":"c","intent":"x"}'), 'en');
    expect(input.intents).toEqual([{ name: 'x', examples: ['a', 'c'] }]);
    expect(input.noneExamples).toEqual(['b']);
  });
});

describe('splits', () => {
  const items = ['a', 'b', 'c'].flatMap((intent) => Array.from({ length: 20 }, (_, i) => ({ text: `${intent}${i}`, intent })));

  it('few-shot keeps n per intent for training and the rest for testing', () => {
    const s = fewShotSplit(items, 5, 1);
    expect(s.train).toHaveLength(15);
    expect(s.test).toHaveLength(45);
    expect(new Set([...s.train, ...s.test].map((i) => i.text)).size).toBe(60);
  });

  it('stratified split is seeded and keeps each intent’s share', () => {
    const s = stratifiedSplit(items, 0.8, 2);
    expect(s.train.filter((i) => i.intent === 'b')).toHaveLength(16);
    expect(stratifiedSplit(items, 0.8, 2)).toEqual(s);
    expect(stratifiedSplit(items, 0.8, 3)).not.toEqual(s);
  });

  it('held-out intents leave training and come back as oos in testing', () => {
    const s = holdOutIntents(stratifiedSplit(items, 0.8, 1), 1, 1);
    const held = s.heldOut[0]!;
    expect(s.train.some((i) => i.intent === held)).toBe(false);
    expect(s.test.filter((i) => i.intent === 'oos')).toHaveLength(4);
    expect(s.test.some((i) => i.intent === held)).toBe(false);
  });
});
