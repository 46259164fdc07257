import type { TFunction } from 'i18next';
import { isApiError } from '../api';
import { errorMessage } from '../dashboard/errorMessage';

// Reasons a manager can act on get a sentence in their language; the rest the general one.
const KNOWN = new Set(['file_too_large', 'too_much_text', 'unsupported_media_type', 'unreadable_file', 'no_text', 'empty_file']);

/** A translated, one-line reason saving a source failed. */
export function knowledgeErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && KNOWN.has(error.code)) return t(`knowledge:errors.${error.code}`, { message: error.message });
  return errorMessage(error, t);
}

/** A link as the server accepts it: http(s) only. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
