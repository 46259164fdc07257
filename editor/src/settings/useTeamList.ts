import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamErrorMessage } from './teamErrors';

/** A list on the organisation page as it loads: the items, or the sentence saying why they did not come. */
export type TeamListLoad<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: T[] };

/**
 * Loads one of the organisation page's lists (people, tokens, secrets) and keeps it: `refresh`
 * reloads it after a change on the server, `update` edits the loaded items in place (e.g. one
 * changed row) without a round trip.
 */
export function useTeamList<T>(fetchItems: () => Promise<T[]>) {
  const { t } = useTranslation('settings');
  const [load, setLoad] = useState<TeamListLoad<T>>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      setLoad({ status: 'ready', items: await fetchItems() });
    } catch (err) {
      setLoad({ status: 'failed', message: teamErrorMessage(err, t) });
    }
  }, [fetchItems, t]);
  useEffect(() => void refresh(), [refresh]);

  const update = useCallback(
    (edit: (items: T[]) => T[]) => setLoad((l) => (l.status === 'ready' ? { status: 'ready', items: edit(l.items) } : l)),
    [],
  );

  return { load, refresh, update };
}
