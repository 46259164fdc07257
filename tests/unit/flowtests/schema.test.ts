import { describe, expect, it } from 'vitest';
import { flowTestCaseSchema, flowTestSuiteSchema } from '../../../runtime/src/flowtests/schema';
import { zodIssues } from '../../../runtime/src/schema/flow';

const valid = {
  id: 'case-1',
  name: 'Happy path',
  steps: [
    { input: null, expect: ['Hello'] },
    { input: { type: 'option', optionId: 'a' }, expect: [] },
    { input: { type: 'text', text: 'hi' }, expect: ['Bye'] },
    { input: { type: 'handoffReturned' }, expect: [] },
    { input: { type: 'handoffUnavailable' }, expect: [] },
    { input: { type: 'close' }, expect: [] },
  ],
  variables: { name: 'Ada', count: 2, vip: true, none: null },
  agentsAvailable: false,
  now: '2026-11-11T12:00:00+01:00',
  expectStatus: 'completed',
  expectVariables: { count: 2 },
};

function issuesOf(raw: unknown) {
  const parsed = flowTestCaseSchema.safeParse(raw);
  return parsed.success ? [] : zodIssues(parsed.error);
}

describe('flowTestCaseSchema', () => {
  it('accepts every input kind, initial variables, a clock and final expectations', () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it('requires the first step to be the start and no later one', () => {
    expect(issuesOf({ ...valid, steps: [{ input: { type: 'text', text: 'hi' }, expect: [] }] })).toEqual([
      { path: 'steps.0.input', message: expect.stringContaining('must have input null') },
    ]);
    expect(issuesOf({ ...valid, steps: [{ input: null, expect: [] }, { input: null, expect: [] }] })).toEqual([
      { path: 'steps.1.input', message: expect.stringContaining('only the first step') },
    ]);
    expect(issuesOf({ ...valid, steps: [] }).map((i) => i.path)).toEqual(['steps']);
  });

  it('names the bad field of a malformed case', () => {
    const badInput = structuredClone(valid) as { steps: { input: unknown }[] };
    badInput.steps[1]!.input = { type: 'wave' };
    expect(issuesOf(badInput).map((i) => i.path)).toEqual(['steps.1.input.type']);
    expect(issuesOf({ ...valid, now: 'tomorrow' }).map((i) => i.path)).toEqual(['now']);
    expect(issuesOf({ ...valid, expectStatus: 'done' }).map((i) => i.path)).toEqual(['expectStatus']);
    expect(issuesOf({ ...valid, variables: { 'bad name': 1 } }).map((i) => i.path)).toEqual(['variables.bad name']);
    expect(issuesOf({ ...valid, extra: 1 }).map((i) => i.path)).toEqual(['extra']);
  });
});

describe('flowTestSuiteSchema', () => {
  it('rejects two cases with one id', () => {
    const parsed = flowTestSuiteSchema.safeParse([valid, { ...valid, name: 'Copy' }]);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(zodIssues(parsed.error)).toEqual([{ path: '1.id', message: 'the id "case-1" is used by another test case' }]);
  });
});
