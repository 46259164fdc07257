import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow, Placeholder } from './NodeFrame';

export const QuestionCard = memo(function QuestionCard({ id, data, selected }: CardProps<'question'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame
      id={id}
      kind="question"
      selected={selected}
      outputs={
        <>
          <OutputRow handle="next" label={t('handles.next')} />
          <OutputRow handle="invalid" label={t('handles.invalid')} />
        </>
      }
    >
      {data.text ? <p className="sbn-text sbn-text--clamp2">{data.text}</p> : <Placeholder>{t('node.emptyQuestion')}</Placeholder>}
      <div className="sbn-chips">
        <span className="sbn-chip sbn-chip--var">→ {`{${data.variable}}`}</span>
        <span className="sbn-chip">{t(`inputKinds.${data.inputKind}`)}</span>
      </div>
    </NodeFrame>
  );
});
