import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api';

/** A one-line, translated reason for a failed dashboard action; server details are listed separately. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('common:errors.offline');
  if (error instanceof ApiError) {
    if (error.status === 403) return t('common:errors.forbidden');
    if (error.status === 404) return t('common:errors.notFound');
    if (error.status === 413) return t('common:errors.tooLarge');
    if (error.status === 429) return t('common:errors.rateLimited');
    if (error.status >= 500) return t('common:errors.server');
    return t('common:errors.rejected', { message: error.message });
  }
  return t('common:errors.unknown');
}
