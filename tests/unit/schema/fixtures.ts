import type { NodeKind } from '../../../runtime/src/schema/node';

// A fresh object each time: a shared one would make a corruption of one node hit them all.
const at = () => ({ x: 0, y: 0 });

/** One valid node of each kind, with every optional field filled so corruptions reach them all. */
export const validNodes: Record<NodeKind, Record<string, unknown>> = {
  start: { id: 'start', type: 'start', position: at(), data: { label: 'Website' } },
  message: {
    id: 'welcome',
    type: 'message',
    position: { x: 200, y: 0 },
    data: {
      text: 'Hi {{name}}!',
      image: { url: 'https://cdn.example.com/hi.png', alt: 'Waving robot' },
      links: [{ label: 'Help centre', url: 'https://example.com/help' }],
    },
  },
  question: {
    id: 'ask-order',
    type: 'question',
    position: at(),
    data: {
      text: 'What is your order number?',
      variable: 'orderNumber',
      inputKind: 'text',
      pattern: '[A-Z]{2}\\d{6}',
      minLength: 8,
      maxLength: 8,
      retryText: 'It looks like AB123456.',
      maxRetries: 2,
      placeholder: 'AB123456',
    },
  },
  choice: {
    id: 'menu',
    type: 'choice',
    position: at(),
    data: {
      text: 'How can I help?',
      options: [
        { id: 'status', label: 'Order status', synonyms: ['where is my order'] },
        { id: 'returns', label: 'Returns' },
      ],
      variable: 'topic',
    },
  },
  condition: {
    id: 'is-vip',
    type: 'condition',
    position: at(),
    data: {
      branches: [
        { id: 'vip', label: 'VIP', match: 'all', rules: [{ variable: 'total', op: 'gte', value: 1000 }] },
        { id: 'mail', label: 'Has email', match: 'any', rules: [{ variable: 'email', op: 'isSet' }] },
      ],
    },
  },
  set: {
    id: 'count',
    type: 'set',
    position: at(),
    data: {
      assignments: [
        { variable: 'visits', value: '{{visits}} + 1', mode: 'math' },
        { variable: 'vip', value: true },
      ],
    },
  },
  handoff: {
    id: 'agent',
    type: 'handoff',
    position: at(),
    data: { text: 'Connecting you to a person.', queue: 'billing', priority: 'high', note: 'Order {{orderNumber}}' },
  },
  jump: { id: 'back', type: 'jump', position: at(), data: { target: 'menu' } },
  end: { id: 'bye', type: 'end', position: at(), data: { text: 'Thanks!' } },
  intent: {
    id: 'understand',
    type: 'intent',
    position: at(),
    data: {
      text: 'What can I do for you?',
      intents: [
        { id: 'track', name: 'track order', examples: ['where is my order', 'track my parcel'] },
        { id: 'refund', name: 'refund', examples: ['I want my money back'] },
      ],
      noneExamples: ['what is the weather'],
      threshold: 0.4,
      intentVariable: 'intent',
      confidenceVariable: 'confidence',
    },
  },
  faq: {
    id: 'faq',
    type: 'faq',
    position: at(),
    data: {
      text: 'Ask me anything.',
      items: [{ id: 'hours', question: 'When are you open?', variants: ['opening hours'], answer: 'Mon-Fri 9-17.' }],
      threshold: 0.3,
      askHelpful: true,
      helpfulText: 'Was that useful?',
    },
  },
  httpRequest: {
    id: 'lookup',
    type: 'httpRequest',
    position: at(),
    data: {
      method: 'POST',
      url: 'https://shop.example.com/api/orders/{{orderNumber}}',
      headers: [{ name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' }],
      body: '{"id": "{{orderNumber}}"}',
      timeoutMs: 3000,
      responseMapping: [{ path: '$.status', variable: 'orderStatus' }],
      maxResponseBytes: 10000,
      errorVariable: 'lookupError',
    },
  },
  satisfaction: {
    id: 'csat',
    type: 'satisfaction',
    position: at(),
    data: { text: 'How did we do?', askComment: true, commentText: 'Tell us more?' },
  },
  knowledgeAnswer: {
    id: 'kb',
    type: 'knowledgeAnswer',
    position: at(),
    data: {
      question: '{{question}}',
      text: 'What would you like to know?',
      tone: 'Friendly and brief',
      sourceIds: ['returns'],
      maxPassages: 3,
      providerId: 'main',
      answerVariable: 'answer',
      askHelpful: true,
      helpfulText: 'Was that useful?',
    },
  },
};

/** A complete document with settings spelled out, as JSON a user might import. */
export function validDocument(): Record<string, unknown> {
  return structuredClone({
    schemaVersion: 2,
    id: 'orders',
    name: 'Orders',
    description: 'Order status and returns',
    locale: 'en-GB',
    variables: [
      { name: 'visits', type: 'number', default: 0, description: 'How often they came back' },
      { name: 'email', type: 'string' },
    ],
    settings: {
      sessionTimeoutMinutes: 45,
      fallbackText: 'Sorry?',
      afterRetries: { action: 'end', text: 'Sorry, goodbye.' },
      businessHours: {
        enabled: true,
        timezone: 'Europe/Warsaw',
        weekly: [{ day: 'mon', open: '09:00', close: '17:00' }],
        holidays: ['2026-12-24'],
      },
      handoff: { defaultQueue: 'support', offlineText: 'We are closed.' },
      allowedOrigins: ['https://shop.example.com'],
      widget: { title: 'Shop', primaryColor: '#2563eb', avatarUrl: 'https://example.com/a.png', launcherPosition: 'right', greeting: 'Hi' },
      globalIntents: {
        threshold: 0.6,
        intents: [{ id: 'human', name: 'talk to a human', examples: ['talk to a human', 'agent please'], action: 'jump', target: 'bye' }],
      },
      privacy: {
        mask: { cardNumbers: true, ibans: true, pesel: false, emails: true, phones: false },
        notice: { text: 'We keep chats for 90 days.', linkUrl: 'https://shop.example.com/privacy', linkLabel: 'Privacy policy' },
      },
    },
    nodes: Object.values(validNodes),
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'welcome' },
      { id: 'e2', source: 'welcome', sourceHandle: null, target: 'menu' },
      { id: 'e3', source: 'menu', target: 'bye' },
    ],
  });
}

export function documentWith(nodes: unknown[]): Record<string, unknown> {
  return { schemaVersion: 2, id: 'f', name: 'Flow', nodes, edges: [] };
}
