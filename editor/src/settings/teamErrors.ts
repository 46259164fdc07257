import type { TFunction } from 'i18next';
import { isApiError } from '../api';
import { errorMessage } from '../dashboard/errorMessage';

// Server codes a manager can act on get their own sentence; anything else gets the general one.
const KNOWN = new Set(['email_taken', 'last_admin', 'deactivate_self', 'wrong_password', 'secret_key_mismatch']);

/** A translated, one-line reason an organisation-page action failed. */
export function teamErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && KNOWN.has(error.code)) return t(`settings:serverErrors.${error.code}`);
  return errorMessage(error, t);
}

/** The server's per-field complaints, keyed by field path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.details.map((d) => [d.path, d.message]));
}
