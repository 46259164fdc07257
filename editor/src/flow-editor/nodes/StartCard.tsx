import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame } from './NodeFrame';

export const StartCard = memo(function StartCard({ id, data, selected }: CardProps<'start'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame id={id} kind="start" selected={selected} hasInput={false} output="next">
      <p className="sbn-text sbn-text--clamp2">{data.label || t('node.startDefault')}</p>
    </NodeFrame>
  );
});
