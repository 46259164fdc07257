import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart3, Copy, Download, Pencil, Trash2 } from 'lucide-react';
import { api, type FlowSummary } from '../api';
import { Link, analyticsPath, flowPath } from '../app/router';
import { formatDateTime, formatRelativeTime } from '../i18n';
import { IconButton } from '../ui';
import { StatusBadge } from './StatusBadge';

export interface FlowRowProps {
  flow: FlowSummary;
  now: Date;
  canEdit: boolean;
  duplicating: boolean;
  onDuplicate: (flow: FlowSummary) => void;
  onDelete: (flow: FlowSummary) => void;
}

export const FlowRow = memo(function FlowRow({ flow, now, canEdit, duplicating, onDuplicate, onDelete }: FlowRowProps) {
  const { t, i18n } = useTranslation('dashboard');
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return (
    <tr className="sb-flows__row">
      <td className="sb-flows__name-cell">
        <Link to={flowPath(flow.id)} className="sb-flows__name">
          {flow.name}
        </Link>
        {flow.description && <div className="sb-flows__description">{flow.description}</div>}
      </td>
      <td>
        <StatusBadge flow={flow} />
      </td>
      <td>
        <time dateTime={flow.updatedAt} title={formatDateTime(flow.updatedAt, locale)}>
          {formatRelativeTime(flow.updatedAt, locale, now)}
        </time>
      </td>
      <td className="sb-flows__muted">{flow.updatedBy?.name ?? t('unknownEditor')}</td>
      <td className="sb-flows__actions">
        <Link to={flowPath(flow.id)} className="sb-icon-button" aria-label={t('actions.open', { name: flow.name })} title={t('actions.openShort')}>
          <Pencil size={16} aria-hidden />
        </Link>
        <Link to={analyticsPath(flow.id)} className="sb-icon-button" aria-label={t('actions.analytics', { name: flow.name })} title={t('actions.analyticsShort')}>
          <BarChart3 size={16} aria-hidden />
        </Link>
        <a href={api.flows.exportUrl(flow.id)} download className="sb-icon-button" aria-label={t('actions.export', { name: flow.name })} title={t('actions.exportShort')}>
          <Download size={16} aria-hidden />
        </a>
        {canEdit && (
          <>
            <IconButton
              aria-label={t('actions.duplicate', { name: flow.name })}
              title={t('actions.duplicateShort')}
              icon={<Copy size={16} aria-hidden />}
              disabled={duplicating}
              onClick={() => onDuplicate(flow)}
            />
            <IconButton
              aria-label={t('actions.delete', { name: flow.name })}
              title={t('actions.deleteShort')}
              tone="danger"
              icon={<Trash2 size={16} aria-hidden />}
              onClick={() => onDelete(flow)}
            />
          </>
        )}
      </td>
    </tr>
  );
});
