import { z } from 'zod';
import { privacySettingsSchema } from './privacySettings';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time like 09:00');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-24');

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof weekdaySchema>;

export const openingRangeSchema = z.strictObject({
  day: weekdaySchema,
  open: timeOfDay,
  close: timeOfDay,
});
export type OpeningRange = z.infer<typeof openingRangeSchema>;

export const businessHoursSchema = z.strictObject({
  /** When off, the team is treated as always open. */
  enabled: z.boolean().default(false),
  timezone: z.string().refine(isKnownTimeZone, 'must be a time zone like Europe/Warsaw').default('UTC'),
  weekly: z.array(openingRangeSchema).max(50).default([]),
  holidays: z.array(isoDate).max(400).default([]),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const handoffSettingsSchema = z.strictObject({
  defaultQueue: z.string().min(1).max(100).default('support'),
  /** Said when a handoff finds nobody available and the node has no `offline` branch. */
  offlineText: z
    .string()
    .max(2000)
    .default("Our team isn't available right now. Please try again during opening hours."),
});

export const widgetSettingsSchema = z.strictObject({
  title: z.string().max(100).optional(),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2563eb')
    .optional(),
  avatarUrl: z.string().max(2000).optional(),
  launcherPosition: z.enum(['right', 'left']).optional(),
  greeting: z.string().max(500).optional(),
});

export const globalIntentSchema = z.strictObject({
  id: z.string().min(1, 'must not be empty').max(200),
  name: z.string().max(100),
  examples: z.array(z.string().max(500)).max(1000),
  action: z.literal('jump'),
  /** The node to continue at, e.g. a handoff for "talk to a human" or the start for "start over". */
  target: z.string().max(200),
});
export type GlobalIntent = z.infer<typeof globalIntentSchema>;

/** Phrases that interrupt any question, choice, intent or FAQ wait. */
export const globalIntentsSchema = z.strictObject({
  /** 0..1; when absent the calibrated threshold is used. */
  threshold: z.number().min(0).max(1).optional(),
  intents: z.array(globalIntentSchema).max(50).default([]),
});
export type GlobalIntents = z.infer<typeof globalIntentsSchema>;

/**
 * What happens when a question or choice has run out of retries and its `invalid` / `noMatch`
 * output leads nowhere: the customer is told `text` (a default in the flow's language when
 * absent) and then handed to the flow's default queue, or the conversation ends.
 */
export const afterRetriesSchema = z.strictObject({
  action: z.enum(['handoff', 'end']).default('handoff'),
  text: z.string().max(2000).optional(),
});
export type AfterRetries = z.infer<typeof afterRetriesSchema>;

export const flowSettingsSchema = z.strictObject({
  /** A conversation idle this long expires. */
  sessionTimeoutMinutes: z.number().int().min(1).max(10_080).default(30),
  fallbackText: z.string().max(2000).default("Sorry, I didn't get that."),
  afterRetries: afterRetriesSchema.default(() => afterRetriesSchema.parse({})),
  businessHours: businessHoursSchema.default(() => businessHoursSchema.parse({})),
  handoff: handoffSettingsSchema.default(() => handoffSettingsSchema.parse({})),
  /** Web origins allowed to embed the chat widget, e.g. https://shop.example.com. */
  allowedOrigins: z.array(z.string().max(300)).max(50).default([]),
  widget: widgetSettingsSchema.default({}),
  globalIntents: globalIntentsSchema.default(() => globalIntentsSchema.parse({})),
  /**
   * Masking and the widget's privacy notice. Added within schema version 1: every field has a
   * default, so documents written before it load unchanged (tests/unit/schema/migrations.test.ts).
   */
  privacy: privacySettingsSchema.default(() => privacySettingsSchema.parse({})),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;
