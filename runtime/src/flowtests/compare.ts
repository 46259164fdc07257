import type { VariableValue } from '../schema/common';
import type { SessionStatus } from '../engine/types';

/** Where a run first departs from its test case, in terms a flow author can act on. */
export type TestDifference =
  /** The bot said something else at this position. */
  | { kind: 'text'; step: number; index: number; expected: string; actual: string }
  /** The bot said less than expected. */
  | { kind: 'missing'; step: number; index: number; expected: string; actual: null }
  /** The bot said more than expected. */
  | { kind: 'extra'; step: number; index: number; expected: null; actual: string }
  /** After the last step the conversation is in another state. */
  | { kind: 'status'; step: number; expected: SessionStatus; actual: SessionStatus }
  /** After the last step a variable holds another value; `actual` is null when unset. */
  | { kind: 'variable'; step: number; variable: string; expected: VariableValue; actual: VariableValue }
  /** The engine failed on this step; a flow must never make it throw, so this is a bug to report. */
  | { kind: 'error'; step: number; expected: null; actual: string };

/** The first difference between the texts a step expects and those the bot said, if any. */
export function compareTexts(step: number, expected: readonly string[], actual: readonly string[]): TestDifference | null {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) {
    const e = expected[index];
    const a = actual[index];
    if (e === a) continue;
    if (a === undefined) return { kind: 'missing', step, index, expected: e!, actual: null };
    if (e === undefined) return { kind: 'extra', step, index, expected: null, actual: a };
    return { kind: 'text', step, index, expected: e, actual: a };
  }
  return null;
}

/** Variables saved from answers are compared by value: 2 and "2" differ, as they do in conditions. */
export function compareVariables(
  step: number,
  expected: Readonly<Record<string, VariableValue>>,
  actual: Readonly<Record<string, VariableValue>>,
): TestDifference | null {
  for (const [variable, value] of Object.entries(expected)) {
    const got = Object.hasOwn(actual, variable) ? actual[variable]! : null;
    if (got !== value) return { kind: 'variable', step, variable, expected: value, actual: got };
  }
  return null;
}
