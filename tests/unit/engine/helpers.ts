import { flowDocumentSchema, type FlowDocument, type FlowDocumentInput } from '../../../runtime/src/schema';
import type { FlowEdge } from '../../../runtime/src/schema/edge';
import type { FlowNode } from '../../../runtime/src/schema/node';
import type { EngineContext, EngineEvent, EngineInput, Session, StepResult } from '../../../runtime/src/engine/types';
import { start, step } from '../../../runtime/src/engine';
import { seededRandom } from '../../../runtime/src/util/seededRandom';

/** Monday 30 November 2026, 10:00 UTC (11:00 in Warsaw). */
export const NOW = Date.UTC(2026, 10, 30, 10, 0);

/** A small deterministic PRNG so that tests never depend on Math.random. */
export const seeded = seededRandom;

export function ctxAt(now: number = NOW, extra: Partial<EngineContext> = {}): EngineContext {
  return { now: () => now, random: seeded(42), ...extra };
}

export type NodeSpec = { [K in FlowNode['type']]: { id: string; type: K; data: Extract<FlowNode, { type: K }>['data'] } }[FlowNode['type']];

export function edge(source: string, target: string, sourceHandle?: string | null): FlowEdge {
  const e: FlowEdge = { id: `${source}:${sourceHandle ?? '-'}->${target}`, source, target };
  if (sourceHandle !== undefined) e.sourceHandle = sourceHandle;
  return e;
}

/** Builds a schema-valid document with defaults filled in, as the runtime would load it. */
export function flowOf(parts: Omit<Partial<FlowDocumentInput>, 'nodes' | 'edges'> & { nodes: NodeSpec[]; edges: FlowEdge[] }): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'flow-1',
    name: 'Test flow',
    ...parts,
    nodes: parts.nodes.map((n) => ({ position: { x: 0, y: 0 }, ...n })),
  });
}

/** A start node wired to `first`. */
export function startTo(first: string): { nodes: NodeSpec[]; edges: FlowEdge[] } {
  return { nodes: [{ id: 'start', type: 'start', data: {} }], edges: [edge('start', first)] };
}

export function texts(r: StepResult): string[] {
  return r.outputs.flatMap((o) => (o.type === 'text' ? [o.text] : []));
}

export function events(r: StepResult): EngineEvent[] {
  return r.effects.flatMap((e) => (e.type === 'event' ? [e.event] : []));
}

export function eventNames(r: StepResult): string[] {
  return events(r).map((e) => e.name);
}

export function eventNamed(r: StepResult, name: EngineEvent['name']): EngineEvent | undefined {
  return events(r).find((e) => e.name === name);
}

export function begin(flow: FlowDocument, ctx: EngineContext = ctxAt()): StepResult {
  return start(flow, ctx, { sessionId: 's1', flowVersion: 1 });
}

export function say(flow: FlowDocument, session: Session, text: string, ctx: EngineContext = ctxAt()): StepResult {
  return step(flow, session, { type: 'text', text }, ctx);
}

export function send(flow: FlowDocument, session: Session, input: EngineInput, ctx: EngineContext = ctxAt()): StepResult {
  return step(flow, session, input, ctx);
}
