import { useTranslation } from 'react-i18next';
import { ExternalLink, FileText, Pencil, Trash2 } from 'lucide-react';
import type { KnowledgeSource } from '../api';
import { formatDateTime, formatNumber } from '../i18n/format';
import { Badge, Button } from '../ui';

interface Props {
  sources: KnowledgeSource[];
  onEdit: (source: KnowledgeSource) => void;
  onDelete: (source: KnowledgeSource) => void;
}

function PassageCell({ source }: { source: KnowledgeSource }) {
  const { t, i18n } = useTranslation('knowledge');
  if (source.status === 'indexing') return <Badge tone="info">{t('status.indexing')}</Badge>;
  if (source.status === 'failed') return <Badge tone="danger">{t('status.failed')}</Badge>;
  return <span title={t('passageCount', { count: source.passages })}>{formatNumber(source.passages, i18n.language)}</span>;
}

/** Every source with its kind, passage count (or indexing state) and last change. */
export function SourceTable({ sources, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation('knowledge');
  return (
    <table className="sbk-table">
      <thead>
        <tr>
          <th scope="col">{t('columns.title')}</th>
          <th scope="col">{t('columns.kind')}</th>
          <th scope="col" className="sbk-table__num">
            {t('columns.passages')}
          </th>
          <th scope="col">{t('columns.updated')}</th>
          <th scope="col">
            <span className="sb-visually-hidden">{t('columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => {
          const when = formatDateTime(source.updatedAt, i18n.language);
          return (
            <tr key={source.id}>
              <td>
                <div className="sbk-table__title">
                  <FileText size={16} aria-hidden className="sbk-table__icon" />
                  <span>{source.title}</span>
                  {source.url && (
                    <a href={source.url} target="_blank" rel="noopener noreferrer" className="sbk-table__link" aria-label={t('openLink', { title: source.title })}>
                      <ExternalLink size={14} aria-hidden />
                    </a>
                  )}
                </div>
                {source.fileName && <div className="sbk-table__file">{source.fileName}</div>}
              </td>
              <td>{t(`kind.${source.kind}`)}</td>
              <td className="sbk-table__num">
                <PassageCell source={source} />
              </td>
              <td className="sbk-table__updated">{source.updatedBy ? t('updatedBy', { when, name: source.updatedBy.name }) : when}</td>
              <td className="sbk-table__actions">
                <Button size="sm" variant="ghost" icon={<Pencil size={14} aria-hidden />} aria-label={t('editFor', { title: source.title })} onClick={() => onEdit(source)}>
                  {t('edit')}
                </Button>
                <Button size="sm" variant="ghost" icon={<Trash2 size={14} aria-hidden />} aria-label={t('deleteFor', { title: source.title })} onClick={() => onDelete(source)}>
                  {t('delete')}
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
