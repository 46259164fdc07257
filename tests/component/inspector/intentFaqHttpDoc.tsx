import { render, type RenderResult } from '@testing-library/react';
import { flowDocumentSchema, type FlowDocument } from '../../../runtime/src/schema';
import { Inspector } from '../../../editor/src/flow-editor/inspector/Inspector';
import { loadAndSelect, store } from './support';

export { dataOf, store } from './support';

const p = { x: 0, y: 0 };

/** One node of each issue-7 kind, with the steps their outputs and global intents lead to. */
export function intentFaqHttpDoc(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'flow-intent-faq-http',
    name: 'Issue 7 kinds',
    variables: [{ name: 'orderId', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: p, data: { label: 'Entry' } },
      {
        id: 'nlu',
        type: 'intent',
        position: p,
        data: {
          text: 'How can I help?',
          intents: [
            { id: 'track', name: 'Track order', examples: ['where is my order', 'track my parcel'] },
            { id: 'refund', name: 'Refund', examples: ['I want my money back'] },
          ],
          noneExamples: ['what is the weather'],
        },
      },
      { id: 'trackMsg', type: 'message', position: p, data: { text: 'Tracking it' } },
      { id: 'refundMsg', type: 'message', position: p, data: { text: 'Refunding' } },
      {
        id: 'help',
        type: 'faq',
        position: p,
        data: {
          items: [
            { id: 'hours', question: 'What are your opening hours?', variants: ['when are you open'], answer: 'From 9 to 5.' },
            { id: 'ship', question: 'Do you ship abroad?', answer: 'Yes, to the EU.' },
          ],
        },
      },
      {
        id: 'api',
        type: 'httpRequest',
        position: p,
        data: {
          method: 'GET',
          url: 'https://shop.example.com/orders/{{orderId}}',
          headers: [{ name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' }],
          responseMapping: [{ path: '$.status', variable: 'orderStatus' }],
        },
      },
      { id: 'rate', type: 'satisfaction', position: p, data: { text: 'How did we do?' } },
      { id: 'human', type: 'handoff', position: p, data: { text: 'Connecting you', queue: 'support' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'nlu' },
      { id: 'e2', source: 'nlu', sourceHandle: 'track', target: 'trackMsg' },
      { id: 'e3', source: 'nlu', sourceHandle: 'refund', target: 'refundMsg' },
    ],
  });
}

export function openInspector(nodeId: string): RenderResult {
  loadAndSelect(nodeId, intentFaqHttpDoc());
  return render(<Inspector />);
}

export const edgesFrom = (nodeId: string) => store().edges.filter((e) => e.source === nodeId).map((e) => e.sourceHandle);
