import { memo } from 'react';
import { Image, Link } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CardProps } from './cardProps';
import { NodeFrame, Placeholder } from './NodeFrame';

export const MessageCard = memo(function MessageCard({ id, data, selected }: CardProps<'message'>) {
  const { t } = useTranslation('canvas');
  const links = data.links ?? [];
  return (
    <NodeFrame id={id} kind="message" selected={selected} output="next">
      {data.text ? <p className="sbn-text sbn-text--clamp3">{data.text}</p> : <Placeholder>{t('node.emptyText')}</Placeholder>}
      {(data.image || links.length > 0) && (
        <div className="sbn-chips">
          {data.image && (
            <span className="sbn-chip" title={data.image.alt || data.image.url}>
              <Image size={12} aria-hidden /> {t('node.image')}
            </span>
          )}
          {links.length > 0 && (
            <span className="sbn-chip" title={links.map((l) => l.label).join(', ')}>
              <Link size={12} aria-hidden /> {t('node.links', { count: links.length })}
            </span>
          )}
        </div>
      )}
    </NodeFrame>
  );
});
