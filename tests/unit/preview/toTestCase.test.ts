import { describe, expect, it } from 'vitest';
import { flowTestCaseSchema, runTestCase } from '../../../runtime/src/flowtests';
import { advancePreview, beginPreview } from '../../../editor/src/flow-editor/preview/conversation';
import { conversationToTestCase, newCaseId } from '../../../editor/src/flow-editor/preview/toTestCase';
import { bankCard, tickingContext, withText } from './fixtures';

function lostCardChat() {
  const flow = bankCard();
  const ctx = tickingContext();
  let c = beginPreview(flow, ctx);
  c = advancePreview(flow, c, { type: 'option', optionId: 'opt-lost' }, ctx);
  c = advancePreview(flow, c, { type: 'text', text: 'maybe' }, ctx);
  c = advancePreview(flow, c, { type: 'text', text: 'yes' }, ctx);
  c = advancePreview(flow, c, { type: 'text', text: 'no' }, ctx);
  return { flow, c };
}

describe('preview conversation to test case', () => {
  it('records inputs, bot texts and the final status in the stored format', () => {
    const { c } = lostCardChat();
    const testCase = conversationToTestCase(c, { id: 'lost', name: '  Lost card  ' });
    expect(flowTestCaseSchema.safeParse(testCase).success).toBe(true);
    expect(testCase.name).toBe('Lost card');
    expect(testCase.expectStatus).toBe('completed');
    expect(testCase.steps.map((s) => s.input)).toEqual([
      null,
      { type: 'option', optionId: 'opt-lost' },
      { type: 'text', text: 'maybe' },
      { type: 'text', text: 'yes' },
      { type: 'text', text: 'no' },
    ]);
    expect(testCase.steps[2]!.expect).toEqual(['Please answer yes or no.']);
    expect(testCase.now).toBe(new Date(c.startedAt).toISOString());
  });

  it('passes when replayed on the same flow', () => {
    const { flow, c } = lostCardChat();
    const result = runTestCase(flow, conversationToTestCase(c, { id: 'lost', name: 'Lost card' }));
    expect(result.firstDifference).toBeUndefined();
    expect(result.passed).toBe(true);
  });

  it('fails with the changed text as the first difference once a message is edited', () => {
    const { flow, c } = lostCardChat();
    const testCase = conversationToTestCase(c, { id: 'lost', name: 'Lost card' });
    const edited = withText(flow, 'goodbye', 'Bye for now!');
    const result = runTestCase(edited, testCase);
    expect(result.passed).toBe(false);
    expect(result.firstDifference).toEqual({
      kind: 'text',
      step: 4,
      index: 0,
      expected: 'Thank you for banking with Northbank. Take care!',
      actual: 'Bye for now!',
    });
  });

  it('picks an id not yet in the suite', () => {
    const now = 1_700_000_000_000;
    const base = `preview-${now.toString(36)}`;
    expect(newCaseId([], now)).toBe(base);
    expect(newCaseId([{ id: base }, { id: `${base}-2` }], now)).toBe(`${base}-3`);
  });
});
