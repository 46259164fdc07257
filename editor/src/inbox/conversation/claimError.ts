import type { TFunction } from 'i18next';
import { isApiError } from '../../api';

/** Words an inbox action's failure for the agent; a lost claim names who won it. */
export function inboxErrorMessage(err: unknown, t: TFunction<'inbox'>): string {
  if (isApiError(err)) {
    const holder = (err.body.assignedAgent as { name?: string } | undefined)?.name;
    if (err.code === 'already_claimed') return t('errors.alreadyClaimed', { name: holder ?? t('anotherAgent') });
    if (err.code === 'assigned_to_other') return t('errors.assignedToOther', { name: holder ?? t('anotherAgent') });
    if (err.code === 'not_waiting' || err.code === 'not_in_handoff') return t('errors.notWaiting');
    if (err.code === 'agent_not_found') return t('errors.agentNotFound');
    if (err.status === 404) return t('errors.notFound');
  }
  return t('errors.generic');
}
