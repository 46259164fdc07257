import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, flowPath } from '../../app/router';
import { formatDateTime } from '../../i18n';
import { Alert, Button, Dialog } from '../../ui';
import { useEditorStore } from '../store';
import { getActiveAutosave } from './activeAutosave';
import type { ConflictInfo } from './saveState';

type Busy = 'reload' | 'overwrite' | 'copy' | null;

/** Shown when someone else saved first. Every choice is explicit; none drops work silently. */
export function ConflictDialog({ conflict, onClose }: { conflict: ConflictInfo; onClose: () => void }) {
  const { t, i18n } = useTranslation('panels');
  const [confirmReload, setConfirmReload] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const when = formatDateTime(conflict.updatedAt, i18n.language);
  const who = conflict.updatedBy?.name ?? t('save.conflict.someone');

  async function run(kind: Exclude<Busy, null>, action: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  const controller = getActiveAutosave();
  return (
    <Dialog
      open
      role="alertdialog"
      // Closing keeps the conflict; the save status offers the choices again.
      onClose={onClose}
      title={t('save.conflict.title')}
      description={t('save.conflict.description', { who, when })}
      footer={
        confirmReload ? (
          <>
            <Button onClick={() => setConfirmReload(false)}>{t('save.conflict.cancel')}</Button>
            <Button variant="danger" busy={busy === 'reload'} onClick={() => controller && run('reload', () => controller.reloadTheirs())}>
              {t('save.conflict.confirmReload')}
            </Button>
          </>
        ) : (
          <>
            <Button busy={busy === 'reload'} disabled={busy !== null} onClick={() => setConfirmReload(true)}>
              {t('save.conflict.reload')}
            </Button>
            <Button busy={busy === 'overwrite'} disabled={busy !== null} onClick={() => controller && run('overwrite', () => controller.overwriteMine())}>
              {t('save.conflict.overwrite')}
            </Button>
            <Button
              variant="primary"
              busy={busy === 'copy'}
              disabled={busy !== null}
              onClick={() =>
                controller &&
                run('copy', async () => {
                  const name = t('save.conflict.copyName', { name: useEditorStore.getState().meta.name });
                  const id = await controller.saveAsCopy(name);
                  navigate(flowPath(id), { force: true });
                })
              }
            >
              {t('save.conflict.copy')}
            </Button>
          </>
        )
      }
    >
      {confirmReload ? <p>{t('save.conflict.reloadWarning')}</p> : <p>{t('save.conflict.choices')}</p>}
      {error && <Alert tone="error">{t('save.conflict.failed', { message: error })}</Alert>}
    </Dialog>
  );
}
