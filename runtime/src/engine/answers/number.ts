const NUMBER_RE = /^[+-]?\d+(?:[.,]\d+)?$/;

/** "12", "12.5", "12,5" (Polish decimal comma), "-3". Thousands separators are not guessed at. */
export function parseNumberAnswer(text: string): number | null {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}
