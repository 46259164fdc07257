/**
 * Inline checks the inspector shows while the user types. They return i18n keys (in the
 * `inspector` namespace) rather than text so the message follows the UI language. The
 * validator still has the final word; these only catch mistakes at the field itself.
 */
import { isSafeImageUrl, isSafeLinkUrl, patternError, patternUnsupported } from '@switchboard/runtime';

export type FieldError = { key: string; values?: Record<string, string | number> } | null;

/** Link buttons: the validator's verdict, explained in the user's language. */
export function linkUrlError(url: string): FieldError {
  const trimmed = url.trim();
  if (trimmed === '' || isSafeLinkUrl(trimmed)) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return { key: 'errors.linkNoScheme' };
  if (['http', 'https', 'mailto', 'tel'].includes(scheme)) return { key: 'errors.linkIncomplete' };
  return { key: 'errors.linkScheme', values: { scheme } };
}

export function regexError(pattern: string): FieldError {
  if (pattern === '') return null;
  const detail = patternError(pattern);
  if (detail !== null) return { key: 'errors.regex', values: { detail } };
  return patternUnsupported(pattern) === null ? null : { key: 'errors.regexUnsupported' };
}

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The runtime reads `{{name}}` with plain ASCII letters (runtime/src/schema/common.ts), so a name
 * typed in Polish is offered in that form: numer_zamówienia -> numer_zamowienia.
 */
export function suggestVariableName(typed: string): string {
  const ascii = typed
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[\s-]+/g, '_')
    .replace(/[^A-Za-z0-9_]/g, '')
    .slice(0, 64);
  return /^[0-9]/.test(ascii) ? `_${ascii}`.slice(0, 64) : ascii;
}

export function variableNameError(name: string, taken: readonly string[] = []): FieldError {
  if (name === '') return { key: 'errors.nameEmpty' };
  if (!IDENTIFIER.test(name)) {
    const suggestion = suggestVariableName(name);
    const usable = suggestion !== '' && IDENTIFIER.test(suggestion) && !taken.includes(suggestion);
    return usable ? { key: 'errors.nameInvalidSuggest', values: { suggestion } } : { key: 'errors.nameInvalid' };
  }
  if (name.length > 64) return { key: 'errors.nameTooLong' };
  if (taken.includes(name)) return { key: 'errors.nameTaken', values: { name } };
  return null;
}

export function lengthRangeError(min: number | undefined, max: number | undefined): FieldError {
  if (min !== undefined && max !== undefined && min > max) return { key: 'errors.minAboveMax' };
  return null;
}

/** Images are fetched by the customer's browser, so only web addresses make sense. */
export function imageUrlError(url: string): FieldError {
  const trimmed = url.trim();
  if (trimmed === '' || isSafeImageUrl(trimmed)) return null;
  return { key: 'errors.imageUrl' };
}
