import type { Parsed } from '../ValidatedInput';

/** The schema takes #rrggbb only; a colour picker gives that, a typed #abc is widened. */
export function parseColor(text: string): Parsed<string | undefined> {
  const value = text.trim();
  if (value === '') return { ok: true, value: undefined };
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short) return { ok: true, value: `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() };
  return /^#[0-9a-f]{6}$/i.test(value) ? { ok: true, value: value.toLowerCase() } : { ok: false, error: 'settings.errors.color' };
}

/** The avatar is shown on customers' sites, which may be https-only: so https addresses only. */
export function parseAvatarUrl(text: string): Parsed<string | undefined> {
  const value = text.trim();
  if (value === '') return { ok: true, value: undefined };
  try {
    if (new URL(value).protocol === 'https:') return { ok: true, value };
  } catch {
    /* reported below */
  }
  return { ok: false, error: 'settings.errors.avatar' };
}
