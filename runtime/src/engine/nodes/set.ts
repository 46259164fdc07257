import type { VariableValue } from '../../schema/common';
import type { Assignment, SetNode } from '../../schema/nodes/set';
import type { Turn } from '../turn';
import { emit, lookupVariable, render, setVariable } from '../turn';
import { follow } from '../follow';
import { evaluateMath, parseMath, type ParseResult } from '../math';
import { asNumber } from '../conditionEval';

function parsedExpression(turn: Turn, source: string): ParseResult {
  let parsed = turn.index.expressions.get(source);
  if (!parsed) {
    parsed = parseMath(source);
    turn.index.expressions.set(source, parsed);
  }
  return parsed;
}

/** A rendered template is text; it is stored as a number or boolean when the variable is declared so. */
function coerceToDeclared(turn: Turn, variable: string, text: string): VariableValue {
  const type = turn.index.variables.get(variable)?.type;
  if (type === 'number') return asNumber(text) ?? text;
  if (type === 'boolean') {
    const t = text.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return text;
}

/** The value to store, or undefined when the assignment fails and the variable is left as it was. */
function valueOf(turn: Turn, node: SetNode, a: Assignment): VariableValue | undefined {
  if (typeof a.value !== 'string') return a.value;
  const mode = a.mode ?? 'template';
  if (mode === 'literal') return a.value;
  if (mode === 'template') return coerceToDeclared(turn, a.variable, render(turn, a.value));
  const parsed = parsedExpression(turn, a.value);
  if (!parsed.ok) {
    emit(turn, 'error', node.id, { code: 'mathSyntax', variable: a.variable, message: parsed.message });
    return undefined;
  }
  const result = evaluateMath(parsed.expr, (name) => asNumber(lookupVariable(turn, name)));
  if (!result.ok) {
    const data: Record<string, VariableValue> = { code: result.code, variable: a.variable };
    if (result.variable) data.operand = result.variable;
    emit(turn, 'error', node.id, data);
    return undefined;
  }
  return result.value;
}

export function enterSet(turn: Turn, node: SetNode): string | null {
  for (const a of node.data.assignments) {
    const value = valueOf(turn, node, a);
    if (value !== undefined) setVariable(turn, a.variable, value);
  }
  return follow(turn, node.id, 'next');
}
