import { z } from 'zod';
import { defineRoute } from './route';
import { named } from './common';

const sessionIds = z.array(z.string().min(1).max(200)).min(1, 'choose at least one conversation').max(200);

export const privacySearchBody = z.strictObject({
  query: z.string().trim().min(3, 'type at least 3 characters').max(320).describe('A conversation id, or a value the customer gave: e-mail, phone, order number'),
});
export const privacySelectionBody = z.strictObject({ sessionIds });

export const privacyMatchSchema = named(
  'PrivacyMatch',
  z.object({
    sessionId: z.string(),
    flowId: z.string(),
    flowName: z.string(),
    status: z.string(),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    messageCount: z.number().int(),
    matchedBy: z.enum(['id', 'variable', 'message']),
    /** Masked with the flow's rules, as in the inbox. */
    variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  'One conversation of the customer searched for',
);

export const privacyRoutes = {
  search: defineRoute({
    method: 'post',
    path: '/api/privacy/conversations/search',
    tag: 'Personal data',
    summary: "Find every conversation of one customer",
    description:
      "By conversation id, or by a value the customer gave: a captured variable equal to it (case-insensitive; phone numbers compare by digits, so `+48 600 100 200` finds `600100200`) or a customer message containing it (5+ characters). At most 200, newest first. POST, so the value never appears in a URL or the request log.",
    access: 'admin',
    body: privacySearchBody,
    responses: { 200: z.object({ conversations: z.array(privacyMatchSchema) }) },
  }),
  export: defineRoute({
    method: 'post',
    path: '/api/privacy/conversations/export',
    tag: 'Personal data',
    summary: 'Download conversations as JSON (a data-access request)',
    description:
      'Everything kept about each conversation: its captured variables as stored (unmasked), every message including internal notes, and its events. Recorded in the audit log.',
    access: 'admin',
    body: privacySelectionBody,
    responses: { 200: { description: 'JSON attachment', schema: z.record(z.string(), z.unknown()) } },
    errors: [404],
  }),
  erase: defineRoute({
    method: 'post',
    path: '/api/privacy/conversations/erase',
    tag: 'Personal data',
    summary: 'Erase conversations for good',
    description:
      'Deletes the conversations with their transcripts, variables and events. Only their counts survive, in per-flow daily aggregates. Cannot be undone; recorded in the audit log. A customer still chatting in an erased conversation is told it no longer exists and can start a new one.',
    access: 'admin',
    body: privacySelectionBody,
    responses: { 200: z.object({ erased: z.number().int() }) },
  }),
};
