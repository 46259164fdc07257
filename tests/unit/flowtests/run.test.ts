import { describe, expect, it } from 'vitest';
import { runTestCase, DEFAULT_TEST_NOW } from '../../../runtime/src/flowtests/run';
import type { FlowTestCase } from '../../../runtime/src/flowtests/schema';
import type { FlowDocument } from '../../../runtime/src/schema/flow';
import { shopFlow } from './shopFlow';
import { buildFlow } from './buildFlow';

const ordersCase: FlowTestCase = {
  id: 'orders',
  name: 'Orders with a wrong quantity first',
  variables: { name: 'Ada' },
  steps: [
    { input: null, expect: ['Hi Ada!', 'Pick one'] },
    { input: { type: 'text', text: 'ORDER!' }, expect: ['How many?'] },
    { input: { type: 'text', text: 'lots' }, expect: ['Numbers only.'] },
    { input: { type: 'text', text: '7' }, expect: ["That's a lot: 7", 'Bye'] },
  ],
  expectStatus: 'completed',
  expectVariables: { qty: 7, topic: 'Orders' },
};

function withSteps(base: FlowTestCase, change: (steps: FlowTestCase['steps']) => void): FlowTestCase {
  const copy = structuredClone(base);
  change(copy.steps);
  return copy;
}

describe('runTestCase', () => {
  it('passes a conversation whose texts, status and variables all match', () => {
    const result = runTestCase(shopFlow, ordersCase);
    expect(result.firstDifference).toBeUndefined();
    expect(result.passed).toBe(true);
    expect(result.transcript).toHaveLength(4);
    expect(result.session?.status).toBe('completed');
  });

  it('compares only texts: link buttons are in the transcript but not in what is compared', () => {
    const first = runTestCase(shopFlow, ordersCase).transcript[0]!;
    expect(first.actual).toEqual(['Hi Ada!', 'Pick one']);
    expect(first.outputs.map((o) => o.type)).toEqual(['text', 'links', 'text']);
  });

  it('reports the first differing text with its step and position, and still runs the whole case', () => {
    const failing = withSteps(ordersCase, (steps) => {
      steps[3]!.expect = ["That's a lot: 8", 'Goodbye'];
    });
    const result = runTestCase(shopFlow, failing);
    expect(result.passed).toBe(false);
    expect(result.firstDifference).toEqual({ kind: 'text', step: 3, index: 0, expected: "That's a lot: 8", actual: "That's a lot: 7" });
    expect(result.transcript).toHaveLength(4);
  });

  it('reports a text the bot did not say as missing', () => {
    const failing = withSteps(ordersCase, (steps) => steps[1]!.expect.push('Anything else?'));
    expect(runTestCase(shopFlow, failing).firstDifference).toEqual({
      kind: 'missing',
      step: 1,
      index: 1,
      expected: 'Anything else?',
      actual: null,
    });
  });

  it('reports a text the case did not expect as extra', () => {
    const failing = withSteps(ordersCase, (steps) => {
      steps[0]!.expect = ['Hi Ada!'];
    });
    expect(runTestCase(shopFlow, failing).firstDifference).toEqual({ kind: 'extra', step: 0, index: 1, expected: null, actual: 'Pick one' });
  });

  it('reports a wrong final status after the last step', () => {
    const failing = { ...ordersCase, expectStatus: 'waiting' as const };
    expect(runTestCase(shopFlow, failing).firstDifference).toEqual({ kind: 'status', step: 3, expected: 'waiting', actual: 'completed' });
  });

  it('compares variables by value and type, and reads an unset variable as null', () => {
    const asText = { ...ordersCase, expectVariables: { qty: '7' } };
    expect(runTestCase(shopFlow, asText).firstDifference).toEqual({ kind: 'variable', step: 3, variable: 'qty', expected: '7', actual: 7 });
    const unset = { ...ordersCase, expectVariables: { topic: 'Orders', email: 'a@example.com' } };
    expect(runTestCase(shopFlow, unset).firstDifference).toEqual({
      kind: 'variable',
      step: 3,
      variable: 'email',
      expected: 'a@example.com',
      actual: null,
    });
  });

  it('gives the earliest difference when there are several', () => {
    const failing = withSteps({ ...ordersCase, expectStatus: 'handedOff' }, (steps) => {
      steps[2]!.expect = ['Please type a number.'];
    });
    expect(runTestCase(shopFlow, failing).firstDifference).toMatchObject({ kind: 'text', step: 2 });
  });

  it('renders templates from the initial variables, and without them renders nothing in their place', () => {
    const { variables: _omitted, ...noName } = ordersCase;
    const result = runTestCase(shopFlow, noName);
    expect(result.firstDifference).toEqual({ kind: 'text', step: 0, index: 0, expected: 'Hi Ada!', actual: 'Hi !' });
  });

  describe('the clock and agents', () => {
    const agentCase = (extra: Partial<FlowTestCase>, expectAfterClick: string[]): FlowTestCase => ({
      id: 'agent',
      name: 'Agent',
      variables: { name: 'Bo' },
      steps: [
        { input: null, expect: ['Hi Bo!', 'Pick one'] },
        { input: { type: 'option', optionId: 'agent' }, expect: expectAfterClick },
      ],
      ...extra,
    });

    it('defaults to a working-day instant, so business hours are open', () => {
      expect(new Date(DEFAULT_TEST_NOW).getUTCDay()).toBe(1);
      const result = runTestCase(shopFlow, agentCase({ expectStatus: 'handedOff' }, ['Connecting']));
      expect(result.passed).toBe(true);
    });

    it('uses the case clock: on a Saturday the handoff takes its offline branch', () => {
      const result = runTestCase(shopFlow, agentCase({ now: '2026-03-07T12:00:00Z', expectStatus: 'completed' }, ['We are closed.', 'Bye']));
      expect(result.firstDifference).toBeUndefined();
    });

    it('takes the offline branch when no agent is available', () => {
      const result = runTestCase(shopFlow, agentCase({ agentsAvailable: false }, ['We are closed.', 'Bye']));
      expect(result.passed).toBe(true);
    });

    it('plays the agent handing back and the customer writing meanwhile', () => {
      const c = agentCase({ expectStatus: 'completed' }, ['Connecting']);
      c.steps.push({ input: { type: 'text', text: 'hello?' }, expect: [] }, { input: { type: 'handoffReturned' }, expect: ['Bye'] });
      expect(runTestCase(shopFlow, c).passed).toBe(true);
    });
  });

  it('is repeatable: two runs of one case give identical results', () => {
    const failing = withSteps(ordersCase, (steps) => {
      steps[1]!.expect = ['?'];
    });
    expect(runTestCase(shopFlow, failing)).toEqual(runTestCase(shopFlow, failing));
  });

  it('turns an engine failure into an error difference instead of throwing', () => {
    const broken = buildFlow([['start', 'start', {}], ['end', 'end', {}]], [['start', 'next', 'end']]);
    // A node kind the engine does not know can only come from a document that skipped parsing.
    const corrupt = { ...broken, nodes: [...broken.nodes, { id: 'odd', type: 'mystery', position: { x: 0, y: 0 }, data: {} }] } as unknown as FlowDocument;
    corrupt.edges = [{ id: 'e', source: 'start', sourceHandle: 'next', target: 'odd' }];
    const result = runTestCase(corrupt, { id: 'x', name: 'x', steps: [{ input: null, expect: [] }] });
    expect(result.passed).toBe(false);
    expect(result.firstDifference).toMatchObject({ kind: 'error', step: 0, expected: null });
    expect(result.transcript).toHaveLength(0);
  });
});
