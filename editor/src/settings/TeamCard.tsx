import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../ui';
import type { TeamListLoad } from './useTeamList';

/**
 * One card of the organisation page's team tabs: its heading and intro, the button that adds an
 * item, and the list's loading, failure and empty states, so each tab only draws its own rows.
 */
export function TeamCard<T>({
  id,
  heading,
  intro,
  action,
  load,
  empty,
  children,
  after,
}: {
  id: string;
  heading: string;
  intro: ReactNode;
  action: ReactNode;
  load: TeamListLoad<T>;
  /** Shown when the list is loaded and empty; without it an empty list still draws the rows. */
  empty?: string;
  children: (items: T[]) => ReactNode;
  /** Dialogs and other parts that belong to the card whatever the list's state. */
  after?: ReactNode;
}) {
  const { t } = useTranslation('settings');
  const headingId = `sb-${id}-heading`;
  return (
    <section className="sb-settings__card" aria-labelledby={headingId}>
      <div className="sb-settings__card-head">
        <div>
          <h2 id={headingId} className="sb-settings__heading">
            {heading}
          </h2>
          <p className="sb-muted">{intro}</p>
        </div>
        {action}
      </div>
      {load.status === 'loading' && <p className="sb-muted">{t('loading')}</p>}
      {load.status === 'failed' && <Alert>{load.message}</Alert>}
      {load.status === 'ready' && empty !== undefined && load.items.length === 0 && <p className="sb-settings__empty">{empty}</p>}
      {load.status === 'ready' && (empty === undefined || load.items.length > 0) && children(load.items)}
      {after}
    </section>
  );
}
