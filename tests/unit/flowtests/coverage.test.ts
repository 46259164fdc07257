import { describe, expect, it } from 'vitest';
import { flowCoverage } from '../../../runtime/src/flowtests/coverage';
import { runTestSuite } from '../../../runtime/src/flowtests/suite';
import type { FlowTestCase } from '../../../runtime/src/flowtests/schema';
import { shopFlow } from './shopFlow';
import { buildFlow } from './buildFlow';

describe('flowCoverage', () => {
  it('counts nodes and connected handles, and leaves out handles wired to nothing', () => {
    const coverage = flowCoverage(shopFlow, []);
    expect(coverage.ratio).toBe(0);
    expect(coverage.nodes.uncovered).toHaveLength(9);
    // 12 edges; the choice's noMatch is unconnected and so is no path to cover.
    expect(coverage.handles.uncovered).toHaveLength(12);
    expect(coverage.handles.uncovered).not.toContainEqual({ nodeId: 'menu', handle: 'noMatch' });
  });

  it('merges several runs', () => {
    const a = { nodeIds: ['start', 'hello'], handles: [{ nodeId: 'start', handle: 'next' }] };
    const b = { nodeIds: ['hello', 'menu'], handles: [{ nodeId: 'hello', handle: 'next' }] };
    const coverage = flowCoverage(shopFlow, [a, b]);
    expect(coverage.nodes.covered).toEqual(['start', 'hello', 'menu']);
    expect(coverage.handles.covered).toEqual([
      { nodeId: 'start', handle: 'next' },
      { nodeId: 'hello', handle: 'next' },
    ]);
    expect(coverage.ratio).toBeCloseTo(5 / 21);
  });

  it('ignores visits to nodes the flow no longer has', () => {
    const coverage = flowCoverage(shopFlow, [{ nodeIds: ['gone'], handles: [{ nodeId: 'gone', handle: 'next' }] }]);
    expect(coverage.ratio).toBe(0);
  });

  it('calls an empty flow fully covered rather than dividing by zero', () => {
    const empty = buildFlow([], []);
    expect(flowCoverage(empty, []).ratio).toBe(1);
  });
});

describe('runTestSuite', () => {
  const greet: FlowTestCase = {
    id: 'greet',
    name: 'Greeting',
    variables: { name: 'Ada' },
    steps: [{ input: null, expect: ['Hi Ada!', 'Pick one'] }],
  };
  const agent: FlowTestCase = {
    id: 'agent',
    name: 'Agent',
    variables: { name: 'Ada' },
    steps: [
      { input: null, expect: ['Hi Ada!', 'Pick one'] },
      { input: { type: 'option', optionId: 'agent' }, expect: ['Connecting'] },
    ],
  };

  it('passes when every case passes and combines their coverage', () => {
    const suite = runTestSuite(shopFlow, [greet, agent]);
    expect(suite.passed).toBe(true);
    expect(suite.results.map((r) => [r.id, r.passed])).toEqual([
      ['greet', true],
      ['agent', true],
    ]);
    expect(suite.coverage.nodes.covered).toEqual(['start', 'hello', 'menu', 'handoff']);
  });

  it('fails when one case fails, keeping the others results', () => {
    const broken = { ...agent, steps: [agent.steps[0]!, { input: agent.steps[1]!.input, expect: ['Hold on'] }] };
    const suite = runTestSuite(shopFlow, [greet, broken]);
    expect(suite.passed).toBe(false);
    expect(suite.results[0]!.passed).toBe(true);
    expect(suite.results[1]!.firstDifference).toMatchObject({ kind: 'text', expected: 'Hold on', actual: 'Connecting' });
  });
});
