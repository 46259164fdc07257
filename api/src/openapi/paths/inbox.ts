import { errors, json, ok, operation, pathParam, type Paths } from '../helpers';

// Owned by the inbox area: refine the schemas here as the inbox routes evolve.

const sessionId = pathParam('sessionId', 'Chat session id');
const agentRef = { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } };
const item = {
  type: 'object',
  description: 'A handed-off conversation as the inbox lists it',
  properties: {
    sessionId: { type: 'string' },
    flowId: { type: 'string' },
    flowName: { type: 'string' },
    flowVersion: { type: 'integer' },
    status: { enum: ['waiting', 'active', 'closed'] },
    queue: { type: 'string' },
    priority: { enum: ['low', 'normal', 'high', 'urgent'] },
    note: { type: 'string' },
    requestedAt: { type: 'string', format: 'date-time' },
    waitingSeconds: { type: 'integer', description: 'How long the customer waited (so far) for an agent' },
    assignedAgent: agentRef,
    claimedAt: { type: ['string', 'null'], format: 'date-time' },
    closedAt: { type: ['string', 'null'], format: 'date-time' },
    resolution: { enum: ['returned', 'closed', 'unavailable', null] },
    variables: { type: 'object', description: 'What the flow captured (order number, email...)' },
    conversationStatus: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
const conversation = { type: 'object', properties: { conversation: item } };
const availability = {
  type: 'object',
  properties: {
    availability: {
      type: 'object',
      properties: { agentId: { type: 'string' }, name: { type: 'string' }, status: { enum: ['online', 'away'] }, updatedAt: { type: 'integer' } },
    },
  },
};
const action = (summary: string, body?: Record<string, unknown>) =>
  operation({ tag: 'Inbox', summary, access: 'agent', parameters: [sessionId], ...(body ? { body } : {}), responses: { ...ok(conversation), ...errors(404, 409) } });

export const inboxPaths: Paths = {
  '/api/inbox': {
    get: operation({
      tag: 'Inbox',
      summary: 'Handed-off conversations by status',
      access: 'agent',
      parameters: [{ name: 'status', in: 'query', required: false, schema: { enum: ['waiting', 'active', 'closed'] } }],
      responses: ok({ type: 'object', properties: { conversations: { type: 'array', items: item } } }),
    }),
  },
  '/api/inbox/{sessionId}': {
    get: operation({
      tag: 'Inbox',
      summary: 'One conversation with its transcript',
      access: 'agent',
      parameters: [sessionId],
      responses: { ...ok({ type: 'object', properties: { conversation: item, messages: { type: 'array', items: { type: 'object' } } } }), ...errors(404) },
    }),
  },
  '/api/inbox/{sessionId}/claim': {
    post: action('Take a waiting conversation; a second claim gets 409 `already_claimed` with `assignedAgent`'),
  },
  '/api/inbox/{sessionId}/messages': {
    post: operation({
      tag: 'Inbox',
      summary: 'Send a message to the customer',
      access: 'agent',
      parameters: [sessionId],
      body: { type: 'object', properties: { text: { type: 'string', minLength: 1, maxLength: 2000 } }, required: ['text'] },
      responses: { '201': { description: 'Sent', content: json({ type: 'object', properties: { message: { type: 'object' } } }) }, ...errors(404, 409) },
    }),
  },
  '/api/inbox/{sessionId}/return': { post: action("Give the conversation back to the bot (the handoff's resolved output)") },
  '/api/inbox/{sessionId}/close': { post: action('Close the conversation') },
  '/api/inbox/availability': {
    get: operation({
      tag: 'Inbox',
      summary: 'Your availability',
      access: 'agent',
      responses: ok(availability),
    }),
    put: operation({
      tag: 'Inbox',
      summary: 'Set your availability',
      access: 'agent',
      body: { type: 'object', properties: { status: { enum: ['online', 'away'] } }, required: ['status'] },
      responses: ok(availability),
    }),
  },
  '/api/inbox/ws': {
    get: {
      ...operation({ tag: 'Inbox', summary: 'WebSocket: inbox updates live', access: 'agent', responses: { '101': { description: 'Switching protocols' } } }),
      'x-websocket': true,
    },
  },
};
