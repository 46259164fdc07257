import type { FlowDocument } from '../schema/flow';
import type { EngineContext, EngineInput, Session, StepResult } from './types';
import { indexOf } from './flowIndex';
import type { Turn } from './turn';
import { beginTurn, complete, emit, render, say, sayFallback } from './turn';
import { finish } from './finish';
import { idleTooLong, resetConversation } from './session';
import { runFrom, runFromStart } from './run';
import { goOffline } from './nodes/handoff';
import { follow } from './follow';
import { applyHttpResult, reissueHttpRequest } from './nodes/httpRequest';
import { applyKnowledgeResult } from './nodes/knowledgeAnswer';
import { applyIntentPick } from './nodes/intent';
import { matchGlobalIntent } from './globalIntents';
import { kindOf } from '../kinds';
import { assertNever } from '../util/assertNever';

type CustomerInput = Extract<EngineInput, { type: 'text' | 'option' }>;
type HttpResultInput = Extract<EngineInput, { type: 'httpResult' }>;
type KnowledgeResultInput = Extract<EngineInput, { type: 'knowledgeResult' }>;
type IntentPickResultInput = Extract<EngineInput, { type: 'intentPickResult' }>;

function continueAt(turn: Turn, nodeId: string | null): void {
  if (nodeId !== null) runFrom(turn, nodeId);
}

/** A fresh conversation in the same session (after expiry, or a customer writing again after the end). */
function startOver(turn: Turn): void {
  resetConversation(turn, false);
  emit(turn, 'sessionStarted', null, { flowId: turn.flow.id, flowVersion: turn.session.flowVersion });
  runFromStart(turn);
}

/** The session stands somewhere it cannot take input (its node was deleted, or it was never waiting). */
function recover(turn: Turn, data: Record<string, string | null>): void {
  sayFallback(turn, turn.session.nodeId ?? '');
  emit(turn, 'recovered', turn.session.nodeId, data);
  // Answers already given stay: the customer should not be asked for them again.
  resetConversation(turn, true);
  runFromStart(turn);
}

function typedText(turn: Turn, input: CustomerInput): string {
  // A stale button from an earlier message reads as if its label had been typed.
  return input.type === 'text' ? input.text : (turn.index.optionLabels.get(input.optionId) ?? '');
}

function receive(turn: Turn, input: CustomerInput): void {
  turn.session.lastActivityAt = turn.now;
  emit(turn, 'inputReceived', turn.session.nodeId, { inputType: input.type });
}

function handleHandedOff(turn: Turn, input: EngineInput): void {
  const s = turn.session;
  if (input.type === 'text' || input.type === 'option') {
    receive(turn, input);
    turn.effects.push({ type: 'forwardToAgent', text: input.type === 'text' ? input.text : typedText(turn, input) || input.optionId });
    return;
  }
  // The bot speaks again, so its idle clock restarts even though the customer said nothing.
  s.lastActivityAt = turn.now;
  const node = s.nodeId === null ? undefined : turn.index.nodes.get(s.nodeId);
  if ((node?.type === 'question' || node?.type === 'choice') && (input.type === 'handoffReturned' || input.type === 'handoffUnavailable')) {
    return endGivenUp(turn, node.id, input.type);
  }
  if (!node || node.type !== 'handoff') return recover(turn, { missingNodeId: s.nodeId });
  s.status = 'active';
  if (input.type === 'handoffReturned') {
    emit(turn, 'handoffReturned', node.id);
    continueAt(turn, follow(turn, node.id, 'resolved'));
  } else if (input.type === 'handoffUnavailable') {
    continueAt(turn, goOffline(turn, node, 'noAgents'));
  }
}

/**
 * A conversation handed off by `giveUp` stands on the question it gave up at, which has no
 * `resolved` or `offline` output: when the agent is done, or nobody can take it, it ends.
 */
function endGivenUp(turn: Turn, nodeId: string, signal: 'handoffReturned' | 'handoffUnavailable'): void {
  turn.session.status = 'active';
  if (signal === 'handoffReturned') emit(turn, 'handoffReturned', nodeId);
  else {
    emit(turn, 'handoffOffline', nodeId, { reason: 'noAgents', queue: turn.flow.settings.handoff.defaultQueue });
    say(turn, nodeId, render(turn, turn.flow.settings.handoff.offlineText));
  }
  complete(turn, nodeId);
}

