import type { FlowDocument } from '../schema/flow';
import type { FlowNode } from '../schema/node';
import { outputHandles } from '../schema/node';
import { indexOf, targetOf, type FlowIndex } from '../engine/flowIndex';
import { matchChoice } from '../engine/choiceMatch';
import type { Effect, EngineEvent, EngineInput, Session } from '../engine/types';

export interface VisitedHandle {
  nodeId: string;
  handle: string;
}

/** What one conversation went through, for path coverage. */
export interface Visited {
  /** In the order first entered. */
  nodeIds: string[];
  handles: VisitedHandle[];
}

/** Collects visited nodes and output handles turn by turn. */
export class VisitRecorder {
  private readonly nodes = new Set<string>();
  private readonly handles = new Map<string, VisitedHandle>();
  private readonly index: FlowIndex;

  constructor(private readonly flow: FlowDocument) {
    this.index = indexOf(flow);
  }

  /**
   * The engine reports the nodes it enters but not the handle it left each one by, so the
   * handle is read back from the edge between two consecutive nodes. Where several handles of
   * one node lead to the same place, the turn's events and input tell them apart; if they
   * cannot (two condition branches wired to one node), none is recorded, so coverage never
   * claims a path that was not proven.
   */
  recordTurn(before: Session | null, input: EngineInput | null, effects: readonly Effect[]): void {
    const events = effects.flatMap((e) => (e.type === 'event' ? [e.event] : []));
    // A conversation parked at a question, choice or handoff leaves it in this turn.
    let previous: string | null = before?.nodeId ?? null;
    for (const event of events) {
      if (event.name === 'sessionStarted' || event.name === 'expired' || event.name === 'recovered') {
        previous = null;
      } else if (event.name === 'nodeEntered' && event.nodeId !== undefined) {
        this.nodes.add(event.nodeId);
        if (previous !== null) this.recordEdge(previous, event.nodeId, input, events);
        previous = event.nodeId;
      }
    }
  }

  result(): Visited {
    return { nodeIds: [...this.nodes], handles: [...this.handles.values()] };
  }

  private recordEdge(fromId: string, toId: string, input: EngineInput | null, events: EngineEvent[]): void {
    const from = this.index.nodes.get(fromId);
    if (!from) return;
    const candidates = outputHandles(from).filter((h) => targetOf(this.index, fromId, h) === toId);
    const handle = candidates.length === 1 ? candidates[0]! : disambiguate(from, candidates, input, events);
    if (handle === null) return;
    const key = `${fromId}\u0000${handle}`;
    if (!this.handles.has(key)) this.handles.set(key, { nodeId: fromId, handle });
  }
}

function disambiguate(from: FlowNode, candidates: string[], input: EngineInput | null, events: EngineEvent[]): string | null {
  if (candidates.length === 0) return null;
  const happened = (name: EngineEvent['name']) => events.some((e) => e.name === name && e.nodeId === from.id);
  let handle: string | null = null;
  switch (from.type) {
    case 'choice':
      if (input?.type === 'option') handle = from.data.options.some((o) => o.id === input.optionId) ? input.optionId : 'noMatch';
      else if (input?.type === 'text') handle = matchChoice(from.data.options, input.text)?.id ?? 'noMatch';
      break;
    case 'question':
      handle = happened('validationFailed') ? 'invalid' : 'next';
      break;
    case 'handoff':
      if (happened('handoffOffline')) handle = 'offline';
      else if (happened('handoffReturned')) handle = 'resolved';
      break;
    default:
      handle = null;
  }
  return handle !== null && candidates.includes(handle) ? handle : null;
}
