import { describe, expect, it } from 'vitest';
import type { LabelledText } from '../../../runtime/src/nlu/dataset';
import { flowShapeSplit } from '../../../runtime/src/nlu/split';

const lines = (intent: string, n: number, tag: string): LabelledText[] => Array.from({ length: n }, (_, i) => ({ text: `${tag} ${intent} ${i}`, intent }));
const train = [...lines('a', 6, 'tr'), ...lines('b', 6, 'tr'), ...lines('c', 6, 'tr'), ...lines('oos', 4, 'tr')];
const test = [...lines('a', 2, 'te'), ...lines('b', 2, 'te'), ...lines('c', 2, 'te'), ...lines('oos', 2, 'te')];

describe('flowShapeSplit', () => {
  it('trains on K sampled intents with P phrases each and no oos lines', () => {
    const s = flowShapeSplit(train, test, 2, 3, 5);
    expect(s.chosen).toHaveLength(2);
    expect(s.train).toHaveLength(6);
    expect(new Set(s.train.map((l) => l.intent))).toEqual(new Set(s.chosen));
    expect(s.train.every((l) => l.intent !== 'oos')).toBe(true);
  });

  it('turns every test message of an intent not chosen into oos', () => {
    const s = flowShapeSplit(train, test, 2, 3, 5);
    const dropped = ['a', 'b', 'c'].find((i) => !s.chosen.includes(i))!;
    expect(s.test.filter((l) => l.text.includes(` ${dropped} `)).every((l) => l.intent === 'oos')).toBe(true);
    expect(s.test.filter((l) => l.intent === 'oos')).toHaveLength(4);
    expect(s.test.filter((l) => s.chosen.includes(l.intent))).toHaveLength(4);
  });

  it('is the same for the same seed and differs across seeds', () => {
    const seeds = [1, 2, 3, 4, 5, 6].map((seed) => flowShapeSplit(train, test, 2, 3, seed).train.map((l) => l.text).join());
    expect(flowShapeSplit(train, test, 2, 3, 1).train.map((l) => l.text).join()).toBe(seeds[0]);
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});
