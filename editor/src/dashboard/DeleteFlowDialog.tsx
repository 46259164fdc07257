import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { FlowSummary } from '../api';
import { Alert, Button, Dialog } from '../ui';

export interface DeleteFlowDialogProps {
  flow: FlowSummary | null;
  onCancel: () => void;
  /** Rejects with a message to show when deleting failed. */
  onConfirm: (flow: FlowSummary) => Promise<void>;
}

export function DeleteFlowDialog({ flow, onCancel, onConfirm }: DeleteFlowDialogProps) {
  const { t } = useTranslation('dashboard');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Cancel gets focus first so a stray Enter never deletes anything.
  const cancelRef = useRef<HTMLButtonElement>(null);

  function close() {
    setError(null);
    onCancel();
  }

  async function confirm() {
    if (!flow) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(flow);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const isLive = flow?.publishedVersion != null;
  return (
    <Dialog
      open={flow !== null}
      onClose={close}
      role="alertdialog"
      initialFocus={cancelRef}
      title={t('delete.title')}
      description={
        flow && (
          <Trans t={t} i18nKey="delete.body" values={{ name: flow.name }} components={{ strong: <strong /> }} />
        )
      }
      footer={
        <>
          <Button ref={cancelRef} onClick={close}>
            {t('common:cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {t('delete.confirm')}
          </Button>
        </>
      }
    >
      <div className="sb-stack">
        <p className="sb-muted">{t('delete.conversations')}</p>
        {isLive && <Alert tone="warning">{t('delete.liveWarning')}</Alert>}
        {error && <Alert>{error}</Alert>}
      </div>
    </Dialog>
  );
}
