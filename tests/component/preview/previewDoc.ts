import { flowDocumentSchema, type FlowDocument } from '../../../runtime/src/schema';

/** start -> hello -> pick (card -> ask email -> bye | agent -> handoff -> bye). */
export function previewDoc(): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 2,
    id: 'flow-preview',
    name: 'Preview flow',
    locale: 'en',
    variables: [
      { name: 'email', type: 'string' },
      { name: 'visits', type: 'number', default: 1 },
    ],
    settings: { widget: { title: 'Helper', primaryColor: '#0f766e' } },
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'hello', type: 'message', position: { x: 200, y: 0 }, data: { text: 'Hello there' } },
      {
        id: 'pick',
        type: 'choice',
        position: { x: 400, y: 0 },
        data: { text: 'Pick one', options: [{ id: 'card', label: 'Card' }, { id: 'agent', label: 'A person' }] },
      },
      {
        id: 'ask',
        type: 'question',
        position: { x: 600, y: 0 },
        data: { text: 'Your email?', variable: 'email', inputKind: 'email', retryText: 'That is not an email.' },
      },
      { id: 'handoff', type: 'handoff', position: { x: 600, y: 200 }, data: { text: 'Connecting you.', queue: 'support' } },
      { id: 'bye', type: 'end', position: { x: 800, y: 0 }, data: { text: 'Bye {{email}}' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
      { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'pick' },
      { id: 'e3', source: 'pick', sourceHandle: 'card', target: 'ask' },
      { id: 'e4', source: 'pick', sourceHandle: 'agent', target: 'handoff' },
      { id: 'e5', source: 'ask', sourceHandle: 'next', target: 'bye' },
      { id: 'e6', source: 'handoff', sourceHandle: 'resolved', target: 'bye' },
    ],
  });
}
