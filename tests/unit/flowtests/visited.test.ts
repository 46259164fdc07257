import { describe, expect, it } from 'vitest';
import { runTestCase } from '../../../runtime/src/flowtests/run';
import type { FlowTestCase, TestInput } from '../../../runtime/src/flowtests/schema';
import type { FlowDocument } from '../../../runtime/src/schema/flow';
import { shopFlow } from './shopFlow';
import { buildFlow } from './buildFlow';

function visit(flow: FlowDocument, inputs: TestInput[], extra: Partial<FlowTestCase> = {}) {
  // Texts are not the point here, so every step expects what it gets; only the visits are read.
  const probe: FlowTestCase = { id: 'p', name: 'p', steps: [{ input: null, expect: [] }, ...inputs.map((input) => ({ input, expect: [] }))], ...extra };
  const transcript = runTestCase(flow, probe).transcript;
  const exact = { ...probe, steps: probe.steps.map((s, i) => ({ ...s, expect: transcript[i]?.actual ?? [] })) };
  const result = runTestCase(flow, exact);
  expect(result.passed).toBe(true);
  return result.visited;
}

const text = (t: string): TestInput => ({ type: 'text', text: t });
const option = (optionId: string): TestInput => ({ type: 'option', optionId });

describe('visited nodes and handles', () => {
  it('lists the nodes entered in order and the handles left by, across turns', () => {
    const visited = visit(shopFlow, [text('orders'), text('9')]);
    expect(visited.nodeIds).toEqual(['start', 'hello', 'menu', 'ask-qty', 'check', 'big-msg', 'done']);
    expect(visited.handles).toEqual([
      { nodeId: 'start', handle: 'next' },
      { nodeId: 'hello', handle: 'next' },
      { nodeId: 'menu', handle: 'orders' },
      { nodeId: 'ask-qty', handle: 'next' },
      { nodeId: 'check', handle: 'big' },
      { nodeId: 'big-msg', handle: 'next' },
    ]);
  });

  it('records a rejected answer that exhausted its retries as the invalid handle', () => {
    const visited = visit(shopFlow, [option('orders'), text('x'), text('y')]);
    expect(visited.handles).toContainEqual({ nodeId: 'ask-qty', handle: 'invalid' });
    expect(visited.handles).not.toContainEqual({ nodeId: 'ask-qty', handle: 'next' });
  });

  it('records each handle once however often it is taken', () => {
    const loop = buildFlow(
      [
        ['start', 'start', {}],
        ['q', 'question', { text: 'Name?', variable: 'n', inputKind: 'text' }],
        ['again', 'jump', { target: 'q' }],
      ],
      [
        ['start', 'next', 'q'],
        ['q', 'next', 'again'],
        ['q', 'invalid', 'again'],
      ],
      { variables: [{ name: 'n', type: 'string' }] },
    );
    const visited = visit(loop, [text('a'), text('b'), text('c')]);
    expect(visited.nodeIds).toEqual(['start', 'q', 'again']);
    expect(visited.handles).toEqual([
      { nodeId: 'start', handle: 'next' },
      { nodeId: 'q', handle: 'next' },
    ]);
  });

  describe('handles of one node that lead to the same place', () => {
    const shared = buildFlow(
      [
        ['start', 'start', {}],
        [
          'menu',
          'choice',
          {
            text: 'Pick',
            options: [
              { id: 'red', label: 'Red' },
              { id: 'blue', label: 'Blue' },
            ],
          },
        ],
        ['ask', 'question', { text: 'Age?', variable: 'age', inputKind: 'number', maxRetries: 0 }],
        [
          'cond',
          'condition',
          {
            branches: [
              { id: 'young', label: 'Young', match: 'all', rules: [{ variable: 'age', op: 'lt', value: 18 }] },
              { id: 'old', label: 'Old', match: 'all', rules: [{ variable: 'age', op: 'gt', value: 65 }] },
            ],
          },
        ],
        ['agent', 'handoff', { text: 'Connecting', queue: 'q' }],
        ['bye', 'end', { text: 'Bye' }],
      ],
      [
        ['start', 'next', 'menu'],
        ['menu', 'red', 'ask'],
        ['menu', 'blue', 'ask'],
        ['ask', 'next', 'cond'],
        ['ask', 'invalid', 'agent'],
        ['cond', 'young', 'agent'],
        ['cond', 'old', 'agent'],
        ['cond', 'else', 'bye'],
        ['agent', 'resolved', 'bye'],
        ['agent', 'offline', 'bye'],
      ],
      { variables: [{ name: 'age', type: 'number' }] },
    );
    const handlesOf = (visited: { handles: { nodeId: string; handle: string }[] }, nodeId: string) =>
      visited.handles.filter((h) => h.nodeId === nodeId).map((h) => h.handle);

    it('tells choice options apart by the click or by matching the typed text', () => {
      expect(handlesOf(visit(shared, [option('blue')]), 'menu')).toEqual(['blue']);
      expect(handlesOf(visit(shared, [text('RED')]), 'menu')).toEqual(['red']);
    });

    it('tells a handoff returned by the agent from one that found nobody', () => {
      expect(handlesOf(visit(shared, [option('red'), text('many'), { type: 'handoffReturned' }]), 'agent')).toEqual(['resolved']);
      expect(handlesOf(visit(shared, [option('red'), text('many')], { agentsAvailable: false }), 'agent')).toEqual(['offline']);
      expect(handlesOf(visit(shared, [option('red'), text('many'), { type: 'handoffUnavailable' }]), 'agent')).toEqual(['offline']);
    });

    it('tells condition branches that share a target apart by the branch that held', () => {
      expect(handlesOf(visit(shared, [option('red'), text('10'), { type: 'handoffReturned' }]), 'cond')).toEqual(['young']);
      expect(handlesOf(visit(shared, [option('red'), text('70'), { type: 'handoffReturned' }]), 'cond')).toEqual(['old']);
    });

    it('tells a question answered from one whose retries ran out when both lead on', () => {
      expect(handlesOf(visit(shared, [option('red'), text('30')]), 'ask')).toEqual(['next']);
      expect(handlesOf(visit(shared, [option('red'), text('many')]), 'ask')).toEqual(['invalid']);
    });

    it('still records a condition branch whose target is its own', () => {
      expect(handlesOf(visit(shared, [option('red'), text('30')]), 'cond')).toEqual(['else']);
    });
  });

  it('does not link the end of one conversation to the start of the next', () => {
    const visited = visit(shopFlow, [text('orders'), text('2'), text('hi again')]);
    expect(visited.handles.filter((h) => h.nodeId === 'done')).toEqual([]);
    expect(visited.nodeIds.filter((id) => id === 'start')).toHaveLength(1);
  });
});
