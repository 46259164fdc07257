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

describe('chooseThreshold with a limit on the right answers it may turn away', () => {
  const inScope = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95].map((confidence) => ({ confidence, correct: true }));
  const oos = [0.15, 0.25, 0.35, 0.45, 0.55, 0.65];

  it('stops at the highest cut within the limit when the recall aim lies beyond it', () => {
    // Half of the out-of-scope phrases fall back only above 0.35, which costs three right answers.
    expect(chooseThreshold(inScope, oos, 0, 0.5)).toBeGreaterThan(0.35);
    // One right answer in ten may go: the cut stays between 0.15 and 0.2.
    const t = chooseThreshold(inScope, oos, 0, 0.5, 0.1);
    expect(t).toBeGreaterThan(0.15);
    expect(t).toBeLessThanOrEqual(0.2);
    // None may go: the cut stays below the lowest right answer.
    expect(chooseThreshold(inScope, oos, 0, 0.5, 0)).toBeLessThanOrEqual(0.1);
  });

  it('takes the recall aim when it is within the limit', () => {
    expect(chooseThreshold(inScope, oos, 0, 0.5, 0.3)).toBe(chooseThreshold(inScope, oos, 0, 0.5));
  });

  it('wrong answers turned away do not count against the limit', () => {
    const mixed = [{ confidence: 0.12, correct: false }, ...[0.5, 0.6].map((confidence) => ({ confidence, correct: true }))];
    const t = chooseThreshold(mixed, [0.11, 0.13], 0, 1, 0);
    // Both out-of-scope phrases fall back, and the wrong answer at 0.12 with them, at no cost.
    expect(t).toBeGreaterThan(0.13);
    expect(t).toBeLessThanOrEqual(0.5);
  });
});
