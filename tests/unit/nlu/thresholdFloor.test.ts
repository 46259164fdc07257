import { describe, expect, it } from 'vitest';
import { FLOW_MODEL_SEED, trainForFlow } from '../../../runtime/src/nlu/flowModels';
import { FULL_FLOOR_UP_TO, GLOBAL_MIN_THRESHOLD, NODE_MIN_THRESHOLD, thresholdFloor } from '../../../runtime/src/nlu/thresholdFloor';

describe('thresholdFloor', () => {
  it('is the whole base value up to 8 intents', () => {
    for (let k = 1; k <= FULL_FLOOR_UP_TO; k++) {
      expect(thresholdFloor(NODE_MIN_THRESHOLD, k)).toBe(NODE_MIN_THRESHOLD);
      expect(thresholdFloor(GLOBAL_MIN_THRESHOLD, k)).toBe(GLOBAL_MIN_THRESHOLD);
    }
  });

  it('falls with the fourth root of the number of intents beyond that, far above a blind guess', () => {
    expect(thresholdFloor(NODE_MIN_THRESHOLD, 30)).toBeCloseTo(0.2515, 3);
    expect(thresholdFloor(NODE_MIN_THRESHOLD, 150)).toBeCloseTo(0.1682, 3);
    for (let k = FULL_FLOOR_UP_TO + 1; k <= 500; k++) {
      expect(thresholdFloor(NODE_MIN_THRESHOLD, k)).toBeLessThan(thresholdFloor(NODE_MIN_THRESHOLD, k - 1));
      expect(thresholdFloor(NODE_MIN_THRESHOLD, k)).toBeGreaterThan(3 / k);
      // Global intents stay stricter than a step at any size.
      expect(thresholdFloor(GLOBAL_MIN_THRESHOLD, k)).toBeGreaterThan(thresholdFloor(NODE_MIN_THRESHOLD, k));
    }
  });
});

describe('trainForFlow applies the floor for its number of intents', () => {
  // Distinct made-up words per intent: calibration finds them easy to tell apart and lands low.
  const intents = (k: number) =>
    Array.from({ length: k }, (_, i) => ({
      name: `i${i}`,
      examples: [`zorblat${i} kwenth`, `please zorblat${i}`, `zorblat${i} now please`],
    }));

  for (const k of [3, 20]) {
    it(`${k} intents: calibrated, then raised to at least the floor`, () => {
      const model = trainForFlow({ locale: 'en', seed: FLOW_MODEL_SEED, intents: intents(k) }, NODE_MIN_THRESHOLD);
      expect(model.thresholdSource).toBe('calibrated');
      expect(model.threshold).toBeGreaterThanOrEqual(thresholdFloor(NODE_MIN_THRESHOLD, k));
    });
  }

  it('a threshold staff set is kept, even under the floor', () => {
    const model = trainForFlow({ locale: 'en', seed: FLOW_MODEL_SEED, intents: intents(3), threshold: 0.1 }, NODE_MIN_THRESHOLD);
    expect(model.threshold).toBe(0.1);
  });
});
