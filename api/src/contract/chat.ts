import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { customerInputSchema } from '../chat/customerInput';
import { inputKindSchema } from '../../../runtime/src/schema/nodes/question';
import { messageLinkSchema } from '../../../runtime/src/schema/nodes/message';
import { sessionStatusSchema } from '../../../runtime/src/flowtests/schema';

export const senderSchema = z.enum(['bot', 'agent', 'customer', 'system']);

/** The public transcript shape (what the widget and the inbox receive). */
export const transcriptMessageSchema = named(
  'TranscriptMessage',
  z.object({
    id: described(z.number().int(), 'Monotonic per session'),
    from: senderSchema,
    kind: z.enum(['text', 'image', 'links', 'event']),
    text: z.string().optional(),
    url: z.string().optional(),
    alt: z.string().optional(),
    links: z.array(messageLinkSchema).optional(),
    agentName: z.string().optional(),
    at: z.iso.datetime(),
  }),
);

const choiceOption = z.object({ id: z.string(), label: z.string() });
export const inputRequestSchema = named(
  'InputRequest',
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('choice'), nodeId: z.string(), options: z.array(choiceOption), allowText: z.boolean() }),
    z.object({
      type: z.literal('text'),
      nodeId: z.string(),
      inputKind: inputKindSchema,
      placeholder: z.string().optional(),
      pattern: z.string().optional(),
      minLength: z.number().int().optional(),
      maxLength: z.number().int().optional(),
      allowNegative: z.literal(false).optional(),
      allowDecimals: z.literal(false).optional(),
    }),
    z.object({ type: z.literal('rating'), nodeId: z.string(), scale: z.literal(5), allowComment: z.boolean() }),
    z.object({ type: z.literal('none') }),
  ]),
  'What the customer is expected to do next',
);

export const chatViewSchema = named(
  'ChatTurn',
  z.object({ messages: z.array(transcriptMessageSchema), input: inputRequestSchema, status: sessionStatusSchema }),
);

const flowIdParams = z.object({ flowId: described(z.string(), 'Flow id') });

/** What the widget sends when a conversation starts. */
export const startConversationBody = z.object({
  visitorId: described(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 characters of A–Z, a–z, 0–9, _ and -')
      .optional(),
    "The widget's random anonymous id for this browser (kept in its localStorage), for counting unique visitors; never shown to agents. Omit when storage is unavailable.",
  ),
});
const sessionParams = z.object({ id: described(z.string(), 'Chat session id') });

// Browsers on a site in the flow's `settings.allowedOrigins` get the CORS headers (and their
// OPTIONS preflight a 204); any other foreign site gets 403 `origin_not_allowed`.
const corsNote =
  "Cross-site callers must be in the flow's `settings.allowedOrigins` (CORS preflight supported); other sites get 403 `origin_not_allowed`.";

export const chatRoutes = {
  start: defineRoute({
    method: 'post',
    path: '/api/chat/:flowId/sessions',
    tag: 'Chat',
    summary: 'Start a conversation on the live version',
    description: `${corsNote} Rate-limited per IP.`,
    access: 'public',
    params: flowIdParams,
    body: startConversationBody,
    responses: {
      201: { description: 'Started', schema: chatViewSchema.extend({ sessionId: z.string(), sessionToken: z.string() }) },
    },
    errors: [400, 403, 404, 413, 415, 429],
  }),
  send: defineRoute({
    method: 'post',
    path: '/api/chat/sessions/:id/messages',
    tag: 'Chat',
    summary: 'Send the customer’s answer',
    description: `${corsNote} Rate-limited per session; bodies over 16 kB get 413.`,
    access: 'chatSession',
    params: sessionParams,
    body: customerInputSchema,
    responses: { 200: chatViewSchema },
    errors: [403, 404, 409, 429],
  }),
  transcript: defineRoute({
    method: 'get',
    path: '/api/chat/sessions/:id/messages',
    tag: 'Chat',
    summary: 'The transcript after message N, for reconnects',
    access: 'chatSession',
    params: sessionParams,
    query: z.object({ after: described(z.coerce.number().int().min(0).default(0), 'Only messages with a higher id') }),
    responses: { 200: chatViewSchema },
    errors: [403, 404],
  }),
  socket: defineRoute({
    method: 'get',
    path: '/api/chat/sessions/:id/ws',
    tag: 'Chat',
    summary: 'WebSocket: the conversation live (bot replies, agent messages, typing)',
    access: 'public',
    websocket: true,
    params: sessionParams,
    query: z.object({
      token: z.string(),
      frames: described(
        z.enum(['turn']).optional(),
        'turn: each turn arrives as one {type:"turn", messages, status, input} frame instead of a message frame ' +
          'per message followed by a status frame. Messages outside a turn (agents) and typing frames are unchanged.',
      ),
    }),
    responses: { 101: { description: 'Switching protocols' } },
  }),
};
