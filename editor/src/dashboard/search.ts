/** Letters NFD does not split into base + accent (Polish ł, German ß, ...). */
const SPECIAL: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower-cases and strips diacritics so "zamowienie" finds "Zamówienie" and "lodz" finds "Łódź". */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœ]/g, (ch) => SPECIAL[ch] ?? ch);
}

/** Keeps items whose name or description contains every word of the query, in any order. */
export function filterBySearch<T extends { name: string; description?: string }>(items: readonly T[], query: string): T[] {
  const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = normalizeForSearch(`${item.name} ${item.description ?? ''}`);
    return terms.every((term) => haystack.includes(term));
  });
}
