import type { ConditionOp } from '../../schema/nodes/condition';
import type { ValidationContext } from '../context';
import { outputSubject } from '../describe';
import { problem, type Problem } from '../problem';

const OP_WORDS: Record<ConditionOp, string> = {
  equals: 'equals',
  notEquals: 'does not equal',
  contains: 'contains',
  startsWith: 'starts with',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  isSet: 'is set',
  isEmpty: 'is empty',
  matches: 'matches',
};

/** `isSet` and `isEmpty` look at the variable alone; every other op compares it with a value. */
const OPS_WITHOUT_VALUE: ReadonlySet<ConditionOp> = new Set(['isSet', 'isEmpty']);
/** Comparing with empty text is meaningful for (not) equals; for the rest it is an oversight. */
const OPS_ALLOWING_EMPTY_TEXT: ReadonlySet<ConditionOp> = new Set(['equals', 'notEquals']);

export function missingValues(ctx: ValidationContext): Problem[] {
  const found: Problem[] = [];
  for (const node of ctx.nodeById.values()) {
    if (node.type !== 'condition') continue;
    for (const branch of node.data.branches) {
      for (const rule of branch.rules) {
        if (OPS_WITHOUT_VALUE.has(rule.op)) continue;
        const missing =
          rule.value === undefined ||
          (typeof rule.value === 'string' && rule.value.trim() === '' && !OPS_ALLOWING_EMPTY_TEXT.has(rule.op));
        if (!missing) continue;
        found.push(
          problem(
            'missing-value',
            `${outputSubject(node, branch.id)} checks whether "${rule.variable}" ${OP_WORDS[rule.op]} … but has no value to compare with. Enter one.`,
            { nodeId: node.id, handle: branch.id },
          ),
        );
      }
    }
  }
  return found;
}
