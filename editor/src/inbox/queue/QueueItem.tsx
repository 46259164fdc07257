import { useTranslation } from 'react-i18next';
import { AlertTriangle, Clock } from 'lucide-react';
import type { InboxItem } from '../../api';
import { Badge, cx } from '../../ui';
import { customerLabel, shortId } from './customerLabel';
import { formatWait, isOverdue, waitedSeconds } from './groupByQueue';

export interface QueueItemProps {
  item: InboxItem;
  now: number;
  highlightMinutes: number;
  selected: boolean;
  mine: boolean;
  onSelect: (sessionId: string) => void;
}

const PRIORITY_TONE = { urgent: 'danger', high: 'warning', normal: 'neutral', low: 'neutral' } as const;

export function QueueItem({ item, now, highlightMinutes, selected, mine, onSelect }: QueueItemProps) {
  const { t } = useTranslation('inbox');
  const overdue = isOverdue(item, now, highlightMinutes);
  const who = customerLabel(item.variables) ?? t('customerRef', { ref: shortId(item.sessionId) });
  const wait = formatWait(item.status === 'waiting' ? waitedSeconds(item, now) : item.waitingSeconds);
  return (
    <li>
      <button
        type="button"
        className={cx('sb-inbox-item', selected && 'is-selected', overdue && 'is-overdue')}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(item.sessionId)}
        data-session-id={item.sessionId}
      >
        <span className="sb-inbox-item__top">
          <span className="sb-inbox-item__who">{who}</span>
          {item.status === 'waiting' ? (
            <span className="sb-inbox-item__wait" aria-label={t('waitingFor', { time: wait })}>
              {overdue ? <AlertTriangle size={13} aria-hidden /> : <Clock size={13} aria-hidden />}
              {wait}
            </span>
          ) : (
            <span className="sb-inbox-item__agent">{mine ? t('you') : (item.assignedAgent?.name ?? '')}</span>
          )}
        </span>
        <span className="sb-inbox-item__bottom">
          <span className="sb-inbox-item__flow">{item.flowName}</span>
          {item.priority !== 'normal' && <Badge tone={PRIORITY_TONE[item.priority]}>{t(`priority.${item.priority}`)}</Badge>}
          {overdue && <span className="sb-visually-hidden">{t('overdue')}</span>}
        </span>
      </button>
    </li>
  );
}
