import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../api';
import { groupByQueue } from './groupByQueue';
import { QueueItem } from './QueueItem';

export interface QueueListProps {
  waiting: InboxItem[];
  active: InboxItem[];
  now: number;
  highlightMinutes: number;
  selectedId: string | null;
  myId: string;
  onSelect: (sessionId: string) => void;
}

/** Waiting conversations by queue (department), then the ones agents are handling. */
export function QueueList({ waiting, active, now, highlightMinutes, selectedId, myId, onSelect }: QueueListProps) {
  const { t } = useTranslation('inbox');
  const groups = groupByQueue(waiting);
  // Mine first: that is where the agent works.
  const handling = [...active].sort((a, b) => Number(b.assignedAgent?.id === myId) - Number(a.assignedAgent?.id === myId));
  const row = (item: InboxItem) => (
    <QueueItem
      key={item.sessionId}
      item={item}
      now={now}
      highlightMinutes={highlightMinutes}
      selected={item.sessionId === selectedId}
      mine={item.assignedAgent?.id === myId}
      onSelect={onSelect}
    />
  );
  return (
    <nav className="sb-inbox-queue" aria-label={t('queueLabel')}>
      <section aria-labelledby="sb-inbox-waiting">
        <h2 id="sb-inbox-waiting" className="sb-inbox-queue__heading">
          {t('waiting')} <span className="sb-inbox-count">{waiting.length}</span>
        </h2>
        {groups.length === 0 && <p className="sb-inbox-empty">{t('noneWaiting')}</p>}
        {groups.map((group) => (
          <section key={group.queue} className="sb-inbox-group" aria-label={t('queueNamed', { queue: group.queue })}>
            <h3 className="sb-inbox-group__title">
              {group.queue} <span className="sb-inbox-count">{group.items.length}</span>
            </h3>
            <ul className="sb-inbox-list">{group.items.map(row)}</ul>
          </section>
        ))}
      </section>
      <section aria-labelledby="sb-inbox-active">
        <h2 id="sb-inbox-active" className="sb-inbox-queue__heading">
          {t('inProgress')} <span className="sb-inbox-count">{active.length}</span>
        </h2>
        {handling.length === 0 ? <p className="sb-inbox-empty">{t('noneActive')}</p> : <ul className="sb-inbox-list">{handling.map(row)}</ul>}
      </section>
    </nav>
  );
}
