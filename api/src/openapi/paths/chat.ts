import { errors, json, ok, operation, pathParam, type Paths } from '../helpers';

// Owned by the chat area: refine the schemas here as the chat routes evolve. Mounted routers
// pass this object along, so the OpenAPI test checks it against their real routes.

const message = {
  type: 'object',
  properties: {
    id: { type: 'integer', description: 'Monotonic per session' },
    from: { enum: ['bot', 'agent', 'customer', 'system'] },
    kind: { enum: ['text', 'image', 'links', 'event'] },
    text: { type: 'string' },
    url: { type: 'string' },
    alt: { type: 'string' },
    links: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, url: { type: 'string' } } } },
    agentName: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'from', 'kind', 'at'],
};
const turn = {
  type: 'object',
  properties: {
    messages: { type: 'array', items: message },
    input: { type: 'object', description: 'What the customer is expected to do next (engine InputRequest)' },
    status: { type: 'string' },
  },
  required: ['messages', 'input', 'status'],
};
const sessionId = pathParam('id', 'Chat session id');

// CORS: browsers on a site in the flow's `settings.allowedOrigins` get the CORS headers (and
// their OPTIONS preflight a 204); any other foreign site gets 403 `origin_not_allowed`.
const corsNote =
  "Cross-site callers must be in the flow's `settings.allowedOrigins` (CORS preflight supported); other sites get 403 `origin_not_allowed`.";

export const chatPaths: Paths = {
  '/api/chat/{flowId}/sessions': {
    post: operation({
      tag: 'Chat',
      summary: 'Start a conversation on the live version',
      description: `${corsNote} Rate-limited per IP.`,
      access: 'public',
      parameters: [pathParam('flowId', 'Flow id')],
      responses: {
        '201': {
          description: 'Started',
          content: json({
            allOf: [turn, { type: 'object', properties: { sessionId: { type: 'string' }, sessionToken: { type: 'string' } }, required: ['sessionId', 'sessionToken'] }],
          }),
        },
        ...errors(403, 404, 429),
      },
    }),
  },
  '/api/chat/sessions/{id}/messages': {
    post: operation({
      tag: 'Chat',
      summary: 'Send the customer’s answer',
      description: `${corsNote} Rate-limited per session; bodies over 16 kB get 413.`,
      access: 'chatSession',
      parameters: [sessionId],
      body: {
        oneOf: [
          { type: 'object', properties: { text: { type: 'string', minLength: 1, maxLength: 2000 } }, required: ['text'] },
          { type: 'object', properties: { optionId: { type: 'string' } }, required: ['optionId'] },
        ],
      },
      responses: { ...ok(turn), ...errors(403, 404, 429) },
    }),
    get: operation({
      tag: 'Chat',
      summary: 'The transcript after message N, for reconnects',
      access: 'chatSession',
      parameters: [sessionId, { name: 'after', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } }],
      responses: { ...ok(turn), ...errors(403, 404) },
    }),
  },
  '/api/chat/sessions/{id}/ws': {
    get: {
      ...operation({
        tag: 'Chat',
        summary: 'WebSocket: the conversation live (bot replies, agent messages, typing)',
        access: 'public',
        parameters: [
          sessionId,
          { name: 'token', in: 'query', required: true, schema: { type: 'string' } },
          {
            name: 'frames',
            in: 'query',
            required: false,
            description:
              'turn: each turn arrives as one {type:"turn", messages, status, input} frame instead of a message frame ' +
              'per message followed by a status frame. Messages outside a turn (agents) and typing frames are unchanged.',
            schema: { type: 'string', enum: ['turn'] },
          },
        ],
        responses: { '101': { description: 'Switching protocols' } },
      }),
      // Served by the HTTP upgrade handler, not an Express route; the route test skips these.
      'x-websocket': true,
    },
  },
};
