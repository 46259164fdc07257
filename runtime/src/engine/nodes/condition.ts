import type { ConditionNode } from '../../schema/nodes/condition';
import type { Turn } from '../turn';
import { follow } from '../follow';
import { evaluateBranch } from '../conditionEval';

export function enterCondition(turn: Turn, node: ConditionNode): string | null {
  const branch = node.data.branches.find((b) => evaluateBranch(turn, b));
  return follow(turn, node.id, branch ? branch.id : 'else');
}
