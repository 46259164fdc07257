import { z } from 'zod';

/**
 * Which kinds of personal data typed by customers are masked before a message is stored (see
 * runtime/src/privacy/mask.ts). All off by default: masking changes what agents can read, so a
 * flow owner turns it on knowingly.
 */
export const maskSettingsSchema = z.strictObject({
  cardNumbers: z.boolean().default(false),
  ibans: z.boolean().default(false),
  pesel: z.boolean().default(false),
  emails: z.boolean().default(false),
  phones: z.boolean().default(false),
});
export type MaskSettings = z.infer<typeof maskSettingsSchema>;

/** Only http(s) links: the widget renders the notice on customers' sites. */
const noticeLink = z
  .string()
  .max(2000)
  .refine((url) => {
    if (url === '') return true;
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) address like https://shop.example.com/privacy');

/** A short notice the widget shows before the customer's first message; empty text shows none. */
export const privacyNoticeSchema = z.strictObject({
  text: z.string().max(500).default(''),
  linkUrl: noticeLink.default(''),
  linkLabel: z.string().max(100).default(''),
});
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

export const privacySettingsSchema = z.strictObject({
  mask: maskSettingsSchema.default(() => maskSettingsSchema.parse({})),
  notice: privacyNoticeSchema.default(() => privacyNoticeSchema.parse({})),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;
