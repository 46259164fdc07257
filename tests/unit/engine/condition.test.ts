import { describe, expect, it } from 'vitest';
import type { ConditionBranch, ConditionRule, VariableValue } from '../../../runtime/src/schema';
import { begin, edge, flowOf, startTo, texts } from './helpers';

/** Runs a condition with one branch and reports which way it went. */
function decide(vars: Record<string, VariableValue>, branches: ConditionBranch[]): string {
  const flow = flowOf({
    variables: Object.entries(vars).map(([name, value]) => ({ name, type: 'string' as const, default: value })),
    nodes: [
      ...startTo('c').nodes,
      { id: 'c', type: 'condition', data: { branches } },
      ...branches.map((b) => ({ id: `to-${b.id}`, type: 'message' as const, data: { text: b.id } })),
      { id: 'to-else', type: 'message', data: { text: 'else' } },
    ],
    edges: [...startTo('c').edges, ...branches.map((b) => edge('c', `to-${b.id}`, b.id)), edge('c', 'to-else', 'else')],
  });
  return texts(begin(flow))[0]!;
}

function holds(value: VariableValue | undefined, op: ConditionRule['op'], ruleValue?: ConditionRule['value']): boolean {
  const vars: Record<string, VariableValue> = value === undefined ? {} : { x: value };
  const rule: ConditionRule = ruleValue === undefined ? { variable: 'x', op } : { variable: 'x', op, value: ruleValue };
  return decide(vars, [{ id: 'yes', label: 'yes', match: 'all', rules: [rule] }]) === 'yes';
}

describe('condition node', () => {
  it('equals: numbers numerically, booleans by word, strings trimmed and case-insensitively', () => {
    expect(holds('10', 'equals', 10)).toBe(true);
    expect(holds('10.0', 'equals', '10')).toBe(true);
    expect(holds(12.5, 'equals', '12,5')).toBe(true);
    expect(holds(true, 'equals', 'true')).toBe(true);
    expect(holds(false, 'equals', 'TRUE')).toBe(false);
    expect(holds(true, 'equals', true)).toBe(true);
    expect(holds(' Gold ', 'equals', 'gold')).toBe(true);
    expect(holds('gold', 'equals', 'silver')).toBe(false);
    expect(holds(undefined, 'equals', 'x')).toBe(false);
  });

  it('notEquals is the negation of equals', () => {
    expect(holds('10', 'notEquals', 10)).toBe(false);
    expect(holds('gold', 'notEquals', 'silver')).toBe(true);
  });

  it('contains and startsWith ignore case', () => {
    expect(holds('My Order 123', 'contains', 'order')).toBe(true);
    expect(holds('abc', 'contains', 'x')).toBe(false);
    expect(holds('ORD-123', 'startsWith', 'ord')).toBe(true);
    expect(holds('XORD', 'startsWith', 'ord')).toBe(false);
  });

  it('gt, gte, lt, lte compare numbers, and ISO dates as dates', () => {
    expect(holds(5, 'gt', 3)).toBe(true);
    expect(holds('5', 'gt', '10')).toBe(false); // numerically, not as text
    expect(holds(5, 'gte', 5)).toBe(true);
    expect(holds(5, 'lt', 5)).toBe(false);
    expect(holds(4, 'lte', '4,0')).toBe(true);
    expect(holds('2026-12-24', 'gt', '2026-12-01')).toBe(true);
    expect(holds('2026-01-05', 'lt', '2026-12-01')).toBe(true);
    expect(holds('abc', 'gt', 1)).toBe(false);
    expect(holds(undefined, 'lt', 1)).toBe(false);
  });

  it('isSet and isEmpty', () => {
    expect(holds('x', 'isSet')).toBe(true);
    expect(holds(0, 'isSet')).toBe(true);
    expect(holds(false, 'isSet')).toBe(true);
    expect(holds('', 'isSet')).toBe(false);
    expect(holds(null, 'isSet')).toBe(false);
    expect(holds(undefined, 'isSet')).toBe(false);
    expect(holds('', 'isEmpty')).toBe(true);
    expect(holds(undefined, 'isEmpty')).toBe(true);
    expect(holds('x', 'isEmpty')).toBe(false);
  });

  it('matches uses a case-insensitive regular expression; a bad pattern is false', () => {
    expect(holds('ORD-12345', 'matches', '^ord-\\d{5}$')).toBe(true);
    expect(holds('ORD-1', 'matches', '^ord-\\d{5}$')).toBe(false);
    expect(holds('anything', 'matches', '([')).toBe(false);
    expect(holds(undefined, 'matches', '.*')).toBe(false);
  });

  it('renders templates in rule values', () => {
    expect(decide({ a: 'gold', b: 'GOLD' }, [{ id: 'yes', label: '', match: 'all', rules: [{ variable: 'a', op: 'equals', value: '{{b}}' }] }])).toBe('yes');
    expect(decide({ a: 7, limit: 5 }, [{ id: 'yes', label: '', match: 'all', rules: [{ variable: 'a', op: 'gt', value: '{{ limit }}' }] }])).toBe('yes');
  });

  it('joins rules by all or any', () => {
    const rules: ConditionRule[] = [
      { variable: 'a', op: 'equals', value: 1 },
      { variable: 'b', op: 'equals', value: 2 },
    ];
    expect(decide({ a: 1, b: 3 }, [{ id: 'all', label: '', match: 'all', rules }])).toBe('else');
    expect(decide({ a: 1, b: 2 }, [{ id: 'all', label: '', match: 'all', rules }])).toBe('all');
    expect(decide({ a: 1, b: 3 }, [{ id: 'any', label: '', match: 'any', rules }])).toBe('any');
    expect(decide({ a: 0, b: 3 }, [{ id: 'any', label: '', match: 'any', rules }])).toBe('else');
  });

  it('treats a branch without rules as true for all and false for any', () => {
    expect(decide({}, [{ id: 'all', label: '', match: 'all', rules: [] }])).toBe('all');
    expect(decide({}, [{ id: 'any', label: '', match: 'any', rules: [] }])).toBe('else');
  });

  it('takes the first true branch in order, else the else handle', () => {
    const branches: ConditionBranch[] = [
      { id: 'big', label: '', match: 'all', rules: [{ variable: 'n', op: 'gt', value: 100 }] },
      { id: 'medium', label: '', match: 'all', rules: [{ variable: 'n', op: 'gt', value: 10 }] },
      { id: 'positive', label: '', match: 'all', rules: [{ variable: 'n', op: 'gt', value: 0 }] },
    ];
    expect(decide({ n: 500 }, branches)).toBe('big');
    expect(decide({ n: 50 }, branches)).toBe('medium');
    expect(decide({ n: 5 }, branches)).toBe('positive');
    expect(decide({ n: -5 }, branches)).toBe('else');
  });

  it('does not read inherited object members as variables', () => {
    expect(decide({}, [{ id: 'yes', label: '', match: 'all', rules: [{ variable: 'constructor', op: 'isSet' }] }])).toBe('else');
  });
});
