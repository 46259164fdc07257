import { sampleById } from '../../../samples';
import { flowDocumentSchema, type FlowDocument } from '../../../runtime/src/schema';
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

/** An intent step that always doubts (threshold 1) and asks the language model when unsure. */
export function unsureIntentFlow(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'unsure-preview',
    name: 'Unsure',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'understand',
        type: 'intent',
        position: { x: 300, y: 0 },
        data: {
          threshold: 1,
          askModelWhenUnsure: true,
          intents: [
            { id: 'track', name: 'track order', examples: ['where is my order', 'track my parcel'] },
            { id: 'refund', name: 'refund', examples: ['refund please', 'I want my money back'] },
          ],
        },
      },
      { id: 'tracking', type: 'end', position: { x: 600, y: 0 }, data: { text: 'Let me look up your order.' } },
      { id: 'refunds', type: 'end', position: { x: 600, y: 100 }, data: { text: 'Refunds take 5 days.' } },
      { id: 'sorry', type: 'end', position: { x: 600, y: 200 }, data: { text: 'Let me get you a person.' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'understand' },
      { id: 'e2', source: 'understand', sourceHandle: 'track', target: 'tracking' },
      { id: 'e3', source: 'understand', sourceHandle: 'refund', target: 'refunds' },
      { id: 'e4', source: 'understand', sourceHandle: 'fallback', target: 'sorry' },
    ],
  });
}
