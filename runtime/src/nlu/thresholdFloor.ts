/**
 * Lowest threshold an intent or FAQ step runs with unless staff set one, for a step of up to
 * `FULL_FLOOR_UP_TO` intents. Calibration on a handful of phrases per intent (typical for a flow,
 * unlike a benchmark) lands near zero and would route "my name is John" to some intent; a bot
 * that is unsure must say so instead.
 */
export const NODE_MIN_THRESHOLD = 0.35;
/** Global intents interrupt any question, so a stray match costs more: they must be surer. */
export const GLOBAL_MIN_THRESHOLD = 0.5;
/** Up to this many intents the floor is the whole base value. */
export const FULL_FLOOR_UP_TO = 8;

/**
 * The floor for a model of `intents` intents: `base` up to 8 intents, then falling with the fourth
 * root of the number of intents (0.35 becomes 0.25 at 30 intents and 0.17 at 150). A confidence
 * is the best intent's share among all the intents, and with many intents a right answer shares
 * it with more look-alikes ("transfer money" and "transfer history"), so a fixed floor would turn
 * away many right answers of a big step. Such a step has many phrases to calibrate on, so its
 * calibrated threshold can be trusted to do the rest; the floor still sits far above the share a
 * blind guess among its intents would get (1 / intents). The fourth root was chosen on flow
 * shapes carved from the CLINC150 and Banking77 training files (see README).
 */
export function thresholdFloor(base: number, intents: number): number {
  return base * Math.min(1, Math.pow(FULL_FLOOR_UP_TO / Math.max(1, intents), 0.25));
}
