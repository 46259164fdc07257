import { z } from 'zod';
import { defineRoute } from './route';
import { actorSchema, described, named } from './common';
import { senderSchema } from './chat';
import { agentTextSchema } from '../chat/customerInput';
import { messageLinkSchema } from '../../../runtime/src/schema/nodes/message';
import { handoffPrioritySchema } from '../../../runtime/src/schema/nodes/handoff';
import { variableValueSchema } from '../../../runtime/src/schema';
import { sessionStatusSchema } from '../../../runtime/src/flowtests/schema';
import { cannedReplySchema } from '../storage/settingsStore';

export const handoffStatusSchema = z.enum(['waiting', 'active', 'closed']);
export const agentStatusSchema = z.enum(['online', 'away']);

export const inboxItemSchema = named(
  'InboxItem',
  z.object({
    sessionId: z.string(),
    flowId: z.string(),
    flowName: z.string(),
    flowVersion: z.number().int(),
    status: handoffStatusSchema,
    queue: z.string(),
    priority: handoffPrioritySchema,
    note: z.string(),
    requestedAt: z.iso.datetime(),
    waitingSeconds: described(z.number().int(), 'How long the customer waited (so far) for an agent'),
    assignedAgent: actorSchema.nullable(),
    claimedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    resolution: z.enum(['returned', 'closed', 'unavailable']).nullable(),
    variables: described(z.record(z.string(), variableValueSchema), 'What the flow captured (order number, email...), masked by the flow’s rules'),
    conversationStatus: sessionStatusSchema,
    updatedAt: z.iso.datetime(),
  }),
  'A handed-off conversation as the inbox lists it',
);

export const inboxMessageSchema = named(
  'InboxMessage',
  z.object({
    id: z.number().int(),
    from: senderSchema,
    kind: z.enum(['text', 'image', 'links', 'event', 'note']),
    text: z.string().optional(),
    url: z.string().optional(),
    alt: z.string().optional(),
    links: z.array(messageLinkSchema).optional(),
    agentName: z.string().optional(),
    at: z.iso.datetime(),
  }),
  'A transcript message; `kind: note` marks an internal note the customer never sees',
);

const availability = z.object({
  availability: z.object({ agentId: z.string(), name: z.string(), status: agentStatusSchema, updatedAt: z.number().int() }),
});
const conversation = z.object({ conversation: inboxItemSchema });
const sessionParams = z.object({ sessionId: described(z.string(), 'Chat session id') });

export const transferBody = z.union(
  [
    z.strictObject({ queue: z.string().trim().min(1, 'must not be empty').max(100) }),
    z.strictObject({ agentId: z.string().min(1, 'must not be empty').max(200) }),
  ],
  { error: 'send either {queue} or {agentId}' },
);

const action = (path: string, summary: string) =>
  defineRoute({ method: 'post', path, tag: 'Inbox', summary, access: 'agent', params: sessionParams, responses: { 200: conversation }, errors: [400, 404, 409, 415] });

export const inboxRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/inbox',
    tag: 'Inbox',
    summary: 'Handed-off conversations by status',
    access: 'agent',
    query: z.object({
      status: handoffStatusSchema.default('waiting'),
      queue: described(z.string().min(1).max(100).optional(), 'Only this queue'),
    }),
    responses: { 200: z.object({ conversations: z.array(inboxItemSchema) }) },
  }),
  availability: defineRoute({
    method: 'get',
    path: '/api/inbox/availability',
    tag: 'Inbox',
    summary: 'Your availability',
    access: 'agent',
    responses: { 200: availability },
  }),
  setAvailability: defineRoute({
    method: 'put',
    path: '/api/inbox/availability',
    tag: 'Inbox',
    summary: 'Set your availability',
    access: 'agent',
    body: z.strictObject({ status: agentStatusSchema }),
    responses: { 200: availability },
  }),
  settings: defineRoute({
    method: 'get',
    path: '/api/inbox/settings',
    tag: 'Inbox',
    summary: 'The organisation settings the inbox needs',
    access: 'agent',
    responses: { 200: z.object({ inboxHighlightMinutes: z.number().int(), cannedReplies: z.array(cannedReplySchema) }) },
  }),
  cannedReplies: defineRoute({
    method: 'get',
    path: '/api/inbox/canned-replies',
    tag: 'Inbox',
    summary: 'Canned replies (admins edit them in the organisation settings)',
    access: 'agent',
    responses: { 200: z.object({ cannedReplies: z.array(cannedReplySchema) }) },
  }),
  agents: defineRoute({
    method: 'get',
    path: '/api/inbox/agents',
    tag: 'Inbox',
    summary: 'Accounts that can take conversations, with their availability (transfer targets)',
    access: 'agent',
    responses: {
      200: z.object({
        agents: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['agent', 'admin']), status: agentStatusSchema })),
      }),
    },
  }),
  queues: defineRoute({
    method: 'get',
    path: '/api/inbox/queues',
    tag: 'Inbox',
    summary: 'Every queue a conversation has been handed to',
    access: 'agent',
    responses: { 200: z.object({ queues: z.array(z.string()) }) },
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/inbox/:sessionId',
    tag: 'Inbox',
    summary: 'One conversation with its transcript',
    access: 'agent',
    params: sessionParams,
    responses: { 200: z.object({ conversation: inboxItemSchema, messages: z.array(inboxMessageSchema) }) },
    errors: [404],
  }),
  claim: action('/api/inbox/:sessionId/claim', 'Take a waiting conversation; a second claim gets 409 `already_claimed` with `assignedAgent`'),
  reply: defineRoute({
    method: 'post',
    path: '/api/inbox/:sessionId/messages',
    tag: 'Inbox',
    summary: 'Send a message to the customer',
    access: 'agent',
    params: sessionParams,
    body: agentTextSchema,
    responses: { 201: { description: 'Sent', schema: z.object({ message: inboxMessageSchema }) } },
    errors: [404, 409],
  }),
  note: defineRoute({
    method: 'post',
    path: '/api/inbox/:sessionId/notes',
    tag: 'Inbox',
    summary: 'Add an internal note; agents see it in the transcript, the customer never does',
    access: 'agent',
    params: sessionParams,
    body: agentTextSchema,
    responses: { 201: { description: 'Noted', schema: z.object({ message: inboxMessageSchema }) } },
    errors: [404],
  }),
  transfer: defineRoute({
    method: 'post',
    path: '/api/inbox/:sessionId/transfer',
    tag: 'Inbox',
    summary: 'Transfer to another queue (waits there again, unassigned) or straight to an agent',
    access: 'agent',
    params: sessionParams,
    body: transferBody,
    responses: { 200: conversation },
    errors: [404, 409, 422],
  }),
  return: action('/api/inbox/:sessionId/return', "Give the conversation back to the bot (the handoff's resolved output)"),
  close: action('/api/inbox/:sessionId/close', 'Close the conversation'),
  socket: defineRoute({
    method: 'get',
    path: '/api/inbox/ws',
    tag: 'Inbox',
    summary: 'WebSocket: inbox updates live',
    access: 'agent',
    websocket: true,
    responses: { 101: { description: 'Switching protocols' } },
  }),
};
