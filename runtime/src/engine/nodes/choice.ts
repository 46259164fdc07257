import type { ChoiceNode, ChoiceOption } from '../../schema/nodes/choice';
import type { Turn } from '../turn';
import { clearRetries, emit, render, say, sayFallback, setRetries, setVariable } from '../turn';
import { getOwn } from '../records';
import { giveUp } from '../giveUp';
import { DEFAULT_MAX_RETRIES } from '../../schema/nodes/question';
import { follow } from '../follow';
import { targetOf } from '../flowIndex';
import { matchChoice } from '../choiceMatch';
import type { InputRequest } from '../types';

/** One of the node's options; typed text is matched against them. */
export function choiceInput(node: ChoiceNode): InputRequest {
  return { type: 'choice', nodeId: node.id, options: node.data.options.map((o) => ({ id: o.id, label: o.label })), allowText: true };
}

export function enterChoice(turn: Turn, node: ChoiceNode): null {
  // As for questions, unmatched answers count per visit.
  clearRetries(turn, node.id);
  say(turn, node.id, render(turn, node.data.text));
  turn.session.status = 'waiting';
  return null;
}

function choose(turn: Turn, node: ChoiceNode, option: ChoiceOption): string | null {
  clearRetries(turn, node.id);
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
  const retries = (getOwn(turn.session.retries, node.id) ?? 0) + 1;
  if (retries > DEFAULT_MAX_RETRIES) return giveUp(turn, node.id);
  // The options stay on offer through the input request, so the customer can simply pick one.
  setRetries(turn, node.id, retries);
  sayFallback(turn, node.id);
  return null;
}
