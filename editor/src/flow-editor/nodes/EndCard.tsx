import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame } from './NodeFrame';

export const EndCard = memo(function EndCard({ id, data, selected }: CardProps<'end'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame id={id} kind="end" selected={selected}>
      {data.text ? (
        <p className="sbn-text sbn-text--clamp3">{data.text}</p>
      ) : (
        <p className="sbn-text sbn-muted">{t('node.endDefault')}</p>
      )}
    </NodeFrame>
  );
});
