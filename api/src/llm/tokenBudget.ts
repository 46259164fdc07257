import type { LanguageModelUsage } from './settingsSchema';

/** The calendar month (UTC) a budget counts in, `YYYY-MM`. */
export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** This month's usage; a stored figure from an earlier month starts over at zero. */
export function currentUsage(stored: LanguageModelUsage | undefined, at: number): LanguageModelUsage {
  const month = monthOf(at);
  return stored?.month === month ? stored : { month, promptTokens: 0, completionTokens: 0, noticeAt: null };
}

export const usedTokens = (usage: LanguageModelUsage): number => usage.promptTokens + usage.completionTokens;

export function budgetSpent(usage: LanguageModelUsage, budget: number | null): boolean {
  return budget !== null && usedTokens(usage) >= budget;
}
