import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../editor/src/widget/backoff';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    const top = (attempt: number) => backoffDelay(attempt, { random: () => 0.999999 });
    expect([0, 1, 2, 3, 4].map(top)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(top(5)).toBe(30000);
    expect(top(50)).toBe(30000);
  });

  it('jitters within the upper half of each step', () => {
    expect(backoffDelay(3, { random: () => 0 })).toBe(4000);
    expect(backoffDelay(3, { random: () => 0.5 })).toBe(6000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(2);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('honours custom base and cap', () => {
    expect(backoffDelay(0, { baseMs: 200, maxMs: 500, random: () => 0.999999 })).toBe(200);
    expect(backoffDelay(4, { baseMs: 200, maxMs: 500, random: () => 0 })).toBe(250);
  });
});
