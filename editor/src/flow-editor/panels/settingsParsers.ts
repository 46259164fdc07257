import type { Parsed } from './ValidatedInput';

export const identity = (s: string) => s;

export function parseName(text: string): Parsed<string> {
  return text.trim() === '' ? { ok: false, error: 'settings.errors.nameEmpty' } : { ok: true, value: text };
}

export function parseTimeout(text: string): Parsed<number> {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 1 || n > 10_080) return { ok: false, error: 'settings.errors.timeout' };
  return { ok: true, value: n };
}

export function parseQueue(text: string): Parsed<string> {
  return text.trim() === '' ? { ok: false, error: 'settings.errors.queueEmpty' } : { ok: true, value: text.trim() };
}

/** The widget checks `Origin` headers, which are scheme + host (+ port) with no path. */
export function originError(text: string): string | null {
  if (text.trim() === '') return 'settings.errors.originEmpty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'settings.errors.origin';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'settings.errors.origin';
  if (url.origin !== text.replace(/\/$/, '')) return 'settings.errors.originPath';
  return null;
}

export function rangeError(open: string, close: string): string | null {
  return open >= close ? 'settings.errors.range' : null;
}

/** The privacy notice's link: empty, or an http(s) address (the schema refuses anything else). */
export function parseNoticeLink(text: string): Parsed<string> {
  const value = text.trim();
  if (value === '') return { ok: true, value };
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return { ok: true, value };
  } catch {
    /* reported below */
  }
  return { ok: false, error: 'settings.errors.noticeLink' };
}
