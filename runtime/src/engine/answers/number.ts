const NUMBER_RE = /^[+-]?\d+(?:[.,]\d+)?$/;

export interface NumberRules {
  /** Absent means allowed, which keeps flows made before the option existed working as they did. */
  allowNegative?: boolean;
  allowDecimals?: boolean;
}

/** "12", "12.5", "12,5" (Polish decimal comma), "-3". Thousands separators are not guessed at. */
export function parseNumberAnswer(text: string, rules: NumberRules = {}): number | null {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return null;
  if (rules.allowNegative === false && t.startsWith('-')) return null;
  if (rules.allowDecimals === false && /[.,]/.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  // "-0" is zero, not a negative number; store it as 0 so later comparisons behave.
  return Object.is(n, -0) ? 0 : n;
}
