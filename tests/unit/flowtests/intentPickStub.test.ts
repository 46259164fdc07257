import { describe, expect, it } from 'vitest';
import { runTestCase } from '../../../runtime/src/flowtests/run';
import { flowTestCaseSchema } from '../../../runtime/src/flowtests/schema';
import { edge, flowOf, startTo } from '../engine/helpers';

/** No message clears threshold 1, so every message goes to the (stubbed) model. */
const flow = flowOf({
  nodes: [
    ...startTo('understand').nodes,
    {
      id: 'understand',
      type: 'intent',
      data: {
        threshold: 1,
        askModelWhenUnsure: true,
        intents: [
          { id: 'track', name: 'track order', examples: ['where is my order'] },
          { id: 'refund', name: 'refund', examples: ['refund please'] },
        ],
      },
    },
    { id: 'tracking', type: 'end', data: { text: 'Let me look up your order.' } },
    { id: 'refunds', type: 'end', data: { text: 'Refunds take 5 days.' } },
    { id: 'sorry', type: 'end', data: { text: 'Let me get you a person.' } },
  ],
  edges: [...startTo('understand').edges, edge('understand', 'tracking', 'track'), edge('understand', 'refunds', 'refund'), edge('understand', 'sorry', 'fallback')],
});

const steps = (expect: string[]) => [
  { input: null, expect: [] },
  { input: { type: 'text' as const, text: 'my shoes pinch' }, expect },
];

describe('flow tests stub the intent tie-break', () => {
  it('a stubbed pick routes to that intent', () => {
    const result = runTestCase(flow, flowTestCaseSchema.parse({ id: 't1', name: 'picked', steps: steps(['Refunds take 5 days.']), intentPicks: [{ pick: 'refund' }] }));
    expect(result.passed).toBe(true);
    expect(result.visited.nodeIds).toContain('refunds');
  });

  it('a null pick, or none left, takes "Not understood"', () => {
    expect(runTestCase(flow, flowTestCaseSchema.parse({ id: 't2', name: 'none', steps: steps(['Let me get you a person.']), intentPicks: [{ pick: null }] })).passed).toBe(true);
    expect(runTestCase(flow, flowTestCaseSchema.parse({ id: 't3', name: 'unstubbed', steps: steps(['Let me get you a person.']) })).passed).toBe(true);
    expect(runTestCase(flow, flowTestCaseSchema.parse({ id: 't4', name: 'wrong', steps: steps(['Let me look up your order.']) })).passed).toBe(false);
  });
});
