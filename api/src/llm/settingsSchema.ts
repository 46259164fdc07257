import { z } from 'zod';

/**
 * The organisation's language-model settings (Organisation settings → Language model). Browser-safe
 * zod only: the API contract and the stored settings share it. The API key is not here: it lives
 * in the secret vault (see apiKeySecret.ts) and the API only ever says whether one is set.
 */

export const providerIdSchema = z.string().regex(/^[a-z0-9]{1,16}$/, 'must be 1–16 lower-case letters or digits');

export const providerSchema = z.strictObject({
  id: providerIdSchema,
  name: z.string().trim().min(1, 'must not be empty').max(100),
  /** OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (Ollama). */
  baseUrl: z
    .string()
    .trim()
    .max(500)
    .url('must be a URL such as https://api.openai.com/v1')
    .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://'),
  model: z.string().trim().min(1, 'must not be empty').max(200),
  /** Whole seconds the model may take for one answer, streaming included. */
  timeoutSeconds: z.number().int().min(1).max(120),
  /** Upper bound of one answer, in tokens; a longer answer ends in the step's `error` output (`tooLong`). */
  maxAnswerTokens: z.number().int().min(16).max(4000),
});
export type LanguageModelProvider = z.infer<typeof providerSchema>;

export const languageModelSettingsSchema = z.strictObject({
  providers: z
    .array(providerSchema)
    .max(10)
    .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'ids must be unique'),
  /** Which provider answers when a step names none; the first when absent. */
  defaultProviderId: providerIdSchema.nullable(),
  /** Masks e-mail addresses, phone numbers, card numbers, IBANs and PESEL numbers before any text leaves. */
  maskPersonalData: z.boolean(),
  /** Tokens (prompt + answer, as the provider counts them) per calendar month (UTC); null = no limit. */
  monthlyTokenBudget: z.number().int().min(1000).max(1_000_000_000).nullable(),
});
export type LanguageModelSettings = z.infer<typeof languageModelSettingsSchema>;

export const DEFAULT_LANGUAGE_MODEL_SETTINGS: LanguageModelSettings = {
  providers: [],
  defaultProviderId: null,
  maskPersonalData: true,
  monthlyTokenBudget: null,
};

export const DEFAULT_PROVIDER_LIMITS = { timeoutSeconds: 30, maxAnswerTokens: 600 } as const;

/** Tokens used in one month; `noticeAt` is when admins were told the budget was spent. */
export const languageModelUsageSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  noticeAt: z.string().nullable(),
});
export type LanguageModelUsage = z.infer<typeof languageModelUsageSchema>;
