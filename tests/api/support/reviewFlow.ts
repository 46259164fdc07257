import type { FlowDocumentInput } from '../../../runtime/src/schema';

const at = (y: number) => ({ x: 0, y });

/**
 * Every step that can fail to understand: an intent step whose fallback leads to a menu (a
 * choice that keeps offering its options), a yes/no question after "track", an FAQ after "question".
 */
export function reviewFlow(id = 'review-desk'): FlowDocumentInput {
  return {
    schemaVersion: 2,
    id,
    name: 'Review desk',
    variables: [{ name: 'urgent', type: 'boolean' }],
    nodes: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      {
        id: 'understand',
        type: 'intent',
        position: at(100),
        data: {
          text: 'How can I help?',
          intents: [
            { id: 'track', name: 'track order', examples: ['where is my order', 'track my parcel', 'order status', 'has my package shipped'] },
            { id: 'question', name: 'question', examples: ['I have a question', 'quick question', 'can I ask something', 'I want to ask about shipping'] },
          ],
          noneExamples: ['tell me a joke', 'what is the weather'],
        },
      },
      { id: 'confirm', type: 'question', position: at(200), data: { text: 'Is it urgent?', variable: 'urgent', inputKind: 'yesNo' } },
      {
        id: 'faq',
        type: 'faq',
        position: at(200),
        data: {
          text: 'Go ahead, ask.',
          items: [
            { id: 'shipping', question: 'How much is shipping?', variants: ['delivery cost', 'do you charge for delivery'], answer: 'Shipping is free over 100 PLN.' },
            { id: 'returns', question: 'How do I return an item?', variants: ['return policy', 'can I send it back'], answer: 'You have 30 days.' },
          ],
        },
      },
      {
        id: 'menu',
        type: 'choice',
        position: at(200),
        data: { text: 'Pick one:', options: [{ id: 'opt-returns', label: 'Returns' }, { id: 'opt-shipping', label: 'Shipping', synonyms: ['delivery'] }] },
      },
      { id: 'bye', type: 'end', position: at(300), data: { text: 'Bye!' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'understand' },
      { id: 'e2', source: 'understand', sourceHandle: 'track', target: 'confirm' },
      { id: 'e3', source: 'understand', sourceHandle: 'question', target: 'faq' },
      { id: 'e4', source: 'understand', sourceHandle: 'fallback', target: 'menu' },
      { id: 'e5', source: 'confirm', sourceHandle: 'next', target: 'bye' },
      { id: 'e6', source: 'confirm', sourceHandle: 'invalid', target: 'bye' },
      { id: 'e7', source: 'faq', sourceHandle: 'answered', target: 'bye' },
      { id: 'e8', source: 'faq', sourceHandle: 'fallback', target: 'bye' },
      { id: 'e9', source: 'menu', sourceHandle: 'opt-returns', target: 'bye' },
      { id: 'e10', source: 'menu', sourceHandle: 'opt-shipping', target: 'bye' },
    ],
  };
}
