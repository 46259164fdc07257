/** Conversation languages offered in lists; a flow may hold another valid code, which is kept. */
export const LOCALE_CHOICES = ['pl', 'en', 'en-GB', 'en-US', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'cs', 'uk'] as const;

/** "Polish", "English (United Kingdom)", … named in the editor's own language. */
export function localeName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code);
    if (!name || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
  } catch {
    return code;
  }
}

/** Options for a language list, with `current` kept even when it is not one of the choices. */
export function localeOptions(uiLanguage: string, current?: string): { value: string; label: string }[] {
  const codes: string[] = [...LOCALE_CHOICES];
  if (current && !codes.includes(current)) codes.push(current);
  return codes.map((code) => ({ value: code, label: localeName(code, uiLanguage) }));
}
