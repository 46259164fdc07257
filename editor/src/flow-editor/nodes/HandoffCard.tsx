import { memo } from 'react';
import { Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow, Placeholder } from './NodeFrame';

export const HandoffCard = memo(function HandoffCard({ id, data, selected }: CardProps<'handoff'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame
      id={id}
      kind="handoff"
      selected={selected}
      outputs={
        <>
          <OutputRow handle="resolved" label={t('handles.resolved')} />
          <OutputRow handle="offline" label={t('handles.offline')} />
        </>
      }
    >
      {data.text ? <p className="sbn-text sbn-text--clamp2">{data.text}</p> : <Placeholder>{t('node.emptyText')}</Placeholder>}
      <div className="sbn-chips">
        <span className="sbn-chip" title={t('node.queue')}>
          <Users size={12} aria-hidden /> {data.queue}
        </span>
        {data.priority && data.priority !== 'normal' && (
          <span className={`sbn-chip sbn-chip--priority-${data.priority}`}>{t(`priorities.${data.priority}`)}</span>
        )}
      </div>
    </NodeFrame>
  );
});
