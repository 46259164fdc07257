import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog } from '../../ui';

export interface EraseDialogProps {
  open: boolean;
  count: number;
  onCancel: () => void;
  /** Rejects with the reason when erasing failed; the dialog stays open and shows it. */
  onConfirm: () => Promise<void>;
}

/** Erasing cannot be undone: the admin types ERASE (USUŃ in Polish) before the button works. */
export function EraseDialog({ open, count, onCancel, onConfirm }: EraseDialogProps) {
  const { t } = useTranslation('privacy');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const word = t('erase.word');

  function close() {
    setTyped('');
    setError(null);
    onCancel();
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setTyped('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      role="alertdialog"
      onClose={close}
      initialFocus={cancelRef}
      title={t('erase.title', { count })}
      description={t('erase.body', { count })}
      footer={
        <>
          <Button ref={cancelRef} onClick={close}>
            {t('erase.cancel')}
          </Button>
          <Button variant="danger" busy={busy} disabled={typed.trim().toUpperCase() !== word.toUpperCase()} onClick={() => void confirm()}>
            {t('erase.confirm', { count })}
          </Button>
        </>
      }
    >
      <div className="sb-stack">
        <label className="sb-field">
          <span className="sb-field__label">{t('erase.typeToConfirm', { word })}</span>
          <input className="sb-input" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
        </label>
        {error && <Alert>{error}</Alert>}
      </div>
    </Dialog>
  );
}
