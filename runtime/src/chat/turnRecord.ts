import type { Effect, StepResult } from '../engine/types';
import { assertNever } from '../util/assertNever';
import type { EventRecord, HandoffState } from './conversationStore';
import { outputToMessage, systemMessage, type NewMessage } from './messages';

/** What one engine step means for storage and live delivery. */
export interface TurnRecord {
  messages: NewMessage[];
  events: EventRecord[];
  /** Set when the step started a handoff. */
  handoff: HandoffState | null;
  /** Text the customer sent while handed off, for the agent. */
  forwarded: string[];
}

/**
 * Turns engine results into rows: outputs become bot messages in order, events become event
 * rows, and a `handoff` effect becomes a waiting queue entry. `before` goes first (the
 * customer's own message, a system notice).
 */
export function recordStep(
  result: StepResult,
  meta: { flowId: string; flowVersion: number; sessionId: string; at: number },
  before: NewMessage[] = [],
): TurnRecord {
  const record: TurnRecord = { messages: [...before], events: [], handoff: null, forwarded: [] };
  for (const effect of result.effects) applyEffect(record, effect, meta);
  for (const output of result.outputs) record.messages.push(outputToMessage(output, meta.at));
  return record;
}

// At module level, not nested in recordStep: run through tsx, a function declared inside another
// costs an Object.defineProperty for its name (esbuild's keepNames) on every call of the outer one.
function applyEffect(record: TurnRecord, effect: Effect, meta: { flowId: string; flowVersion: number; sessionId: string; at: number }): void {
  switch (effect.type) {
    case 'event':
      record.events.push({
        flowId: meta.flowId,
        flowVersion: meta.flowVersion,
        sessionId: meta.sessionId,
        name: effect.event.name,
        nodeId: effect.event.nodeId ?? null,
        data: effect.event.data ?? null,
        at: effect.event.at,
      });
      // The restart's greeting follows, so the customer is told why the bot starts over.
      if (effect.event.name === 'expired') record.messages.push(systemMessage('sessionExpired', meta.at));
      return;
    case 'handoff':
      record.handoff = {
        status: 'waiting',
        queue: effect.queue,
        priority: effect.priority,
        note: effect.note,
        requestedAt: meta.at,
        assignedAgent: null,
        claimedAt: null,
        closedAt: null,
        resolution: null,
      };
      return;
    case 'forwardToAgent':
      record.forwarded.push(effect.text);
      return;
    case 'http':
    case 'knowledge':
    case 'intentPick':
      // Carried out by the chat service before recording; its outcome arrives as events.
      return;
    default:
      assertNever(effect);
  }
}
