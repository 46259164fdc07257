import { z } from 'zod';
import { defineRoute } from './route';
import { actorSchema, described, errorWith, named } from './common';
import { flowIdParams } from './flows';
import { idSchema } from '../../../runtime/src/schema';

/** Why the message was not understood: an intent or FAQ step's low confidence, no option matched, or an answer that was not yes or no. */
export const REVIEW_REASONS = ['lowConfidence', 'noMatch', 'unclearAnswer'] as const;
export const reviewReasonSchema = z.enum(REVIEW_REASONS);

export const unrecognizedGroupsQuery = z.strictObject({
  version: described(z.coerce.number().int().min(1, 'must be a version number').optional(), 'Only this published version'),
  nodeId: described(idSchema.optional(), 'Only messages at this step'),
  reason: described(reviewReasonSchema.optional(), 'Only messages not understood for this reason'),
  offset: described(z.coerce.number().int().min(0).default(0), 'Groups to skip, for the next page'),
  limit: described(z.coerce.number().int().min(1).max(200).default(50), '1–200, default 50'),
});

const suggestionSchema = named(
  'ReviewSuggestion',
  z.object({
    kind: z.enum(['intent', 'faq', 'choice']),
    nodeId: z.string(),
    /** The intent or FAQ item the classifier scored highest; null for a choice or when unknown. */
    targetId: z.string().nullable(),
  }),
  'The likeliest place to add the message: the step where it happened most, and the entry the classifier scored highest there',
);

export const unrecognizedGroupSchema = named(
  'UnrecognizedGroup',
  z.object({
    keys: described(z.array(z.string()), 'Every normalised wording in the group; send them back to dismiss or add'),
    text: described(z.string(), 'The most frequent wording, as typed'),
    count: z.number().int(),
    examples: described(z.array(z.string()), 'Distinct wordings, most frequent first (at most 5)'),
    firstSeen: z.iso.datetime(),
    lastSeen: z.iso.datetime(),
    nodes: z.array(z.object({ nodeId: z.string().nullable(), count: z.number().int(), best: z.string().nullable() })),
    reasons: z.array(reviewReasonSchema),
    versions: z.array(z.number().int()),
    suggestion: suggestionSchema.nullable(),
  }),
  'Near-duplicate messages the bot did not understand, once with a count',
);

const keysSchema = described(
  z.array(z.string().max(500)).min(1, 'must name at least one message').max(500),
  'The group’s `keys` (any text is normalised again)',
);

const phraseSchema = z.string().trim().min(1, 'must not be empty').max(500);
export const phraseTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('intent'), nodeId: idSchema, intentId: idSchema, phrase: phraseSchema }),
  z.strictObject({ kind: z.literal('faq'), nodeId: idSchema, itemId: idSchema, phrase: phraseSchema }),
  z.strictObject({ kind: z.literal('choice'), nodeId: idSchema, optionId: idSchema, phrase: phraseSchema }),
]);

export const dismissBody = z.strictObject({ keys: keysSchema });
export const addPhraseBody = z.strictObject({
  revision: described(z.number().int().min(0), 'The draft revision you loaded; a stale one gets 409'),
  keys: keysSchema,
  target: phraseTargetSchema,
});

const draftSaved = z.object({ revision: z.number().int(), updatedAt: z.string() });
const conflictBody = errorWith({ current: z.object({ revision: z.number().int(), updatedAt: z.string(), updatedBy: actorSchema.nullable() }) });

export const unrecognizedRoutes = {
  groups: defineRoute({
    method: 'get',
    path: '/api/flows/:id/unrecognized/groups',
    tag: 'Flows',
    summary: 'Messages the bot did not understand, near-duplicates grouped, not yet reviewed',
    description:
      'Reads the newest 5,000 messages of each kind (intent and FAQ fallbacks, unmatched choices, answers to yes/no questions that were neither); `truncated` says older ones were left out. Messages are grouped by normalised text (case, diacritics, punctuation, spacing), the same words in any order, and word sets at least 75% alike. Dismissed messages leave the list; added ones leave it until a version published after the addition still does not understand them. Most frequent first.',
    access: 'editor',
    params: flowIdParams,
    query: unrecognizedGroupsQuery,
    responses: {
      200: z.object({
        groups: z.array(unrecognizedGroupSchema),
        total: described(z.number().int(), 'Groups in the whole list, for paging'),
        truncated: z.boolean(),
      }),
    },
    errors: [404],
  }),
  dismiss: defineRoute({
    method: 'post',
    path: '/api/flows/:id/unrecognized/dismiss',
    tag: 'Flows',
    summary: 'Dismiss messages: they leave the review list',
    access: 'editor',
    params: flowIdParams,
    body: dismissBody,
    responses: { 200: z.object({ marked: z.number().int() }) },
    errors: [404],
  }),
  restore: defineRoute({
    method: 'post',
    path: '/api/flows/:id/unrecognized/restore',
    tag: 'Flows',
    summary: 'Undo a dismissal: the messages return to the review list',
    access: 'editor',
    params: flowIdParams,
    body: dismissBody,
    responses: { 200: z.object({ restored: z.number().int() }) },
    errors: [404],
  }),
  add: defineRoute({
    method: 'post',
    path: '/api/flows/:id/unrecognized/add',
    tag: 'Flows',
    summary: 'Add a message to the draft: an intent example, an FAQ question or a choice synonym',
    description:
      'Saves the draft like `PUT /api/flows/:id` (a stale `revision` gets 409 and nothing changes) and takes the messages off the review list. An unknown step, intent, FAQ item or option, or a phrase the step already has, gets 422 with the field at fault (`target.nodeId`, `target.intentId`, `target.phrase`, ...).',
    access: 'editor',
    params: flowIdParams,
    body: addPhraseBody,
    responses: { 200: draftSaved, 409: conflictBody },
    errors: [404, 422],
  }),
  undoAdd: defineRoute({
    method: 'post',
    path: '/api/flows/:id/unrecognized/undo-add',
    tag: 'Flows',
    summary: 'Undo an addition: the phrase leaves the draft and the messages return to the list',
    description: 'Takes the same body as the addition. A phrase no longer in the draft is left alone; the messages return either way.',
    access: 'editor',
    params: flowIdParams,
    body: addPhraseBody,
    responses: { 200: draftSaved, 409: conflictBody },
    errors: [404, 422],
  }),
};