function handleCustomer(turn: Turn, input: CustomerInput): void {
  const s = turn.session;
  if (s.status === 'completed' || s.status === 'expired') {
    turn.session.lastActivityAt = turn.now;
    return startOver(turn);
  }
  if (idleTooLong(turn.flow, s, turn.now)) {
    // The stale answer belonged to a question asked long ago; it is not applied to the new run.
    emit(turn, 'expired', s.nodeId);
    s.lastActivityAt = turn.now;
    return startOver(turn);
  }
  receive(turn, input);
  if (input.type === 'text') turn.customerText = input.text;
  const node = s.nodeId === null ? undefined : turn.index.nodes.get(s.nodeId);
  if (!node) return recover(turn, { missingNodeId: s.nodeId });
  if (s.status !== 'waiting') return recover(turn, { reason: 'notWaiting', nodeId: node.id });
  if (input.type === 'text') {
    const target = matchGlobalIntent(turn, node, input.text);
    if (target !== null) return continueAt(turn, target);
  }
  if (node.type === 'httpRequest' && s.wait?.kind === 'http') {
    // Only reachable when the host lost the request; the text itself is not for this step.
    return continueAt(turn, reissueHttpRequest(turn, node));
  }
  const answer = kindOf(node).answer;
  if (answer === null) return recover(turn, { reason: 'notWaiting', nodeId: node.id });
  const reply = input.type === 'text' ? { text: input.text } : { optionId: input.optionId };
  return continueAt(turn, answer(turn, node, { text: typedText(turn, input), reply }));
}

function handleHttpResult(turn: Turn, input: HttpResultInput): void {
  const s = turn.session;
  // A late or duplicate result (the session moved on, or was answered already) changes nothing.
  if (s.status !== 'waiting' || s.wait?.kind !== 'http' || s.nodeId !== input.nodeId) return;
  const node = turn.index.nodes.get(input.nodeId);
  if (!node || node.type !== 'httpRequest') return recover(turn, { missingNodeId: input.nodeId });
  s.lastActivityAt = turn.now;
  continueAt(turn, applyHttpResult(turn, node, input));
}

function handleKnowledgeResult(turn: Turn, input: KnowledgeResultInput): void {
  const s = turn.session;
  // A late or duplicate result (the session moved on, or was answered already) changes nothing.
  if (s.status !== 'waiting' || s.wait?.kind !== 'knowledge' || s.nodeId !== input.nodeId) return;
  const node = turn.index.nodes.get(input.nodeId);
  if (!node || node.type !== 'knowledgeAnswer') return recover(turn, { missingNodeId: input.nodeId });
  s.lastActivityAt = turn.now;
  continueAt(turn, applyKnowledgeResult(turn, node, input));
}

function handleIntentPickResult(turn: Turn, input: IntentPickResultInput): void {
  const s = turn.session;
  // A late or duplicate pick (the session moved on, or was answered already) changes nothing.
  if (s.status !== 'waiting' || s.wait?.kind !== 'intentPick' || s.nodeId !== input.nodeId) return;
  const node = turn.index.nodes.get(input.nodeId);
  if (!node || node.type !== 'intent') return recover(turn, { missingNodeId: input.nodeId });
  s.lastActivityAt = turn.now;
  continueAt(turn, applyIntentPick(turn, node, input));
}

/** Applies one input to a session and runs the flow until it waits or ends again. Never mutates `session`. */
export function step(flow: FlowDocument, session: Session, input: EngineInput, ctx: EngineContext): StepResult {
  const turn = beginTurn(flow, indexOf(flow), ctx, session);
  turn.session.turn += 1;
  switch (input.type) {
    case 'close':
      if (turn.session.status !== 'completed') complete(turn, turn.session.nodeId);
      break;
    case 'text':
    case 'option':
      if (turn.session.status === 'handedOff') handleHandedOff(turn, input);
      else handleCustomer(turn, input);
      break;
    case 'handoffReturned':
    case 'handoffUnavailable':
      // Only meaningful for a handed-off session; a late signal must not disturb anything else.
      if (turn.session.status === 'handedOff') handleHandedOff(turn, input);
      break;
    case 'httpResult':
      handleHttpResult(turn, input);
      break;
    case 'knowledgeResult':
      handleKnowledgeResult(turn, input);
      break;
    case 'intentPickResult':
      handleIntentPickResult(turn, input);
      break;
    default:
      assertNever(input);
  }
  return finish(turn);
}
