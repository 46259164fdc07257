import type { StepResult } from './types';
import type { Turn } from './turn';
import { currentInput } from './currentInput';

// Apart from turn.ts because the expected input comes from the node handlers, which use turn.ts.
/** The turn's result: the session, what was said, what the customer is asked next, the effects. */
export function finish(turn: Turn): StepResult {
  return { session: turn.session, outputs: turn.outputs, input: currentInput(turn.flow, turn.session), effects: turn.effects };
}
