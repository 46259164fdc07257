import { ArrowLeft } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import { usePreviewStore, type VersionRef } from '../preview/previewStore';

/** Says plainly that the canvas shows something other than the draft, and leads back. */
export function VersionBanner() {
  const { t } = useTranslation('preview');
  const view = usePreviewStore((s) => s.view);
  if (!view) return null;
  const label = (ref: VersionRef) => (ref === 'draft' ? t('history.draft') : t('history.versionN', { n: ref }));
  return (
    <div className="hv-banner" role="status" data-testid="version-banner">
      <span className="hv-banner__text">
        {view.kind === 'version'
          ? t('history.viewing', { n: view.number })
          : t('history.comparing', { from: label(view.from), to: label(view.to) })}
      </span>
      {view.kind === 'diff' && (
        <span className="hv-legend" aria-hidden>
          <span className="hv-added">{t('changes.added')}</span>
          <span className="hv-removed">{t('changes.removed')}</span>
          <span className="hv-changed">{t('changes.changed')}</span>
        </span>
      )}
      <Button size="sm" icon={<ArrowLeft size={14} aria-hidden />} onClick={() => usePreviewStore.getState().closeView()}>
        {t('history.backToDraft')}
      </Button>
    </div>
  );
}
