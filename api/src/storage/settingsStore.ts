import { z } from 'zod';
import { localeSchema } from '../../../runtime/src/schema';

export const orgSettingsSchema = z.strictObject({
  organizationName: z.string().trim().min(1, 'must not be empty').max(200),
  defaultLocale: localeSchema,
  /** Waiting conversations older than this are highlighted in the inbox. */
  inboxHighlightMinutes: z.number().int().min(1).max(1440),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  organizationName: 'My company',
  defaultLocale: 'en',
  inboxHighlightMinutes: 5,
};

/** One-time setup steps already done, so a restart never repeats them (e.g. sample seeding). */
export type BootstrapStep = 'samplesSeeded';

export interface SettingsStore {
  get(): Promise<OrgSettings>;
  set(settings: OrgSettings): Promise<OrgSettings>;
  isDone(step: BootstrapStep): Promise<boolean>;
  markDone(step: BootstrapStep): Promise<void>;
}
