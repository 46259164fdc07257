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
});
