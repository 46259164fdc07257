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
export const inboxItemSchema = item;
export const inboxMessageSchema = {
  type: 'object',
  description: 'A transcript message; `kind: note` marks an internal note the customer never sees',
  properties: {
    id: { type: 'integer' },
    from: { enum: ['bot', 'agent', 'customer', 'system'] },
    kind: { enum: ['text', 'image', 'links', 'event', 'note'] },
    text: { type: 'string' },
    url: { type: 'string' },
    alt: { type: 'string' },
    links: { type: 'array', items: { type: 'object' } },
    agentName: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
  },
};
const cannedReply = {
  type: 'object',
  properties: { id: { type: 'string' }, title: { type: 'string' }, text: { type: 'string' } },
  required: ['id', 'title', 'text'],
};
const conversation = { type: 'object', properties: { conversation: item } };
const messageResult = { type: 'object', properties: { message: inboxMessageSchema } };
const textBody = { type: 'object', properties: { text: { type: 'string', minLength: 1, maxLength: 2000 } }, required: ['text'] };
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
      responses: { ...ok({ type: 'object', properties: { conversation: item, messages: { type: 'array', items: inboxMessageSchema } } }), ...errors(404) },
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
      body: textBody,
      responses: { '201': { description: 'Sent', content: json(messageResult) }, ...errors(404, 409) },
    }),
  },
  '/api/inbox/{sessionId}/notes': {
    post: operation({
      tag: 'Inbox',
      summary: 'Add an internal note; agents see it in the transcript, the customer never does',
      access: 'agent',
      parameters: [sessionId],
      body: textBody,
      responses: { '201': { description: 'Noted', content: json(messageResult) }, ...errors(404) },
    }),
  },
  '/api/inbox/{sessionId}/transfer': {
    post: operation({
      tag: 'Inbox',
      summary: 'Transfer to another queue (waits there again, unassigned) or straight to an agent',
      access: 'agent',
      parameters: [sessionId],
      body: {
        oneOf: [
          { type: 'object', properties: { queue: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['queue'] },
          { type: 'object', properties: { agentId: { type: 'string' } }, required: ['agentId'] },
        ],
      },
      responses: { ...ok(conversation), ...errors(404, 409, 422) },
    }),
  },
  '/api/inbox/settings': {
    get: operation({
      tag: 'Inbox',
      summary: 'The organisation settings the inbox needs',
      access: 'agent',
      responses: ok({
        type: 'object',
        properties: { inboxHighlightMinutes: { type: 'integer' }, cannedReplies: { type: 'array', items: cannedReply } },
      }),
    }),
  },
  '/api/inbox/canned-replies': {
    get: operation({
      tag: 'Inbox',
      summary: 'Canned replies (admins edit them in the organisation settings)',
      access: 'agent',
      responses: ok({ type: 'object', properties: { cannedReplies: { type: 'array', items: cannedReply } } }),
    }),
  },
  '/api/inbox/agents': {
    get: operation({
      tag: 'Inbox',
      summary: 'Accounts that can take conversations, with their availability (transfer targets)',
      access: 'agent',
      responses: ok({
        type: 'object',
        properties: {
          agents: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, name: { type: 'string' }, role: { enum: ['agent', 'admin'] }, status: { enum: ['online', 'away'] } },
            },
          },
        },
      }),
    }),
  },
  '/api/inbox/queues': {
    get: operation({
      tag: 'Inbox',
      summary: 'Every queue a conversation has been handed to',
      access: 'agent',
      responses: ok({ type: 'object', properties: { queues: { type: 'array', items: { type: 'string' } } } }),
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
