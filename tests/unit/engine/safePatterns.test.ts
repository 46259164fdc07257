import { describe, expect, it } from 'vitest';
import type { ConditionRule, QuestionData, VariableValue } from '../../../runtime/src/schema';
import { checkPattern, quotePattern, searchPattern, wholeMatchPattern } from '../../../runtime/src/text/safePattern';
import { begin, edge, flowOf, say, startTo, texts } from './helpers';

// With a backtracking engine this pattern and answer take longer than the age of the universe.
const CATASTROPHIC = '([A-Za-z]+\\s?)+';
const HOSTILE_ANSWER = `${'a'.repeat(40)}!`;

function questionFlow(data: Partial<QuestionData>) {
  return flowOf({
    variables: [{ name: 'answer', type: 'string' }],
    nodes: [
      ...startTo('q').nodes,
      { id: 'q', type: 'question', data: { text: 'Your answer?', variable: 'answer', inputKind: 'text', ...data } },
      { id: 'ok', type: 'message', data: { text: 'Got it' } },
      { id: 'bad', type: 'message', data: { text: 'Not valid' } },
    ],
    edges: [...startTo('q').edges, edge('q', 'ok', 'next'), edge('q', 'bad', 'invalid')],
  });
}

function answered(pattern: string, answer: string): string[] {
  const flow = questionFlow({ pattern });
  return texts(say(flow, begin(flow).session, answer));
}

function matches(vars: Record<string, VariableValue>, value: string): boolean {
  const rule: ConditionRule = { variable: 'x', op: 'matches', value };
  const flow = flowOf({
    variables: Object.entries(vars).map(([name, v]) => ({ name, type: 'string' as const, default: v })),
    nodes: [
      ...startTo('c').nodes,
      { id: 'c', type: 'condition', data: { branches: [{ id: 'yes', label: 'yes', match: 'all', rules: [rule] }] } },
      { id: 'to-yes', type: 'message', data: { text: 'yes' } },
      { id: 'to-else', type: 'message', data: { text: 'else' } },
    ],
    edges: [...startTo('c').edges, edge('c', 'to-yes', 'yes'), edge('c', 'to-else', 'else')],
  });
  return texts(begin(flow))[0] === 'yes';
}

describe('patterns run in linear time', () => {
  it('a question pattern that backtracks catastrophically answers at once', () => {
    expect(answered(CATASTROPHIC, HOSTILE_ANSWER)).toEqual([expect.stringMatching(/try again/)]);
    expect(answered(CATASTROPHIC, 'hello there')).toEqual(['Got it']);
  });

  it('a condition matches rule that backtracks catastrophically answers at once, ignoring case', () => {
    expect(matches({ x: HOSTILE_ANSWER }, `^${CATASTROPHIC}$`)).toBe(false);
    expect(matches({ x: 'Hello There' }, `^${CATASTROPHIC.toLowerCase()}$`)).toBe(true);
    expect(matches({ x: 'ORD-12345' }, 'ord-\\d{5}')).toBe(true);
  });

  it('a long hostile text is checked in well under a second', () => {
    // A bound on the order of magnitude, not a timing claim: a backtracking engine never returns.
    const started = performance.now();
    expect(wholeMatchPattern(CATASTROPHIC).test(`${'ab '.repeat(3000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('whole-match and search semantics follow the old RegExp ones', () => {
    expect(wholeMatchPattern('\\d+').test('123')).toBe(true);
    expect(wholeMatchPattern('\\d+').test('123a')).toBe(false);
    expect(wholeMatchPattern('\\p{L}+').test('Zażółć')).toBe(true);
    expect(searchPattern('^pl\\d+$').test('PL123')).toBe(true);
    expect(searchPattern('b').test('abc')).toBe(true);
  });
});

describe('patterns the linear engine cannot run', () => {
  it('are told apart from invalid ones', () => {
    expect(checkPattern('(?=a)b')).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(checkPattern('(a)\\1')).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(checkPattern('(?<=a)b')).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(checkPattern('([0-9]')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(checkPattern('[A-Z]{2}\\d{6}')).toEqual({ ok: true });
  });

  it('are skipped: a question accepts the answer and a matches rule is false', () => {
    expect(answered('(?!x).*', 'anything')).toEqual(['Got it']);
    expect(matches({ x: 'aa' }, '(a)\\1')).toBe(false);
  });
});

describe('{{variables}} inside a condition pattern', () => {
  it('are matched as plain text, so a customer cannot inject pattern syntax', () => {
    expect(matches({ x: 'abc', y: '.*' }, '^{{y}}$')).toBe(false);
    expect(matches({ x: '.*', y: '.*' }, '^{{y}}$')).toBe(true);
    expect(matches({ x: 'order 12', y: 'Order 12' }, '^{{ y }}$')).toBe(true);
    // A customer's catastrophic pattern as a value is just text.
    expect(matches({ x: HOSTILE_ANSWER, y: CATASTROPHIC }, '{{y}}')).toBe(false);
  });

  it('quotes every pattern character', () => {
    expect(quotePattern('a.b*c(d)[e]{f}|g\\h^$+?')).toBe('a\\.b\\*c\\(d\\)\\[e\\]\\{f\\}\\|g\\\\h\\^\\$\\+\\?');
  });
});
