import { useTranslation } from 'react-i18next';
import { Badge } from '../ui';
import type { FlowSummary } from '../api';
import { flowStatus } from './flowStatus';

export function StatusBadge({ flow }: { flow: Pick<FlowSummary, 'publishedVersion' | 'hasUnpublishedChanges'> }) {
  const { t } = useTranslation('dashboard');
  const status = flowStatus(flow);
  if (status.kind === 'draft') return <Badge tone="neutral">{t('status.draft')}</Badge>;
  if (status.unpublishedChanges) {
    return (
      <Badge tone="warning" title={t('status.unpublishedHint')}>
        {t('status.liveWithChanges', { version: status.version })}
      </Badge>
    );
  }
  return <Badge tone="success">{t('status.live', { version: status.version })}</Badge>;
}
