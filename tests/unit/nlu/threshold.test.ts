import { describe, expect, it } from 'vitest';
import { chooseThreshold } from '../../../runtime/src/nlu/threshold';

describe('chooseThreshold', () => {
  it('cuts between correct in-scope confidences and out-of-scope ones when they separate', () => {
    const inScope = [0.9, 0.8, 0.7].map((confidence) => ({ confidence, correct: true }));
    const t = chooseThreshold(inScope, [0.2, 0.3], 0.5);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThanOrEqual(0.7);
    expect(t).toBeCloseTo(0.5, 5);
  });

  it('ignores wrong in-scope predictions when counting accuracy', () => {
    const inScope = [
      { confidence: 0.9, correct: true },
      { confidence: 0.4, correct: false },
    ];
    // Rejecting the wrong one costs nothing, and the out-of-scope one at 0.35 is rejected too.
    expect(chooseThreshold(inScope, [0.35], 1)).toBeGreaterThan(0.4);
  });

  it('weighs out-of-scope recall against accuracy', () => {
    const inScope = [0.9, 0.6, 0.5, 0.45].map((confidence) => ({ confidence, correct: true }));
    const oos = [0.55];
    // Rejecting 0.55 costs three correct answers: worth it only when recall weighs a lot.
    expect(chooseThreshold(inScope, oos, 0.25)).toBeLessThan(0.45);
    expect(chooseThreshold(inScope, oos, 5)).toBeGreaterThan(0.55);
  });

  it('counts out-of-scope items the none class already caught as rejected at any threshold', () => {
    const inScope = [0.3, 0.4].map((confidence) => ({ confidence, correct: true }));
    expect(chooseThreshold(inScope, [-Infinity, -Infinity], 1)).toBeLessThan(0.3);
  });

  it('rejects at least the required share of out-of-scope phrases even when accuracy pays for it', () => {
    const inScope = [0.9, 0.8, 0.7, 0.6].map((confidence) => ({ confidence, correct: true }));
    const oos = [0.65, 0.75, 0.2, 0.1];
    // Without a floor the cut stays below every correct answer (the two easy ones are rejected anyway).
    expect(chooseThreshold(inScope, oos, 0)).toBeLessThanOrEqual(0.6);
    // Three of four must be rejected: the cut has to pass 0.65, giving up the answer at 0.6 only.
    const t = chooseThreshold(inScope, oos, 0, 0.75);
    expect(t).toBeGreaterThan(0.65);
    expect(t).toBeLessThanOrEqual(0.7);
  });

  it('a floor of 0 leaves the weighted choice unchanged', () => {
    const inScope = [0.9, 0.6, 0.5, 0.45].map((confidence) => ({ confidence, correct: true }));
    expect(chooseThreshold(inScope, [0.55], 0.25, 0)).toBe(chooseThreshold(inScope, [0.55], 0.25));
  });
});
