import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { inboxItemSchema, inboxMessageSchema } from './inbox';
import { variableValueSchema } from '../../../runtime/src/schema';
import { sessionStatusSchema } from '../../../runtime/src/flowtests/schema';

/** `2026-03-02` means that whole day (UTC) for `to`; a full ISO time is taken as it is. */
const dateParam = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date (YYYY-MM-DD) or an ISO date-time');

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The end of `to`: a plain date includes that whole day. */
export function endOf(value: string): number {
  return DAY.test(value) ? Date.parse(value) + 86_400_000 : Date.parse(value);
}

export const historySearchQuery = z
  .object({
    q: described(z.string().max(200).optional(), 'Text any message contains (internal notes included)'),
    flowId: described(z.string().min(1).max(200).optional(), 'Only this flow'),
    from: described(dateParam.optional(), 'Started on or after (YYYY-MM-DD or ISO date-time)'),
    to: described(dateParam.optional(), 'Started before; a plain date includes that whole day (UTC)'),
    status: described(sessionStatusSchema.optional(), 'Conversation status'),
    limit: described(z.coerce.number().int().min(1).max(200).default(50), 'Page size (1–200, default 50)'),
    cursor: described(z.string().min(1).max(500).optional(), 'nextCursor from the previous page'),
  })
  .refine((v) => v.from === undefined || v.to === undefined || endOf(v.to) > Date.parse(v.from), {
    message: 'must be after from',
    path: ['to'],
  });

export const conversationSummarySchema = named(
  'ConversationSummary',
  z.object({
    sessionId: z.string(),
    flowId: z.string(),
    flowName: z.string(),
    flowVersion: z.number().int(),
    status: sessionStatusSchema,
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    messageCount: z.number().int(),
    excerpt: described(z.string().nullable(), 'The first matching message, or the customer’s last words'),
    handoff: inboxItemSchema.nullable(),
  }),
);

export const conversationRoutes = {
  search: defineRoute({
    method: 'get',
    path: '/api/conversations',
    tag: 'Inbox',
    summary: 'Search conversation history, newest first',
    access: 'agent',
    query: historySearchQuery,
    responses: { 200: z.object({ conversations: z.array(conversationSummarySchema), nextCursor: z.string().nullable() }) },
  }),
  flows: defineRoute({
    method: 'get',
    path: '/api/conversations/flows',
    tag: 'Inbox',
    summary: 'Flows that have conversations (the history filter)',
    access: 'agent',
    responses: { 200: z.object({ flows: z.array(z.object({ id: z.string(), name: z.string() })) }) },
  }),
  transcript: defineRoute({
    method: 'get',
    path: '/api/conversations/:id',
    tag: 'Inbox',
    summary: 'One conversation’s transcript (notes included) and captured variables',
    access: 'agent',
    params: z.object({ id: described(z.string(), 'Chat session id') }),
    responses: {
      200: z.object({
        conversation: conversationSummarySchema.extend({ variables: z.record(z.string(), variableValueSchema) }),
        messages: z.array(inboxMessageSchema),
      }),
    },
    errors: [404],
  }),
};
