import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store';
import type { CardProps } from './cardProps';
import { NodeFrame, Placeholder } from './NodeFrame';
import { nodeSummary } from '../kinds';

export const JumpCard = memo(function JumpCard({ id, data, selected }: CardProps<'jump'>) {
  const { t } = useTranslation('canvas');
  // Per-id lookup: only this card re-renders when its target changes.
  const target = useEditorStore((s) => s.nodeById.get(data.target));
  const valid = target !== undefined && target.id !== id;
  const label = valid ? nodeSummary(target) || t(`kinds.${target.type}.name`) : null;
  return (
    <NodeFrame id={id} kind="jump" selected={selected}>
      {label !== null ? (
        <p className="sbn-text sbn-text--clamp2">
          <span className="sbn-muted">{t('node.goTo')}</span> {label}
        </p>
      ) : (
        <Placeholder>{t('node.pickTarget')}</Placeholder>
      )}
    </NodeFrame>
  );
});
