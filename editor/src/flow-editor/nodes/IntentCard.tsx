import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow } from './NodeFrame';

export const IntentCard = memo(function IntentCard({ id, data, selected }: CardProps<'intent'>) {
  const { t } = useTranslation('canvas');
  return (
    <NodeFrame
      id={id}
      kind="intent"
      selected={selected}
      outputs={
        <>
          {data.intents.map((intent, i) => (
            <OutputRow
              key={intent.id}
              handle={intent.id}
              label={intent.name || t('node.intentN', { n: i + 1 })}
              placeholder={!intent.name}
            />
          ))}
          <OutputRow handle="fallback" label={t('handles.fallback')} />
        </>
      }
    >
      {data.text ? (
        <p className="sbn-text sbn-text--clamp2">{data.text}</p>
      ) : (
        <p className="sbn-text sbn-muted">{t('node.listens')}</p>
      )}
      {data.intentVariable && (
        <div className="sbn-chips">
          <span className="sbn-chip sbn-chip--var">→ {`{${data.intentVariable}}`}</span>
        </div>
      )}
    </NodeFrame>
  );
});
