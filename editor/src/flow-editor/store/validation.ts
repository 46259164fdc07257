import { validateFlow } from '../../../../runtime/src/validator';
import type { GetState } from './state';

/** Long enough that typing does not validate per keystroke, short enough to feel live. */
export const VALIDATION_DELAY_MS = 150;

let timer: ReturnType<typeof setTimeout> | null = null;

export function validateNow(get: GetState): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const s = get();
  if (s.flowId === null) return;
  s.setProblems(validateFlow(s.toDocument()));
}

export function scheduleValidation(get: GetState): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => validateNow(get), VALIDATION_DELAY_MS);
}
