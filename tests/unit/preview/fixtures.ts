import { sampleById } from '../../../samples';
import type { FlowDocument } from '../../../runtime/src/schema';
import type { EngineContext } from '../../../runtime/src/engine/types';

export function bankCard(): FlowDocument {
  const sample = sampleById('sample-bank-card-en');
  if (!sample) throw new Error('bank-card-en sample missing');
  return structuredClone(sample.flow);
}

/** A clock that moves a second per call, as a real preview's would between turns. */
export function tickingContext(start = Date.parse('2026-03-03T09:00:00Z')): EngineContext {
  let now = start;
  return { now: () => (now += 1000), random: () => 0.5, agentsAvailable: () => true };
}

export function withText(flow: FlowDocument, nodeId: string, text: string): FlowDocument {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.id === nodeId ? ({ ...n, data: { ...n.data, text } } as typeof n) : n)),
  };
}
