import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { urlHost } from '../inspector/httpValidation';
import type { CardProps } from './cardProps';
import { NodeFrame, OutputRow, Placeholder } from './NodeFrame';
import './kindExtras.css';

export const HttpRequestCard = memo(function HttpRequestCard({ id, data, selected }: CardProps<'httpRequest'>) {
  const { t } = useTranslation('canvas');
  const host = urlHost(data.url);
  return (
    <NodeFrame
      id={id}
      kind="httpRequest"
      selected={selected}
      outputs={
        <>
          <OutputRow handle="success" label={t('handles.success')} />
          <OutputRow handle="error" label={t('handles.error')} />
        </>
      }
    >
      {host === null ? (
        <Placeholder>{t('node.emptyUrl')}</Placeholder>
      ) : (
        <p className="sbn-text sbn-http" title={data.url}>
          <span className="sbn-chip sbn-http__method">{data.method}</span> <span className="sbn-mono">{host}</span>
        </p>
      )}
      {data.responseMapping.length > 0 && (
        <div className="sbn-chips">
          {data.responseMapping.slice(0, 3).map((m, i) => (
            <span key={i} className="sbn-chip sbn-chip--var">
              → {`{${m.variable}}`}
            </span>
          ))}
        </div>
      )}
    </NodeFrame>
  );
});
