import type { CannedReply, OrgSettings } from '../api';

/** The form's state: numbers stay text while typed, so a half-typed value is not lost. */
export interface SettingsDraft {
  organizationName: string;
  defaultLocale: string;
  inboxHighlightMinutes: string;
  cannedReplies: CannedReply[];
}

/** Field path (as the API names it) -> translation key in the `settings` namespace. */
export type FieldErrors = Record<string, string>;

// The same limits as the API's schema (api/src/storage/settingsStore.ts), checked before sending.
const LOCALE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
export const LIMITS = { name: 200, minutesMax: 1440, replyTitle: 100, replyText: 2000, replies: 200 } as const;

export function toDraft(settings: OrgSettings): SettingsDraft {
  return { ...settings, inboxHighlightMinutes: String(settings.inboxHighlightMinutes), cannedReplies: [...settings.cannedReplies] };
}

export function fromDraft(draft: SettingsDraft): OrgSettings {
  return {
    organizationName: draft.organizationName.trim(),
    defaultLocale: draft.defaultLocale.trim(),
    inboxHighlightMinutes: Number(draft.inboxHighlightMinutes),
    cannedReplies: draft.cannedReplies.map((r) => ({ id: r.id, title: r.title.trim(), text: r.text.trim() })),
  };
}

export function validateOrganization(draft: SettingsDraft): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.organizationName.trim();
  if (!name) errors.organizationName = 'errors.required';
  else if (name.length > LIMITS.name) errors.organizationName = 'errors.tooLong';
  if (!LOCALE.test(draft.defaultLocale.trim())) errors.defaultLocale = 'errors.locale';
  const minutes = Number(draft.inboxHighlightMinutes);
  if (!/^\d+$/.test(draft.inboxHighlightMinutes.trim()) || minutes < 1 || minutes > LIMITS.minutesMax) {
    errors.inboxHighlightMinutes = 'errors.minutes';
  }
  return errors;
}

export function validateReply(reply: { title: string; text: string }): FieldErrors {
  const errors: FieldErrors = {};
  const title = reply.title.trim();
  const text = reply.text.trim();
  if (!title) errors.title = 'errors.required';
  else if (title.length > LIMITS.replyTitle) errors.title = 'errors.tooLong';
  if (!text) errors.text = 'errors.required';
  else if (text.length > LIMITS.replyText) errors.text = 'errors.tooLong';
  return errors;
}

/**
 * A stable id for a new reply, readable in exports and logs ("greeting", "greeting-2"). Ids
 * never change on edit, so an agent's open inbox keeps pointing at the same reply.
 */
export function newReplyId(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    title
      .toLowerCase()
      // NFKD strips most accents; Polish ł has no decomposition of its own.
      .replace(/ł/g, 'l')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'reply';
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export function sameSettings(a: SettingsDraft, b: SettingsDraft): boolean {
  return JSON.stringify(fromDraft(a)) === JSON.stringify(fromDraft(b)) && a.inboxHighlightMinutes.trim() === b.inboxHighlightMinutes.trim();
}
