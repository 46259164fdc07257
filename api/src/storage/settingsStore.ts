import { z } from 'zod';
import { localeSchema } from '../../../runtime/src/schema';
import type { LanguageModelSettings, LanguageModelUsage } from '../llm/settingsSchema';

export const cannedReplySchema = z.strictObject({
  id: z.string().trim().min(1, 'must not be empty').max(100),
  title: z.string().trim().min(1, 'must not be empty').max(100),
  text: z.string().trim().min(1, 'must not be empty').max(2000),
});
export type CannedReply = z.infer<typeof cannedReplySchema>;

export const orgSettingsSchema = z.strictObject({
  organizationName: z.string().trim().min(1, 'must not be empty').max(200),
  defaultLocale: localeSchema,
  /** Waiting conversations older than this are highlighted in the inbox. */
  inboxHighlightMinutes: z.number().int().min(1).max(1440),
  /** Ready-made answers agents insert in the inbox. Left out of a PUT, the saved list stays. */
  cannedReplies: z
    .array(cannedReplySchema)
    .max(200)
    .refine((list) => new Set(list.map((r) => r.id)).size === list.length, 'ids must be unique')
    .optional(),
  /**
   * Conversations idle this many days are deleted on a schedule (api/src/privacy/retention.ts);
   * null keeps them until erased. Left out of a PUT, the saved value stays.
   */
  retentionDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  organizationName: 'My company',
  defaultLocale: 'en',
  inboxHighlightMinutes: 5,
  cannedReplies: [],
  retentionDays: null,
};

/**
 * What the store keeps: the settings the General tab edits, plus areas with their own routes
 * (the language model and its monthly usage), which `GET/PUT /api/settings` neither show nor replace.
 */
export type StoredSettings = OrgSettings & {
  languageModel?: LanguageModelSettings;
  languageModelUsage?: LanguageModelUsage;
};

/** Fields of StoredSettings that the General tab's routes leave alone. */
export const SEPARATELY_EDITED = ['languageModel', 'languageModelUsage'] as const;

/** One-time setup steps already done, so a restart never repeats them (e.g. sample seeding). */
export type BootstrapStep = 'samplesSeeded' | 'defaultLocaleApplied';

export interface SettingsStore {
  get(): Promise<StoredSettings>;
  set(settings: StoredSettings): Promise<StoredSettings>;
  isDone(step: BootstrapStep): Promise<boolean>;
  markDone(step: BootstrapStep): Promise<void>;
}
