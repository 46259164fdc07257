import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { flowIdParams } from './flows';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-06');
const version = z.coerce.number().int().min(1, 'must be a version number');

export const analyticsQuery = z
  .strictObject({
    from: described(date.optional(), "First day, in the flow's time zone (business hours setting); default: 29 days before `to`"),
    to: described(date.optional(), "Last day, inclusive, in the flow's time zone; default: today there"),
    version: described(version.optional(), 'Only conversations pinned to this published version; absent = all versions'),
    compare: described(version.optional(), 'A second version: its figures for the same days come back in `compare`'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['from'], message: 'must not be after `to`' });

const percentiles = z.object({
  count: z.number().int().describe('Durations the percentiles are taken over'),
  p50Ms: z.number().nullable().describe('Median, milliseconds (nearest rank); null without data'),
  p90Ms: z.number().nullable().describe('90th percentile, milliseconds (nearest rank); null without data'),
});

const daySchema = z.object({
  date: z.string().describe("Local calendar day in the flow's time zone"),
  started: z.number().int(),
  contained: z.number().int(),
  handedOff: z.number().int(),
  abandoned: z.number().int(),
  inProgress: z.number().int(),
  erasedOther: z.number().int().describe('Deleted conversations (retention, erasure) not handed off; their finer outcome is not kept'),
  uniqueVisitors: z
    .number()
    .int()
    .describe("Distinct widget visitors among that day's live conversations; the days need not add up to the window's total, since one visitor may come on several days"),
});

export const analyticsFiguresSchema = named(
  'AnalyticsFigures',
  z.object({
    conversations: z.object({
      started: z.number().int().describe("Conversations that began (session created) in the window, by the flow's time zone, including deleted ones kept in the daily aggregates"),
      contained: z.number().int().describe('Never asked for a human, and ended (completed) or expired'),
      handedOff: z.number().int().describe('Asked for a human at least once (handed off, or sent to the offline branch), whatever followed, including being returned to the bot; includes deleted conversations from the aggregates'),
      offline: z.number().int().describe('Of those handed off: nobody could take it and the offline branch ran'),
      abandoned: z.number().int().describe("Never asked for a human, never ended, and silent longer than the flow's idle timeout"),
      inProgress: z.number().int().describe('Never asked for a human, never ended, active within the idle timeout'),
      erasedOther: z.number().int().describe('Deleted conversations not handed off: their finer outcome is not kept'),
    }),
    uniqueVisitors: z
      .number()
      .int()
      .describe(
        "Distinct anonymous visitor ids (kept by the widget in the visitor's browser) among the live conversations started in the window; conversations without one (storage blocked, or started other than through the widget) are not counted",
      ),
    retained: z
      .object({ started: z.number().int(), handedOff: z.number().int(), unrecognised: z.number().int() })
      .describe('What the figures include from the daily aggregates of deleted conversations (UTC days; only without a version filter)'),
    goals: z.array(
      z.object({
        nodeId: z.string(),
        label: z.string(),
        conversions: z.number().int().describe('Conversations that reached the goal node, each counted once'),
        rate: z.number().nullable().describe('conversions / conversations started (live ones); null when none started'),
        daily: z
          .array(
            z.object({
              date: z.string(),
              conversions: z.number().int(),
              rate: z.number().nullable().describe("That day's conversions / that day's conversations started (live ones); null when none started"),
            }),
          )
          .describe('One entry per local day of the window, by the day the conversation started'),
      }),
    ),
    csat: z.object({
      count: z.number().int().describe('Satisfaction ratings given'),
      average: z.number().nullable().describe('Mean rating 1–5; null without ratings'),
      distribution: z.array(z.number().int()).length(5).describe('How many ratings of 1, 2, 3, 4, 5'),
    }),
    faqHelpful: z.object({
      yes: z.number().int(),
      no: z.number().int(),
      yesRate: z.number().nullable().describe('yes / (yes + no) answers to "did that help?" after an FAQ answer'),
    }),
    knowledgeAnswers: z
      .object({
        answered: z.number().int().describe('Answers written from the knowledge sources'),
        noAnswer: z.number().int().describe('Questions the sources held no answer to (the step took its "no answer" output)'),
        failed: z.number().int().describe('Questions the model or the search could not answer for a technical reason (the step took its "error" output)'),
      })
      .describe('Questions put to Answer-from-knowledge steps in the live conversations, by what came of each'),
    knowledgeHelpful: z.object({
      yes: z.number().int(),
      no: z.number().int(),
      yesRate: z.number().nullable().describe('yes / (yes + no) answers to "did that help?" after an answer from knowledge'),
    }),
    intentTieBreaks: z
      .object({
        asked: z.number().int().describe('Times an unsure intent step asked the language model (picked + none + failed)'),
        picked: z.number().int().describe('The model picked one of the step\'s intents; the conversation went on there'),
        none: z.number().int().describe('The model said none of the intents fits; the step took "Not understood"'),
        failed: z.number().int().describe('No usable answer (time budget passed, provider error, budget spent, no model set up); the step took "Not understood"'),
        agreedWithClassifier: z.number().int().describe('Picks that were the classifier\'s own best guess (too unsure to take alone)'),
        agreementRate: z.number().nullable().describe('agreedWithClassifier / picked'),
      })
      .describe('Unsure intent steps with "Ask the language model when unsure" on, in the live conversations (intentTieBreak events), by what came of each'),
    unrecognised: z.object({
      count: z.number().int().describe('Typed messages an intent or FAQ step did not recognise or no choice option matched (fallback events with the words), including deleted conversations'),
      customerMessages: z.number().int().describe('Messages customers sent in the live conversations'),
      per100: z.number().nullable().describe('Unrecognised (live conversations) per 100 customer messages'),
    }),
    botReplyTime: z
      .object({
        count: z.number().int().describe('Bot replies timed: customer messages answered while the bot held the conversation'),
        p50Ms: z.number().nullable().describe('Median, milliseconds (nearest rank); null without replies'),
        p95Ms: z.number().nullable().describe('95th percentile, milliseconds (nearest rank); null without replies'),
      })
      .describe("Server time from a customer's message arriving to the bot's reply being ready to save (engine step, HTTP requests and model calls), over the window's conversations"),
    agentTimes: z.array(
      z.object({
        queue: z.string(),
        handoffs: z.number().int().describe('Conversations handed to this queue'),
        firstReply: percentiles.describe("Handoff request to the agent's first message"),
        close: percentiles.describe('Handoff request to the agent closing or returning it'),
      }),
    ),
    daily: z.array(daySchema).describe('One entry per local day of the window; a conversation counts on the day it started'),
  }),
  "One window's figures",
);

export const analyticsResultSchema = z.object({
  flowId: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  version: z.number().int().nullable(),
  figures: analyticsFiguresSchema,
  compare: z.object({ version: z.number().int(), figures: analyticsFiguresSchema }).nullable(),
});

export const analyticsPathsSchema = z.object({
  flowId: z.string(),
  from: z.string(),
  to: z.string(),
  version: z.number().int().nullable(),
  started: z.number().int().describe('Conversations that began in the window (live ones; deleted conversations keep no path)'),
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      entered: z.number().int().describe('Conversations that entered the step at least once'),
      droppedHere: z.number().int().describe('Abandoned conversations (see AnalyticsFigures) whose last step entered is this one'),
    }),
  ),
  edges: z.array(
    z.object({
      source: z.string(),
      sourceHandle: z.string(),
      conversations: z.number().int().describe('Conversations that followed this output of the step at least once'),
    }),
  ),
});

