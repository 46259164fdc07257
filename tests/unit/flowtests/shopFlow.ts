import { buildFlow } from './buildFlow';

/** A flow touching every kind of step a test case meets: templates, links, choice, question retries, condition, handoff. */
export const shopFlow = buildFlow(
  [
    ['start', 'start', {}],
    ['hello', 'message', { text: 'Hi {{name}}!', links: [{ label: 'Shop', url: 'https://shop.example.com' }] }],
    [
      'menu',
      'choice',
      {
        text: 'Pick one',
        variable: 'topic',
        options: [
          { id: 'orders', label: 'Orders', synonyms: ['order'] },
          { id: 'agent', label: 'Agent' },
        ],
      },
    ],
    ['ask-qty', 'question', { text: 'How many?', variable: 'qty', inputKind: 'number', retryText: 'Numbers only.', maxRetries: 1 }],
    ['check', 'condition', { branches: [{ id: 'big', label: 'Big', match: 'all', rules: [{ variable: 'qty', op: 'gt', value: 5 }] }] }],
    ['big-msg', 'message', { text: "That's a lot: {{qty}}" }],
    ['handoff', 'handoff', { text: 'Connecting', queue: 'support' }],
    ['closed', 'message', { text: 'We are closed.' }],
    ['done', 'end', { text: 'Bye' }],
  ],
  [
    ['start', 'next', 'hello'],
    ['hello', 'next', 'menu'],
    ['menu', 'orders', 'ask-qty'],
    ['menu', 'agent', 'handoff'],
    ['ask-qty', 'next', 'check'],
    ['ask-qty', 'invalid', 'done'],
    ['check', 'big', 'big-msg'],
    ['check', 'else', 'done'],
    ['big-msg', 'next', 'done'],
    ['handoff', 'resolved', 'done'],
    ['handoff', 'offline', 'closed'],
    ['closed', 'next', 'done'],
  ],
  {
    variables: [
      { name: 'name', type: 'string' },
      { name: 'topic', type: 'string' },
      { name: 'qty', type: 'number' },
    ],
    settings: {
      businessHours: {
        enabled: true,
        timezone: 'UTC',
        weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day: day as 'mon', open: '09:00', close: '17:00' })),
      },
    },
  },
);
