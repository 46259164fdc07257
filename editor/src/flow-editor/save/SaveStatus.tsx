import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { AlertCircle, Check, CloudOff, Loader2, PencilLine, TriangleAlert } from 'lucide-react';
import { formatDateTime } from '../../i18n';
import { ConflictDialog } from './ConflictDialog';
import { DraftRestoreDialog } from './DraftRestoreDialog';
import { useSaveState, type SaveStatus as Status } from './saveState';
import './save.css';

/** What the status says, with its icon and tone; `tooltip` adds detail beyond the words. */
function describe(status: Status, t: TFunction<'panels'>, lng: string): { tone: string; icon: ReactNode; text: string; tooltip?: string } {
  switch (status.kind) {
    case 'saved':
      return { tone: 'saved', icon: <Check size={14} aria-hidden />, text: t('save.saved'), tooltip: status.at ? t('save.savedAt', { when: formatDateTime(status.at, lng) }) : undefined };
    case 'unsaved':
      return { tone: 'unsaved', icon: <PencilLine size={14} aria-hidden />, text: t('save.unsaved') };
    case 'saving':
      return { tone: 'saving', icon: <Loader2 size={14} className="sb-spinner" aria-hidden />, text: t('save.saving') };
    case 'offline':
      return { tone: 'offline', icon: <CloudOff size={14} aria-hidden />, text: t('save.offline') };
    case 'invalid':
      return { tone: 'error', icon: <AlertCircle size={14} aria-hidden />, text: t('save.invalid') };
    case 'error':
      return {
        tone: 'error',
        icon: <AlertCircle size={14} aria-hidden />,
        text: status.retrying ? t('save.errorRetrying', { message: status.message }) : t('save.error', { message: status.message }),
      };
    case 'conflict':
      return { tone: 'error', icon: <TriangleAlert size={14} aria-hidden />, text: t('save.conflictStatus') };
  }
}

/**
 * Icon and words. Where the top bar is narrow the words are hidden visually (still read by screen
 * readers) and the tooltip carries them, so the status never runs under the toolbar beside it.
 */
function Label({ status }: { status: Status }) {
  const { t, i18n } = useTranslation('panels');
  const { tone, icon, text, tooltip } = describe(status, t, i18n.language);
  return (
    <span className={`sb-save sb-save--${tone}`} title={tooltip ?? text}>
      {icon}
      <span className="sb-save__text">{text}</span>
    </span>
  );
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
