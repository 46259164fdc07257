import { describe, expect, it } from 'vitest';
import { samples } from '../../../samples';
import { start, step, type StepResult } from '../../../runtime/src/engine';
import { testContext } from '../../../runtime/src/flowtests';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { FlowTestCase } from '../../../runtime/src/flowtests';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Plays a case, optionally freezing every session before it is passed back in. */
function play(flow: FlowDocument, testCase: FlowTestCase, freeze: boolean): StepResult[] {
  const ctx = testContext(testCase);
  const results: StepResult[] = [];
  for (const { input } of testCase.steps) {
    const previous = results.at(-1);
    const r =
      previous === undefined || input === null
        ? start(flow, ctx, { sessionId: 's', flowVersion: 1, ...(testCase.variables ? { variables: testCase.variables } : {}) })
        : step(flow, freeze ? deepFreeze(previous.session) : previous.session, input, ctx);
    results.push(JSON.parse(JSON.stringify(r)) as StepResult);
    if (freeze) results[results.length - 1] = r;
  }
  return results;
}

describe('step never writes to the session it is given', () => {
  // Unchanged variables and retries are shared with the input session rather than copied, so any
  // write that forgot to copy first would land in the caller's object; frozen, it throws instead.
  for (const sample of samples) {
    for (const testCase of sample.tests) {
      it(`${sample.id} / ${testCase.id}: a frozen session gives the same turns`, () => {
        const plain = play(sample.flow, testCase, false);
        const frozen = play(sample.flow, testCase, true);
        expect(JSON.parse(JSON.stringify(frozen))).toEqual(plain);
      });
    }
  }
});
