import type { FlowDocumentInput } from '../../../runtime/src/schema';

const at = (y: number) => ({ x: 0, y });

/** Free text routed by an intent step to an FAQ or an order lookup, with fallbacks and a CSAT at the end. */
export function helpDeskFlow(id = 'help-desk', lookupUrl = 'https://shop.example.com/orders/{{order}}'): FlowDocumentInput {
  return {
    schemaVersion: 2,
    id,
    name: 'Help desk',
    variables: [
      { name: 'order', type: 'string' },
      { name: 'orderStatus', type: 'string' },
      { name: 'lookupError', type: 'string' },
      { name: 'intent', type: 'string' },
    ],
    settings: {
      globalIntents: {
        intents: [
          { id: 'human', name: 'talk to a human', examples: ['talk to a human', 'I want a real person', 'connect me with an agent', 'human please'], action: 'jump', target: 'agent' },
        ],
      },
    },
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
          intentVariable: 'intent',
        },
      },
      { id: 'ask-order', type: 'question', position: at(200), data: { text: 'Your order number?', variable: 'order', inputKind: 'text' } },
      {
        id: 'lookup',
        type: 'httpRequest',
        position: at(300),
        data: {
          method: 'GET',
          url: lookupUrl,
          headers: [{ name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' }],
          responseMapping: [{ path: '$.status', variable: 'orderStatus' }],
          timeoutMs: 1000,
          errorVariable: 'lookupError',
        },
      },
      { id: 'status', type: 'message', position: at(400), data: { text: 'Order {{order}} is {{orderStatus}}.' } },
      { id: 'lookup-failed', type: 'message', position: at(400), data: { text: 'I cannot check orders right now.' } },
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
          askHelpful: true,
        },
      },
      { id: 'csat', type: 'satisfaction', position: at(500), data: { text: 'How did we do?' } },
      { id: 'sorry', type: 'message', position: at(200), data: { text: 'Sorry, I did not understand.' } },
      { id: 'agent', type: 'handoff', position: at(600), data: { text: 'Connecting you to a person.', queue: 'support' } },
      { id: 'bye', type: 'end', position: at(700), data: { text: 'Bye!' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'understand' },
      { id: 'e2', source: 'understand', sourceHandle: 'track', target: 'ask-order' },
      { id: 'e3', source: 'understand', sourceHandle: 'question', target: 'faq' },
      { id: 'e4', source: 'understand', sourceHandle: 'fallback', target: 'sorry' },
      { id: 'e5', source: 'sorry', sourceHandle: 'next', target: 'agent' },
      { id: 'e6', source: 'ask-order', sourceHandle: 'next', target: 'lookup' },
      { id: 'e7', source: 'ask-order', sourceHandle: 'invalid', target: 'agent' },
      { id: 'e8', source: 'lookup', sourceHandle: 'success', target: 'status' },
      { id: 'e9', source: 'lookup', sourceHandle: 'error', target: 'lookup-failed' },
      { id: 'e10', source: 'status', sourceHandle: 'next', target: 'csat' },
      { id: 'e11', source: 'lookup-failed', sourceHandle: 'next', target: 'agent' },
      { id: 'e12', source: 'faq', sourceHandle: 'answered', target: 'csat' },
      { id: 'e13', source: 'faq', sourceHandle: 'fallback', target: 'agent' },
      { id: 'e14', source: 'csat', sourceHandle: 'next', target: 'bye' },
      { id: 'e15', source: 'agent', sourceHandle: 'resolved', target: 'bye' },
      { id: 'e16', source: 'agent', sourceHandle: 'offline', target: 'bye' },
    ],
  };
}
