import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../../api';

/** Turns a failed login into words a non-technical user can act on. */
export function loginErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('auth:errors.offline');
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth:errors.invalidCredentials');
    if (error.status === 429) {
      return error.retryAfter !== null
        ? t('auth:errors.rateLimitedFor', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) })
        : t('auth:errors.rateLimited');
    }
    if (error.status >= 500) return t('auth:errors.server');
  }
  return t('auth:errors.unknown');
}
