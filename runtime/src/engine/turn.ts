import type { FlowDocument } from '../schema/flow';
import type { VariableValue } from '../schema/common';
import type { FlowIndex } from './flowIndex';
import type { Effect, EngineContext, EngineEventName, Output, Session, StepResult } from './types';
import { currentInput } from './currentInput';
import { renderTemplate } from '../text/template';
import { getOwn } from './records';

/** The working state of one `start`/`step` call. The session here is the turn's own copy. */
export interface Turn {
  flow: FlowDocument;
  index: FlowIndex;
  ctx: EngineContext;
  session: Session;
  outputs: Output[];
  effects: Effect[];
  /** Read once so that every event of a turn carries the same instant. */
  now: number;
  /** Nodes entered so far in this turn, across restarts, for the loop bound. */
  steps: number;
}

export function beginTurn(
  flow: FlowDocument,
  index: FlowIndex,
  ctx: EngineContext,
  session: Session,
  now: number = ctx.now(),
): Turn {
  return {
    flow,
    index,
    ctx,
    // Copies so that the caller's session object is never changed: restoring never replays.
    session: { ...session, variables: { ...session.variables }, retries: { ...session.retries } },
    outputs: [],
    effects: [],
    now,
    steps: 0,
  };
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
  return renderTemplate(text, (name) => lookupVariable(turn, name));
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

export function finish(turn: Turn): StepResult {
  return { session: turn.session, outputs: turn.outputs, input: currentInput(turn.flow, turn.session), effects: turn.effects };
}
