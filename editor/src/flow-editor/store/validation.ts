import { validateFlow } from '@switchboard/runtime';
import type { GetState } from './state';

/** Long enough that typing does not validate per keystroke, short enough to feel live. */
export const VALIDATION_DELAY_MS = 150;
/**
 * From this size a freshly loaded flow is validated after its first paint: the run takes a
 * noticeable slice of opening a big flow, and the card badges can fill in a moment later.
 */
export const DEFER_LOAD_VALIDATION_FROM = 200;
/** Longest wait for an idle moment before validating a freshly loaded large flow anyway. */
const IDLE_TIMEOUT_MS = 500;

let cancelPending: (() => void) | null = null;

function cancel(): void {
  cancelPending?.();
  cancelPending = null;
}

export function validateNow(get: GetState): void {
  cancel();
  const s = get();
  if (s.flowId === null) return;
  s.setProblems(validateFlow(s.toDocument()));
}

export function scheduleValidation(get: GetState): void {
  cancel();
  const timer = setTimeout(() => validateNow(get), VALIDATION_DELAY_MS);
  cancelPending = () => clearTimeout(timer);
}

/** Validates once the browser is idle; any edit before then validates on its usual schedule. */
export function validateWhenIdle(get: GetState): void {
  cancel();
  if (typeof requestIdleCallback !== 'function') {
    scheduleValidation(get);
    return;
  }
  const handle = requestIdleCallback(() => validateNow(get), { timeout: IDLE_TIMEOUT_MS });
  cancelPending = () => cancelIdleCallback(handle);
}
