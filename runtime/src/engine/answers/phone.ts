const PHONE_CHARS_RE = /^\+?[\d\s\-().]+$/;

/**
 * A phone number as people type it ("+48 600-100-200", "(22) 555 01 01"), stored as digits
 * with the leading + kept, so that agents and integrations get one form. 7-15 digits (E.164).
 */
export function parsePhoneAnswer(text: string): string | null {
  const t = text.trim();
  if (!PHONE_CHARS_RE.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  return t.startsWith('+') ? `+${digits}` : digits;
}
