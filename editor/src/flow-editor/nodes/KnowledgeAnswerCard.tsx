import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow } from './NodeFrame';
import './kindExtras.css';

export const KnowledgeAnswerCard = memo(function KnowledgeAnswerCard({ id, data, selected }: CardProps<'knowledgeAnswer'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame
      id={id}
      kind="knowledgeAnswer"
      selected={selected}
      outputs={
        <>
          <OutputRow handle="answered" label={t('handles.answered')} />
          <OutputRow handle="noAnswer" label={t('handles.noAnswer')} />
          <OutputRow handle="error" label={t('handles.error')} />
        </>
      }
    >
      <p className="sbn-text sbn-text--clamp2">{data.question ? t('node.knowledgeQuestion', { question: data.question }) : t('node.knowledgeCustomer')}</p>
      {(data.tone || data.askHelpful) && (
        <div className="sbn-chips">
          {data.tone && <span className="sbn-chip">{data.tone.length > 24 ? `${data.tone.slice(0, 23)}…` : data.tone}</span>}
          {data.askHelpful && <span className="sbn-chip">{t('node.asksHelpful')}</span>}
        </div>
      )}
    </NodeFrame>
  );
});
