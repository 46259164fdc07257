import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow, Placeholder } from './NodeFrame';

const SHOWN = 3;

export const FaqCard = memo(function FaqCard({ id, data, selected }: CardProps<'faq'>) {
  const { t } = useTranslation('canvas');
  const questions = data.items.map((i) => i.question).filter(Boolean);
  const more = data.items.length - Math.min(SHOWN, questions.length);
  return (
    <NodeFrame
      id={id}
      kind="faq"
      selected={selected}
      outputs={
        <>
          <OutputRow handle="answered" label={t('handles.answered')} />
          <OutputRow handle="fallback" label={t('handles.fallback')} />
        </>
      }
    >
      {questions.length === 0 ? (
        <Placeholder>{t('node.emptyFaq')}</Placeholder>
      ) : (
        <>
          <p className="sbn-muted">{t('node.faqCount', { count: data.items.length })}</p>
          <ul className="sbn-list">
            {questions.slice(0, SHOWN).map((q, i) => (
              <li key={i} className="sbn-text sbn-text--clamp2">
                {q}
              </li>
            ))}
            {more > 0 && <li className="sbn-more">{t('node.more', { count: more })}</li>}
          </ul>
        </>
      )}
    </NodeFrame>
  );
});
