import { describe, expect, it } from 'vitest';
import { runTestCase } from '../../../runtime/src/flowtests/run';
import { flowTestCaseSchema } from '../../../runtime/src/flowtests/schema';
import { edge, flowOf, startTo } from '../engine/helpers';

const flow = flowOf({
  nodes: [
    ...startTo('kb').nodes,
    { id: 'kb', type: 'knowledgeAnswer', data: { text: 'Ask me.' } },
    { id: 'done', type: 'end', data: { text: 'Bye.' } },
    { id: 'human', type: 'end', data: { text: 'A person will write back.' } },
    { id: 'sorry', type: 'end', data: { text: 'Sorry.' } },
  ],
  edges: [...startTo('kb').edges, edge('kb', 'done', 'answered'), edge('kb', 'human', 'noAnswer'), edge('kb', 'sorry', 'error')],
});

const steps = (expect: string[]) => [
  { input: null, expect: ['Ask me.'] },
  { input: { type: 'text' as const, text: 'Returns?' }, expect },
];

describe('flow tests stub the language model', () => {
  it('an answered stub is said and the flow follows answered', () => {
    const testCase = flowTestCaseSchema.parse({ id: 't1', name: 'answered', steps: steps(['30 days.', 'Bye.']), knowledgeAnswers: [{ outcome: 'answered', text: '30 days.' }] });
    const result = runTestCase(flow, testCase);
    expect(result.passed).toBe(true);
    expect(result.visited.nodeIds).toContain('done');
  });

  it('noAnswer and error stubs take their outputs; a step with no stub left fails as error', () => {
    expect(runTestCase(flow, flowTestCaseSchema.parse({ id: 't2', name: 'none', steps: steps(['A person will write back.']), knowledgeAnswers: [{ outcome: 'noAnswer' }] })).passed).toBe(true);
    expect(runTestCase(flow, flowTestCaseSchema.parse({ id: 't3', name: 'unstubbed', steps: steps(['Sorry.']) })).passed).toBe(true);
    expect(runTestCase(flow, flowTestCaseSchema.parse({ id: 't4', name: 'wrong', steps: steps(['Bye.']) })).passed).toBe(false);
  });
});
