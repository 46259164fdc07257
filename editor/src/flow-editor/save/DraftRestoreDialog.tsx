import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { Button, Dialog } from '../../ui';
import { getActiveAutosave } from './activeAutosave';
import type { DraftOffer } from './saveState';

/** After a crash or reload: the edits that never reached the server, offered back. */
export function DraftRestoreDialog({ offer }: { offer: DraftOffer }) {
  const { t, i18n } = useTranslation('panels');
  const when = formatDateTime(new Date(offer.savedAt), i18n.language);
  const controller = getActiveAutosave();
  return (
    <Dialog
      open
      onClose={() => controller?.discardDraft()}
      title={t('save.draft.title', { when })}
      description={t('save.draft.description')}
      footer={
        <>
          <Button onClick={() => controller?.discardDraft()}>{t('save.draft.discard')}</Button>
          <Button variant="primary" onClick={() => controller?.restoreDraft()}>
            {t('save.draft.restore')}
          </Button>
        </>
      }
    />
  );
}
