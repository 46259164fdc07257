import type { FlowNode } from '../schema/node';
import { kindOf } from '../kinds';
import { MAX_AUTOMATIC_STEPS } from './types';
import type { Turn } from './turn';
import { clearWait, emit, sayFallback } from './turn';

/** Runs one node; returns the next node to enter, or null once the node has parked or ended the turn. */
function enterNode(turn: Turn, node: FlowNode): string | null {
  return kindOf(node).enter(turn, node);
}

/** Stops the conversation on a flow fault: the customer gets the fallback instead of silence or a hang. */
function abort(turn: Turn, nodeId: string | null, code: string, data: Record<string, string> = {}): void {
  emit(turn, 'error', nodeId, { code, ...data });
  sayFallback(turn, nodeId ?? '');
  clearWait(turn);
  turn.session.status = 'completed';
  turn.session.nodeId = null;
}

/**
 * `nodeEntered` carries the node's kind and, when it was reached by an edge, the node and
 * output handle that edge leaves, so path coverage and analytics need not guess the branch.
 * A jump or a (re)start reaches its node by no edge and carries neither.
 */
function emitEntered(turn: Turn, node: FlowNode): void {
  if (turn.viaNodeId !== null && turn.viaHandle !== null) {
    emit(turn, 'nodeEntered', node.id, { kind: node.type, fromNodeId: turn.viaNodeId, viaHandle: turn.viaHandle });
    turn.viaNodeId = null;
    turn.viaHandle = null;
  } else {
    emit(turn, 'nodeEntered', node.id, { kind: node.type });
  }
}

/**
 * A goal counts once per conversation however often its node is passed (a loop, a restart), so
 * the conversion rate is conversations that reached it / conversations started. The array is
 * replaced, never pushed to: the session passed in is a value the caller may still hold.
 */
function recordGoal(turn: Turn, node: FlowNode): void {
  const goal = node.data.goal;
  if (!goal) return;
  const reached = turn.session.goalsReached ?? [];
  if (reached.includes(node.id)) return;
  turn.session.goalsReached = [...reached, node.id];
  emit(turn, 'goalReached', node.id, { label: goal.label });
}

/** Enters nodes from `nodeId` until one waits, hands off or ends, within the turn's step budget. */
export function runFrom(turn: Turn, nodeId: string): void {
  let id: string | null = nodeId;
  let previous: string | null = null;
  while (id !== null) {
    const node = turn.index.nodes.get(id);
    // An edge or jump into a node that is gone; the validator flags it, the customer must not hang.
    if (!node) return abort(turn, previous, 'missingNode', { target: id });
    if (turn.steps >= MAX_AUTOMATIC_STEPS) return abort(turn, node.id, 'loopLimit');
    turn.steps++;
    turn.session.nodeId = node.id;
    turn.session.status = 'active';
    clearWait(turn);
    emitEntered(turn, node);
    recordGoal(turn, node);
    previous = node.id;
    id = enterNode(turn, node);
  }
}

export function runFromStart(turn: Turn): void {
  // An edge followed before a restart (e.g. into a node that is gone) does not lead to the start.
  turn.viaNodeId = null;
  turn.viaHandle = null;
  const startId = turn.index.startId;
  if (startId === null) return abort(turn, null, 'noStart');
  runFrom(turn, startId);
}
