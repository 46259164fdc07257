import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow, Placeholder } from './NodeFrame';

export const ChoiceCard = memo(function ChoiceCard({ id, data, selected }: CardProps<'choice'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame
      id={id}
      kind="choice"
      selected={selected}
      outputs={
        <>
          {data.options.map((o, i) => (
            <OutputRow
              key={o.id}
              handle={o.id}
              label={o.label || t('node.optionN', { n: i + 1 })}
              placeholder={!o.label}
            />
          ))}
          <OutputRow handle="noMatch" label={t('handles.noMatch')} />
        </>
      }
    >
      {data.text ? <p className="sbn-text sbn-text--clamp2">{data.text}</p> : <Placeholder>{t('node.emptyQuestion')}</Placeholder>}
      {data.variable && (
        <div className="sbn-chips">
          <span className="sbn-chip sbn-chip--var">→ {`{${data.variable}}`}</span>
        </div>
      )}
    </NodeFrame>
  );
});
