import { z } from 'zod';
import { defineRoute } from './route';
import { described, named } from './common';
import { languageModelSettingsSchema, providerSchema } from '../llm/settingsSchema';

const FAILURE_REASONS = ['notConfigured', 'timeout', 'unavailable', 'rateLimited', 'budgetSpent', 'brokenStream', 'tooLong', 'refusedAddress'] as const;

const providerView = providerSchema.extend({
  apiKeySet: described(z.boolean(), 'Whether an API key is stored (in the secret vault as LLM_KEY_<ID>); the key itself is never returned'),
});

const providerInput = providerSchema.extend({
  apiKey: described(
    z.string().trim().max(4096).nullable().optional(),
    'A new API key; left out, the stored one stays; null or empty removes it (a local Ollama needs none)',
  ),
});

export const languageModelView = named(
  'LanguageModelSettings',
  languageModelSettingsSchema.extend({
    providers: z.array(providerView),
    usage: z.object({
      month: z.string(),
      usedTokens: z.number().int(),
      budgetSpent: z.boolean(),
      /** When admins were told this month's budget was spent. */
      noticeAt: z.string().nullable(),
    }),
  }),
  'The organisation language model: providers (never their keys), masking, the monthly token budget and this month’s usage',
);

export const languageModelInput = named(
  'LanguageModelSettingsInput',
  languageModelSettingsSchema.extend({ providers: z.array(providerInput).max(10) }).refine((s) => new Set(s.providers.map((p) => p.id)).size === s.providers.length, {
    message: 'ids must be unique',
    path: ['providers'],
  }),
);

export const connectionTestResult = named(
  'LanguageModelTestResult',
  z.object({
    ok: z.boolean(),
    reason: z.enum(FAILURE_REASONS).optional(),
    /** A sentence for the admin; never the key. */
    detail: z.string().optional(),
    answer: z.string().optional(),
    durationMs: z.number().int(),
  }),
);

export const languageModelRoutes = {
  get: defineRoute({
    method: 'get',
    path: '/api/settings/language-model',
    tag: 'Settings',
    summary: 'The organisation’s language model settings and this month’s token usage',
    access: 'admin',
    responses: { 200: languageModelView },
  }),
  replace: defineRoute({
    method: 'put',
    path: '/api/settings/language-model',
    tag: 'Settings',
    summary: 'Replace the language model settings',
    description: 'API keys go to the secret vault, bound to the provider’s host; no answer ever contains one.',
    access: 'admin',
    body: languageModelInput,
    responses: { 200: languageModelView },
    errors: [400, 503],
  }),
  test: defineRoute({
    method: 'post',
    path: '/api/settings/language-model/test',
    tag: 'Settings',
    summary: 'Send one short request to a provider ("Test connection")',
    description: 'Without `apiKey`, the stored key of the provider with that id is used. Counts against no budget.',
    access: 'admin',
    body: z.object({ provider: providerInput }),
    responses: { 200: connectionTestResult },
    errors: [400],
  }),
};
