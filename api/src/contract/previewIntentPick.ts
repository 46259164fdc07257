import { z } from 'zod';
import { defineRoute } from './route';
import { named } from './common';
import { flowIdParams } from './flows';
import { idSchema, MAX_MODEL_TIME_BUDGET, MIN_MODEL_TIME_BUDGET } from '../../../runtime/src/schema';

export const previewIntentPickBody = z.strictObject({
  nodeId: idSchema,
  /** What the unsure intent step asked, as the editor's preview engine produced it (the `intentPick` effect). */
  request: z.strictObject({
    text: z.string().min(1).max(5000),
    intents: z
      .array(z.strictObject({ id: idSchema, name: z.string().max(100), examples: z.array(z.string().max(500)).max(10) }))
      .min(1)
      .max(100),
    timeoutMs: z
      .number()
      .int()
      .min(MIN_MODEL_TIME_BUDGET * 1000)
      .max(MAX_MODEL_TIME_BUDGET * 1000),
  }),
});

export const previewIntentPickResult = named(
  'IntentPickPreview',
  z.object({
    /** The picked intent id, or null for none. */
    pick: z.string().nullable(),
    /** Why there is no pick when it failed (`timeout`, `notAnIntent`, `notConfigured`, ...). */
    reason: z.string().optional(),
    trace: z.object({
      /** The messages sent to the model, the customer's message masked as configured. */
      sent: z.array(z.object({ role: z.string(), content: z.string() })),
      masked: z.number().int(),
      /** The model's reply before it was read; null when there was none. */
      raw: z.string().nullable(),
    }),
  }),
  'What an unsure intent step’s tie-break did in the editor preview: the pick, the text sent and the raw reply',
);

export const previewIntentPickRoutes = {
  previewIntentPick: defineRoute({
    method: 'post',
    path: '/api/flows/:id/preview/intent-pick',
    tag: 'Flows',
    summary: 'Ask the language model to pick an intent for the editor preview',
    description: 'Masks the message and asks the organisation’s language model to pick one of the step’s intents or none, exactly as a chat turn does (tokens count against the budget), and returns what was sent and the raw reply.',
    access: 'editor',
    params: flowIdParams,
    body: previewIntentPickBody,
    responses: { 200: previewIntentPickResult },
    errors: [404],
  }),
};
