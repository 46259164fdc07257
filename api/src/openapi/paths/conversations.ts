import { errors, ok, operation, pathParam, type Paths } from '../helpers';
import { inboxItemSchema, inboxMessageSchema } from './inbox';

const summary = {
  type: 'object',
  properties: {
    sessionId: { type: 'string' },
    flowId: { type: 'string' },
    flowName: { type: 'string' },
    flowVersion: { type: 'integer' },
    status: { enum: ['active', 'waiting', 'handedOff', 'completed', 'expired'] },
    startedAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    messageCount: { type: 'integer' },
    excerpt: { type: ['string', 'null'], description: 'The first matching message, or the customer’s last words' },
    handoff: { oneOf: [inboxItemSchema, { type: 'null' }] },
  },
};
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

export const conversationPaths: Paths = {
  '/api/conversations': {
    get: operation({
      tag: 'Inbox',
      summary: 'Search conversation history, newest first',
      access: 'agent',
      parameters: [
        query('q', 'Text any message contains (internal notes included)'),
        query('flowId', 'Only this flow'),
        query('from', 'Started on or after (YYYY-MM-DD or ISO date-time)'),
        query('to', 'Started before; a plain date includes that whole day (UTC)'),
        query('status', 'Conversation status', { enum: ['active', 'waiting', 'handedOff', 'completed', 'expired'] }),
        query('limit', 'Page size (1–200, default 50)', { type: 'integer' }),
        query('cursor', 'nextCursor from the previous page'),
      ],
      responses: {
        ...ok({
          type: 'object',
          properties: { conversations: { type: 'array', items: summary }, nextCursor: { type: ['string', 'null'] } },
        }),
        ...errors(400),
      },
    }),
  },
  '/api/conversations/flows': {
    get: operation({
      tag: 'Inbox',
      summary: 'Flows that have conversations (the history filter)',
      access: 'agent',
      responses: ok({
        type: 'object',
        properties: { flows: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } } },
      }),
    }),
  },
  '/api/conversations/{id}': {
    get: operation({
      tag: 'Inbox',
      summary: 'One conversation’s transcript (notes included) and captured variables',
      access: 'agent',
      parameters: [pathParam('id', 'Chat session id')],
      responses: {
        ...ok({
          type: 'object',
          properties: {
            conversation: { ...summary, properties: { ...summary.properties, variables: { type: 'object' } } },
            messages: { type: 'array', items: inboxMessageSchema },
          },
        }),
        ...errors(404),
      },
    }),
  },
};
