import { memo } from 'react';
import { Star } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, Placeholder } from './NodeFrame';
import './kindExtras.css';

const STARS = [1, 2, 3, 4, 5];

export const SatisfactionCard = memo(function SatisfactionCard({ id, data, selected }: CardProps<'satisfaction'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame id={id} kind="satisfaction" selected={selected} output="next">
      {data.text ? <p className="sbn-text sbn-text--clamp2">{data.text}</p> : <Placeholder>{t('node.emptyQuestion')}</Placeholder>}
      <div className="sbn-stars" role="img" aria-label={t('node.stars')}>
        {STARS.map((n) => (
          <Star key={n} size={14} aria-hidden />
        ))}
        {data.askComment && <span className="sbn-chip">{t('node.withComment')}</span>}
      </div>
    </NodeFrame>
  );
});
