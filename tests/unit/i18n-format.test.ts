import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGE_STORAGE_KEY } from '../../editor/src/i18n/language';
import { formatNumber, formatRelativeTime } from '../../editor/src/i18n/format';

const storage = (value: string | null) => ({ getItem: (key: string) => (key === LANGUAGE_STORAGE_KEY ? value : null) });

describe('detectLanguage', () => {
  it('follows a Polish browser', () => {
    expect(detectLanguage(storage(null), ['pl-PL', 'en-US'])).toBe('pl');
    expect(detectLanguage(storage(null), ['pl'])).toBe('pl');
  });

  it('takes the first supported browser language and falls back to English', () => {
    expect(detectLanguage(storage(null), ['de-DE', 'pl'])).toBe('pl');
    expect(detectLanguage(storage(null), ['de-DE', 'fr'])).toBe('en');
    expect(detectLanguage(storage(null), [])).toBe('en');
  });

  it("prefers the user's stored choice over the browser", () => {
    expect(detectLanguage(storage('en'), ['pl-PL'])).toBe('en');
    expect(detectLanguage(storage('pl'), ['en-GB'])).toBe('pl');
  });

  it('ignores a stored value it does not support', () => {
    expect(detectLanguage(storage('xx'), ['pl-PL'])).toBe('pl');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('formats in the active locale', () => {
    expect(formatRelativeTime('2026-03-10T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-03-10T11:55:00Z', 'pl', now)).toBe('5 minut temu');
    expect(formatRelativeTime('2026-03-09T12:00:00Z', 'en', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-03-09T12:00:00Z', 'pl', now)).toBe('wczoraj');
  });

  it('picks the largest whole unit', () => {
    expect(formatRelativeTime('2026-03-10T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-02-24T12:00:00Z', 'en', now)).toBe('2 weeks ago');
    expect(formatRelativeTime('2025-03-01T12:00:00Z', 'en', now)).toBe('last year');
  });

  it('reads anything under a minute as now', () => {
    expect(formatRelativeTime('2026-03-10T11:59:30Z', 'en', now)).toBe('now');
    expect(formatRelativeTime('2026-03-10T11:59:30Z', 'pl', now)).toBe('teraz');
  });
});

describe('formatNumber', () => {
  it('groups digits per locale', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'pl').replace(/\s/g, ' ')).toBe('12 345');
  });
});
