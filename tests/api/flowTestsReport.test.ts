import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../../runtime/src/schema';
import { describeDifference, failureDetails, testReport } from '../../api/src/flows/testReport';
import type { FlowTestCase } from '../../runtime/src/flowtests/schema';
import { validFlow } from './support/flows';
import { orderCase } from './support/flowTestCases';

const flow = flowDocumentSchema.parse(validFlow('report'));

function messageOf(testCase: FlowTestCase): string | undefined {
  return testReport(flow, [testCase]).results[0]!.message;
}

describe('describing the first difference in words', () => {
  it('names the step and message of a missing or an extra bot message', () => {
    const missing = { ...orderCase(), steps: [{ input: null, expect: ['Your order number?', 'Please type it'] }] };
    expect(messageOf(missing)).toBe('Step 1, message 2: expected "Please type it" but the bot said nothing more');
    const extra = { ...orderCase(), steps: [{ input: null, expect: [] }] };
    expect(messageOf(extra)).toBe('Step 1, message 1: the bot also said "Your order number?", which the test does not expect');
  });

  it('describes a wrong final state and a wrong variable', () => {
    expect(messageOf({ ...orderCase(), expectStatus: 'handedOff' })).toBe('At the end: expected the conversation to be handedOff but it is completed');
    expect(messageOf({ ...orderCase(), expectVariables: { order: 'B-2' } })).toBe('At the end: expected order to be "B-2" but it is "A-17"');
    expect(messageOf({ ...orderCase(), expectStatus: undefined, expectVariables: { email: 'a@b.c' } })).toBe(
      'At the end: expected email to be "a@b.c" but it is null',
    );
  });

  it('reports an engine failure as a step that could not run', () => {
    expect(describeDifference({ kind: 'error', step: 3, expected: null, actual: 'boom' })).toBe('Step 4: the flow could not run: boom');
  });

  it('points failure details at the failing cases only, by id', () => {
    const report = testReport(flow, [orderCase('fine'), { ...orderCase('off'), expectStatus: 'waiting' }]);
    expect(report.passed).toBe(false);
    expect(failureDetails(report)).toEqual([{ path: 'tests.off', message: expect.stringMatching(/^Customer gives an order number \(off\): At the end: /) }]);
    expect(report.results[0]).toEqual({ id: 'fine', name: orderCase('fine').name, passed: true });
  });
});
