import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, Placeholder } from './NodeFrame';

const SHOWN = 4;

export const SetCard = memo(function SetCard({ id, data, selected }: CardProps<'set'>) {
  const { t } = useTranslation('canvas');
  const shown = data.assignments.slice(0, SHOWN);
  const more = data.assignments.length - shown.length;
  return (
    <NodeFrame id={id} kind="set" selected={selected} output="next">
      {shown.length === 0 ? (
        <Placeholder>{t('node.emptySet')}</Placeholder>
      ) : (
        <ul className="sbn-list">
          {shown.map((a, i) => (
            <li key={i} className="sbn-assign">
              <span className="sbn-mono">{a.variable}</span> = <span className="sbn-mono">{String(a.value)}</span>
            </li>
          ))}
          {more > 0 && <li className="sbn-more">{t('node.more', { count: more })}</li>}
        </ul>
      )}
    </NodeFrame>
  );
});