export const analyticsRoutes = {
  get: defineRoute({
    method: 'get',
    path: '/api/flows/:id/analytics',
    tag: 'Analytics',
    summary: "A flow's figures over a date range",
    description:
      "Computed on request from rollups of the conversations, messages and events the chat runtime writes (kept in the same transaction as those rows), plus the per-day aggregates kept for deleted conversations. Days are in the flow's business-hours time zone. See each field for its definition.",
    access: 'editor',
    params: flowIdParams,
    query: analyticsQuery,
    responses: { 200: analyticsResultSchema },
    errors: [404, 503],
  }),
  paths: defineRoute({
    method: 'get',
    path: '/api/flows/:id/analytics/paths',
    tag: 'Analytics',
    summary: 'Traffic per step and per connection, for the canvas overlay',
    description:
      "From the `nodeEntered` events of the conversations that began in the window (same `from`, `to`, `version` as the figures; `compare` is ignored). Steps and outputs are by node id and handle, so they can be matched to the draft.",
    access: 'editor',
    params: flowIdParams,
    query: analyticsQuery,
    responses: { 200: analyticsPathsSchema },
    errors: [404, 503],
  }),
  dailyCsv: defineRoute({
    method: 'get',
    path: '/api/flows/:id/analytics/daily.csv',
    tag: 'Analytics',
    summary: 'The daily series as CSV',
    description:
      'Columns: date, started, contained, handedOff, abandoned, inProgress, erasedOther (plus the same prefixed `compare_` with `compare`). Cells starting with = + - @ tab or CR are prefixed with an apostrophe against formula injection.',
    access: 'editor',
    params: flowIdParams,
    query: analyticsQuery,
    responses: { 200: { description: 'CSV attachment', contentType: 'text/csv', schema: z.string() } },
    errors: [404, 503],
  }),
};
