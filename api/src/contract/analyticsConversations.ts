import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { flowIdParams } from './flows';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-06');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const conversationOutcomes = ['contained', 'handedOff', 'abandoned', 'inProgress'] as const;

export const conversationListFilters = {
  from: described(day.optional(), "First day the conversation started on, in the flow's time zone; default: 29 days before `to`"),
  to: described(day.optional(), "Last day, inclusive, in the flow's time zone; default: today there"),
  version: described(z.coerce.number().int().min(1, 'must be a version number').optional(), 'Only conversations pinned to this published version'),
  outcome: described(z.enum(conversationOutcomes).optional(), 'Only this outcome (definitions as in AnalyticsFigures)'),
  goal: described(z.string().min(1).max(200).optional(), 'The goal node `goalReached` is about; absent = any goal'),
  goalReached: described(flag.optional(), 'true: reached the goal (any goal without `goal`); false: did not'),
  lowCsat: described(flag.optional(), 'true: gave a satisfaction rating of 1 or 2; false: gave none that low (or none at all)'),
  unrecognized: described(flag.optional(), 'true: at least one message the bot did not recognise (a fallback event); false: none'),
};

export const conversationListQuery = z
  .strictObject({
    ...conversationListFilters,
    limit: described(z.coerce.number().int().min(1).max(200).default(50), 'Page size (1–200, default 50)'),
    cursor: described(z.string().min(1).max(500).optional(), 'nextCursor from the previous page'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['from'], message: 'must not be after `to`' })
  .refine((q) => q.goal === undefined || q.goalReached !== undefined, { path: ['goal'], message: 'needs `goalReached` (true or false)' });

export const conversationCsvQuery = z
  .strictObject(conversationListFilters)
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['from'], message: 'must not be after `to`' })
  .refine((q) => q.goal === undefined || q.goalReached !== undefined, { path: ['goal'], message: 'needs `goalReached` (true or false)' });

export const analyticsConversationSchema = named(
  'AnalyticsConversation',
  z.object({
    sessionId: z.string(),
    startedAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime(),
    version: z.number().int(),
    outcome: z.enum(conversationOutcomes).describe('Exactly one per conversation, as counted in AnalyticsFigures'),
    offline: z.boolean().describe('Handed off, but nobody could take it and the offline branch ran'),
    goals: z.array(z.object({ nodeId: z.string(), label: z.string() })).describe('Goals reached, each once, in the order reached'),
    csat: z.array(z.number().int().min(1).max(5)).describe('Satisfaction ratings given, in order'),
    unrecognized: z.number().int().describe('Typed messages the bot did not recognise (fallback events)'),
    queue: z.string().nullable().describe('The queue of its (last) handoff; null if never handed to one'),
    messages: z.number().int().describe('Messages of the bot, the customer and agents (no notices or internal notes)'),
    customerMessages: z.number().int(),
  }),
  'One conversation in the analytics list',
);

export const analyticsConversationsRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/flows/:id/analytics/conversations',
    tag: 'Analytics',
    summary: "A flow's conversations, newest first, with filters",
    description:
      'Conversations that started in the window (days in the flow\'s time zone), newest first, in pages. One request looks at no more than 5,000 conversations: when it stops there, `nextCursor` is set even if the page is short, and `scannedTo` says how far back it looked. Filters combine with AND.',
    access: 'editor',
    params: flowIdParams,
    query: conversationListQuery,
    responses: {
      200: z.object({
        flowId: z.string(),
        timeZone: z.string(),
        from: z.string(),
        to: z.string(),
        conversations: z.array(analyticsConversationSchema),
        nextCursor: z.string().nullable().describe('Pass back as `cursor` for older conversations; null when none are left'),
        scannedTo: z.iso.datetime().nullable().describe('Start time of the oldest conversation looked at when more are left; null at the end'),
      }),
    },
    errors: [404, 503],
  }),
  csv: defineRoute({
    method: 'get',
    path: '/api/flows/:id/analytics/conversations.csv',
    tag: 'Analytics',
    summary: 'The filtered conversation list as CSV',
    description:
      'Same filters as the list, every matching conversation (at most 100,000 looked at). Columns: sessionId, startedAt, version, outcome, offline, goals, csat, unrecognized, queue, messages. Cells starting with = + - @ tab or CR are prefixed with an apostrophe against formula injection.',
    access: 'editor',
    params: flowIdParams,
    query: conversationCsvQuery,
    responses: { 200: { description: 'CSV attachment', contentType: 'text/csv', schema: z.string() } },
    errors: [404, 503],
  }),
  path: defineRoute({
    method: 'get',
    path: '/api/flows/:id/analytics/conversations/:sessionId/path',
    tag: 'Analytics',
    summary: 'The steps one conversation passed, in order',
    description:
      "From its `nodeEntered` events: node ids (match them to the draft), when, and the step and output it came from. Editors and admins; the transcript itself is `GET /api/conversations/:id` (agents and admins).",
    access: 'editor',
    params: flowIdParams.extend({ sessionId: described(z.string().min(1).max(200), 'Chat session id') }),
    responses: {
      200: z.object({
        sessionId: z.string(),
        version: z.number().int(),
        startedAt: z.iso.datetime(),
        steps: z.array(
          z.object({
            nodeId: z.string(),
            at: z.iso.datetime(),
            from: z.object({ nodeId: z.string(), handle: z.string() }).nullable().describe('The step and output it came through; null for the first step or a jump'),
          }),
        ),
      }),
    },
    errors: [404, 503],
  }),
};
