import { describe, expect, it } from 'vitest';
import type { ConditionRule } from '../../../runtime/src/schema/nodes/condition';
import { validateFlow } from '../../../runtime/src/validator';
import { condition, e, end, flow, only, start } from './build';

function withRule(rule: ConditionRule) {
  const cond = condition('k', [{ id: 'b', label: 'Big order', match: 'all', rules: [rule] }]);
  return validateFlow(
    flow([start(), cond, end()], [e('start', 'next', 'k'), e('k', 'b', 'end')], {
      variables: [{ name: 'total', type: 'number', default: 0 }],
    }),
  );
}

describe('missing values', () => {
  it('reports a comparison without a value', () => {
    const found = only(withRule({ variable: 'total', op: 'gt' }), 'missing-value');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', nodeId: 'k', handle: 'b' })]);
    expect(found[0]!.message).toContain(`'Big order'`);
    expect(found[0]!.message).toContain('"total" is greater than');
  });

  it('reports blank text for ops other than (not) equals', () => {
    expect(only(withRule({ variable: 'total', op: 'contains', value: '  ' }), 'missing-value')).toHaveLength(1);
    expect(only(withRule({ variable: 'total', op: 'equals', value: '' }), 'missing-value')).toHaveLength(0);
  });

  it('does not ask isSet or isEmpty for a value', () => {
    expect(withRule({ variable: 'total', op: 'isSet' })).toEqual([]);
    expect(withRule({ variable: 'total', op: 'isEmpty' })).toEqual([]);
  });

  it('accepts comparisons with a value, including zero and false', () => {
    expect(withRule({ variable: 'total', op: 'gte', value: 0 })).toEqual([]);
    expect(withRule({ variable: 'total', op: 'equals', value: false })).toEqual([]);
  });
});
