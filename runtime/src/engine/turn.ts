import type { FlowDocument } from '../schema/flow';
import type { VariableValue } from '../schema/common';
import type { FlowIndex } from './flowIndex';
import { compiledTemplate } from './flowIndex';
import type { Effect, EngineContext, EngineEventName, Output, Session } from './types';
import { fillTemplate } from '../text/template';
import { getOwn, setOwn, withoutKey } from './records';

/** The working state of one `start`/`step` call. The session here is the turn's own copy. */
export interface Turn {
  flow: FlowDocument;
  index: FlowIndex;
  ctx: EngineContext;
  session: Session;
  /**
   * Whether `session.variables` / `session.retries` belong to this turn yet. Until a write they
   * are the caller's objects, shared rather than copied: most turns change neither, and copying
   * both records on every turn was the largest single cost of a turn.
   */
  ownsVariables: boolean;
  ownsRetries: boolean;
  outputs: Output[];
  effects: Effect[];
  /** Read once so that every event of a turn carries the same instant. */
  now: number;
  /** Nodes entered so far in this turn, across restarts, for the loop bound. */
  steps: number;
  /** The edge the next node is entered by, set by `follow`; null after a jump or a (re)start. */
  viaNodeId: string | null;
  viaHandle: string | null;
  /** What the customer typed this turn, for a step that answers "the customer's message" (Answer from knowledge). */
  customerText?: string;
}

/**
 * Starts a turn on `session`. A session `start` has just built is passed as `fresh` and used
 * as is; any other is copied field by field so that the caller's object is never changed:
 * restoring never replays.
 */
export function beginTurn(
  flow: FlowDocument,
  index: FlowIndex,
  ctx: EngineContext,
  session: Session,
  now: number = ctx.now(),
  fresh = false,
): Turn {
  const own: Session = fresh
    ? session
    : {
        id: session.id,
        flowId: session.flowId,
        flowVersion: session.flowVersion,
        status: session.status,
        nodeId: session.nodeId,
        variables: session.variables,
        retries: session.retries,
        turn: session.turn,
        startedAt: session.startedAt,
        lastActivityAt: session.lastActivityAt,
      };
  if (!fresh && session.wait !== undefined) own.wait = session.wait;
  // Shared, not copied: recordGoal replaces the array rather than pushing to it.
  if (!fresh && session.goalsReached !== undefined) own.goalsReached = session.goalsReached;
  return {
    flow,
    index,
    ctx,
    session: own,
    ownsVariables: fresh,
    ownsRetries: fresh,
    outputs: [],
    effects: [],
    now,
    steps: 0,
    viaNodeId: null,
    viaHandle: null,
  };
}

export function setVariable(turn: Turn, name: string, value: VariableValue): void {
  if (!turn.ownsVariables) {
    turn.session.variables = { ...turn.session.variables };
    turn.ownsVariables = true;
  }
  setOwn(turn.session.variables, name, value);
}

/** Replaces all variables with a record built for this turn. */
export function replaceVariables(turn: Turn, variables: Record<string, VariableValue>): void {
  turn.session.variables = variables;
  turn.ownsVariables = true;
}

/** Leaves any second-phase wait; an absent key rather than `undefined` keeps JSON round-trips exact. */
export function clearWait(turn: Turn): void {
  if (turn.session.wait !== undefined) delete turn.session.wait;
}

export function setRetries(turn: Turn, nodeId: string, count: number): void {
  if (!turn.ownsRetries) {
    turn.session.retries = { ...turn.session.retries };
    turn.ownsRetries = true;
  }
  setOwn(turn.session.retries, nodeId, count);
}

export function clearRetries(turn: Turn, nodeId?: string): void {
  const retries = turn.session.retries;
  if (nodeId === undefined) {
    turn.session.retries = {};
    turn.ownsRetries = true;
  } else if (Object.hasOwn(retries, nodeId)) {
    // A copy without the key rather than `delete`, which would also drop the object into V8's slow mode.
    turn.session.retries = withoutKey(retries, nodeId);
    turn.ownsRetries = true;
  }
}

export function emit(
  turn: Turn,
  name: EngineEventName,
  nodeId?: string | null,
  data?: Record<string, VariableValue>,
): void {
  const event: { name: EngineEventName; at: number; nodeId?: string; data?: Record<string, VariableValue> } = {
    name,
    at: turn.now,
  };
  if (nodeId) event.nodeId = nodeId;
  if (data) event.data = data;
  turn.effects.push({ type: 'event', event });
}

/** A variable's value, falling back to its declared default, for templates. */
export function lookupVariable(turn: Turn, name: string): VariableValue | undefined {
  const value = getOwn(turn.session.variables, name);
  if (value !== undefined && value !== null) return value;
  return turn.index.variables.get(name)?.default ?? value;
}

export function render(turn: Turn, text: string): string {
  const template = compiledTemplate(turn.index, text);
  return template === null ? text : fillTemplate(template, lookupVariable, turn);
}

/** Says a text to the customer; empty texts are not sent. */
export function say(turn: Turn, nodeId: string, text: string): void {
  if (text.trim() === '') return;
  turn.outputs.push({ type: 'text', nodeId, text });
}

export function sayFallback(turn: Turn, nodeId: string): void {
  say(turn, nodeId, render(turn, turn.flow.settings.fallbackText));
}

/** Ends the conversation normally. */
export function complete(turn: Turn, nodeId?: string | null): void {
  turn.session.status = 'completed';
  turn.session.nodeId = null;
  emit(turn, 'completed', nodeId);
}
