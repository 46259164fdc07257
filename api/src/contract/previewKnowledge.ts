import { z } from 'zod';
import { defineRoute } from './route';
import { named } from './common';
import { flowIdParams } from './flows';
import { idSchema } from '../../../runtime/src/schema';

export const previewKnowledgeBody = z.strictObject({
  nodeId: idSchema,
  /** What the step asked, as the editor's preview engine produced it (the `knowledge` effect). */
  request: z.strictObject({
    question: z.string().min(1).max(5000),
    locale: z.string().min(2).max(20),
    tone: z.string().max(500).optional(),
    sourceIds: z.array(z.string().max(100)).max(50).optional(),
    maxPassages: z.number().int().min(1).max(10),
    providerId: z.string().max(16).optional(),
  }),
});

const linkSchema = z.object({ label: z.string(), url: z.string() });

export const previewKnowledgeResult = named(
  'KnowledgePreview',
  z.object({
    outcome: z.enum(['answered', 'noAnswer', 'error']),
    text: z.string().optional(),
    sources: z.array(linkSchema).optional(),
    reason: z.string().optional(),
    /** A failure's detail for staff (never a key). */
    detail: z.string().optional(),
    trace: z.object({
      passages: z.array(z.object({ id: z.string(), sourceTitle: z.string(), sourceUrl: z.string().nullable(), text: z.string(), score: z.number() })),
      /** The messages sent to the model, the question masked as configured; null when the model was not asked. */
      sent: z.array(z.object({ role: z.string(), content: z.string() })).nullable(),
      masked: z.number().int(),
      raw: z.string().nullable(),
    }),
  }),
  'What an "Answer from knowledge" step did in the editor preview: the outcome, the retrieved passages, the text sent and the raw answer',
);

export const previewKnowledgeRoutes = {
  previewKnowledge: defineRoute({
    method: 'post',
    path: '/api/flows/:id/preview/knowledge',
    tag: 'Flows',
    summary: 'Run an "Answer from knowledge" step for the editor preview',
    description: 'Retrieves, masks and asks the organisation’s language model exactly as a chat turn does (tokens count against the budget), and returns what was retrieved, what was sent and the raw answer.',
    access: 'editor',
    params: flowIdParams,
    body: previewKnowledgeBody,
    responses: { 200: previewKnowledgeResult },
    errors: [404],
  }),
};
