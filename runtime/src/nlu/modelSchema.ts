import { z } from 'zod';
import type { TrainedModel } from './model';
import { classCount } from './model';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A stored model as read back from disk: checked at load, since the engine trusts its shape. */
export const trainedModelSchema = z
  .strictObject({
    format: z.literal('switchboard-nlu'),
    version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    locale: z.string().min(1),
    intents: z.array(z.string()).min(1),
    hasNone: z.boolean(),
    threshold: z.number().min(0).max(1),
    thresholdSource: z.enum(['calibrated', 'default', 'given']),
    blockWeights: z.strictObject({ words: finite, bigrams: finite, chars: finite }),
    features: z.array(z.number().int()),
    idf: z.array(finite),
    weightScale: finite,
    weights: z.array(z.number().int()),
    bias: z.array(finite),
    coveragePower: finite,
  })
  .superRefine((m, ctx) => {
    const classes = classCount(m);
    if (m.idf.length !== m.features.length) ctx.addIssue({ code: 'custom', path: ['idf'], message: 'must have one value per feature' });
    if (m.bias.length !== classes) ctx.addIssue({ code: 'custom', path: ['bias'], message: 'must have one value per class' });
    if (m.weights.length !== m.features.length * classes) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'must have features x classes values' });
    }
  }) satisfies z.ZodType<TrainedModel>;

export const flowModelsSchema = z.record(z.string(), trainedModelSchema);

export type ParseModelsResult =
  | { ok: true; models: Record<string, TrainedModel> }
  | { ok: false; issues: { path: string; message: string }[] };

export function parseFlowModels(raw: unknown): ParseModelsResult {
  const parsed = flowModelsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, models: Object.assign(Object.create(null), parsed.data) };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}
