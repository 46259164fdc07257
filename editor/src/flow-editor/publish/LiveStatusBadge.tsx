import { useTranslation } from 'react-i18next';
import { useLiveStatus } from './useLiveStatus';

export function LiveStatusBadge() {
  const { t } = useTranslation('preview');
  const status = useLiveStatus();
  if (status.kind === 'loading') return null;
  if (status.kind === 'draft') {
    return (
      <span className="pb-status" data-testid="live-status" data-state="draft">
        {t('status.draft')}
      </span>
    );
  }
  return (
    <span
      className={`pb-status pb-status--live${status.changed ? ' pb-status--changed' : ''}`}
      data-testid="live-status"
      data-state={status.changed ? 'changed' : 'live'}
    >
      {t('status.live', { version: status.version })}
      {status.changed && ` · ${t('status.changed')}`}
    </span>
  );
}
