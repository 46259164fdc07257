import type { ChoiceNode, ChoiceOption } from '../../schema/nodes/choice';
import type { Turn } from '../turn';
import { emit, render, say, sayFallback, setVariable } from '../turn';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { matchChoice } from '../choiceMatch';

export function enterChoice(turn: Turn, node: ChoiceNode): null {
  say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

function choose(turn: Turn, node: ChoiceNode, option: ChoiceOption): string | null {
  if (node.data.variable) setVariable(turn, node.data.variable, option.label);
  return follow(turn, node.id, option.id);
}

/** Handles a click or typed text; returns the node to continue at, or null to keep waiting. */
export function answerChoice(turn: Turn, node: ChoiceNode, input: { optionId: string } | { text: string }): string | null {
  const option =
    'optionId' in input
      ? (node.data.options.find((o) => o.id === input.optionId) ?? null)
      : matchChoice(node.data.options, input.text);
  if (option) return choose(turn, node, option);
  emit(
    turn,
    'fallback',
    node.id,
    'text' in input ? { reason: 'noMatch', text: input.text } : { reason: 'unknownOption', optionId: input.optionId },
  );
  if (targetOf(turn.index, node.id, 'noMatch') !== undefined) return follow(turn, node.id, 'noMatch');
  // The options stay on offer through the input request, so the customer can simply pick one.
  sayFallback(turn, node.id);
  return null;
}
