import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPER, epochsFor, l2For } from '../../../runtime/src/nlu/fit';

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
