import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertCircle, Check, CloudOff, Loader2, PencilLine, TriangleAlert } from 'lucide-react';
import { formatDateTime } from '../../i18n';
import { ConflictDialog } from './ConflictDialog';
import { DraftRestoreDialog } from './DraftRestoreDialog';
import { useSaveState, type SaveStatus as Status } from './saveState';
import './save.css';

function Label({ status }: { status: Status }) {
  const { t, i18n } = useTranslation('panels');
  switch (status.kind) {
    case 'saved':
      return (
        <span className="sb-save sb-save--saved" title={status.at ? t('save.savedAt', { when: formatDateTime(status.at, i18n.language) }) : undefined}>
          <Check size={14} aria-hidden />
          {t('save.saved')}
        </span>
      );
    case 'unsaved':
      return (
        <span className="sb-save sb-save--unsaved">
          <PencilLine size={14} aria-hidden />
          {t('save.unsaved')}
        </span>
      );
    case 'saving':
      return (
        <span className="sb-save sb-save--saving">
          <Loader2 size={14} className="sb-spinner" aria-hidden />
          {t('save.saving')}
        </span>
      );
    case 'offline':
      return (
        <span className="sb-save sb-save--offline">
          <CloudOff size={14} aria-hidden />
          {t('save.offline')}
        </span>
      );
    case 'invalid':
      return (
        <span className="sb-save sb-save--error">
          <AlertCircle size={14} aria-hidden />
          {t('save.invalid')}
        </span>
      );
    case 'error':
      return (
        <span className="sb-save sb-save--error">
          <AlertCircle size={14} aria-hidden />
          {status.retrying ? t('save.errorRetrying', { message: status.message }) : t('save.error', { message: status.message })}
        </span>
      );
    case 'conflict':
      return (
        <span className="sb-save sb-save--error">
          <TriangleAlert size={14} aria-hidden />
          {t('save.conflictStatus')}
        </span>
      );
  }
}

/** The save state beside the flow name, plus the dialogs saving may need to ask. */
export function SaveStatus() {
  const { t } = useTranslation('panels');
  const status = useSaveState((s) => s.status);
  const draftOffer = useSaveState((s) => s.draftOffer);
  const [conflictHidden, setConflictHidden] = useState<number | null>(null);
  const conflictRevision = status.kind === 'conflict' ? status.conflict.revision : null;

  return (
    <div className="sb-save-wrap">
      <div role="status" aria-live="polite" data-testid="save-status" data-state={status.kind}>
        <Label status={status} />
      </div>
      {status.kind === 'invalid' && (
        <details className="sb-save-details">
          <summary>{t('save.invalidDetails', { message: status.message })}</summary>
          <ul>
            {status.details.map((d, i) => (
              <li key={i}>
                <code>{d.path || '—'}</code> {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {status.kind === 'conflict' && conflictHidden === conflictRevision && (
        <button type="button" className="sb-save-resolve" onClick={() => setConflictHidden(null)}>
          {t('save.resolve')}
        </button>
      )}
      {status.kind === 'conflict' && conflictHidden !== conflictRevision && (
        <ConflictDialog conflict={status.conflict} onClose={() => setConflictHidden(conflictRevision)} />
      )}
      {draftOffer && <DraftRestoreDialog offer={draftOffer} />}
    </div>
  );
}
