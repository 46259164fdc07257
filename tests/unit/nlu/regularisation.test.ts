import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPER, epochsFor, l2For } from '../../../runtime/src/nlu/fit';

describe('passes over the data', () => {
  it('gives a small flow the most passes and a 15,000-phrase set the fewest', () => {
    expect(epochsFor(300, DEFAULT_HYPER)).toBe(DEFAULT_HYPER.epochs);
    expect(epochsFor(15_400, DEFAULT_HYPER)).toBe(DEFAULT_HYPER.minEpochs);
    expect(epochsFor(8_000, DEFAULT_HYPER)).toBeGreaterThan(DEFAULT_HYPER.minEpochs);
    expect(epochsFor(8_000, DEFAULT_HYPER)).toBeLessThan(DEFAULT_HYPER.epochs);
  });
});

describe('L2 strength per training run', () => {
  const l2 = (examples: number) => l2For(examples, { ...DEFAULT_HYPER, epochs: epochsFor(examples, DEFAULT_HYPER) });

  it('keeps a small flow at the cap and weakens per step as the training set grows', () => {
    expect(l2(300)).toBe(DEFAULT_HYPER.maxL2);
    expect(l2(15_400)).toBeLessThan(DEFAULT_HYPER.maxL2 / 5);
    expect(l2(15_400)).toBeGreaterThan(0);
  });

  it('holds the total shrinkage (learning rate x l2 x steps) once under the cap', () => {
    for (const n of [8_000, 15_400]) {
      const epochs = epochsFor(n, DEFAULT_HYPER);
      expect(DEFAULT_HYPER.learningRate * l2(n) * epochs * n).toBeCloseTo(DEFAULT_HYPER.shrinkage, 6);
    }
  });
});
