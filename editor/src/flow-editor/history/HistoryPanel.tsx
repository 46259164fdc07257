import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, IconButton } from '../../ui';
import { formatDateTime } from '../../i18n/format';
import type { VersionSummary } from '../../api';
import { useEditorStore } from '../store';
import { usePreviewStore, type VersionRef } from '../preview/previewStore';
import { ConfirmDialog } from './ConfirmDialog';
import { useHistoryStore } from './historyStore';
import { compareVersions, openVersion, restoreVersion, rollbackTo, unpublish, UnsavedDraftError } from './versionActions';
import '../preview/preview.css';
import './history.css';

type Pending = { kind: 'rollback' | 'restore'; n: number } | { kind: 'unpublish' } | null;

const refValue = (ref: VersionRef) => String(ref);
const parseRef = (value: string): VersionRef => (value === 'draft' ? 'draft' : Number(value));

function VersionRow({ v, flowId, onAsk, onError }: { v: VersionSummary; flowId: string; onAsk: (p: Pending) => void; onError: (e: unknown) => void }) {
  const { t, i18n } = useTranslation('preview');
  return (
    <li className={`hv-version${v.live ? ' hv-version--live' : ''}`} data-testid="version-row" data-number={v.number}>
      <div className="hv-version__head">
        <span className="hv-version__number">{t('history.versionN', { n: v.number })}</span>
        {v.live && <Badge tone="success">{t('history.live')}</Badge>}
        {v.runningConversations !== undefined && v.runningConversations > 0 && (
          <Badge tone="info">{t('history.running', { count: v.runningConversations })}</Badge>
        )}
      </div>
      <div className="hv-version__meta">
        {formatDateTime(v.publishedAt, i18n.language)} · {v.publishedBy?.name ?? t('history.unknownAuthor')}
      </div>
      {v.note && <div>{v.note}</div>}
      {v.overrideNote && <div className="hv-override">{t('history.override', { note: v.overrideNote })}</div>}
      <div className="pv-row">
        <Button size="sm" onClick={() => openVersion(flowId, v.number).catch(onError)}>
          {t('history.open')}
        </Button>
        <Button size="sm" onClick={() => compareVersions(flowId, v.number, 'draft').catch(onError)}>
          {t('history.compareDraft')}
        </Button>
        <Button size="sm" onClick={() => onAsk({ kind: 'restore', n: v.number })}>
          {t('history.restore')}
        </Button>
        {!v.live && (
          <Button size="sm" variant="danger" onClick={() => onAsk({ kind: 'rollback', n: v.number })}>
            {t('history.rollback')}
          </Button>
        )}
      </div>
    </li>
  );
}

/** Published versions: open one read-only, compare any two, restore into the draft, roll back. */
export function HistoryPanel() {
  const { t } = useTranslation('preview');
  const flowId = useEditorStore((s) => s.flowId);
  const versions = useHistoryStore((s) => s.versions);
  const status = useHistoryStore((s) => s.status);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [from, setFrom] = useState<VersionRef | null>(null);
  const [to, setTo] = useState<VersionRef>('draft');

  useEffect(() => {
    if (flowId) void useHistoryStore.getState().load(flowId);
  }, [flowId]);
  if (!flowId) return null;
  const onError = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const live = versions.find((v) => v.live);
  const fromRef = from ?? versions[0]?.number ?? null;
  const options: VersionRef[] = ['draft', ...versions.map((v) => v.number)];
  const label = (ref: VersionRef) => (ref === 'draft' ? t('history.draft') : t('history.versionN', { n: ref }));

  return (
    <aside className="pv-panel" aria-label={t('history.title')} data-testid="history-panel">
      <header className="pv-head">
        <h2 className="pv-title">{t('history.title')}</h2>
        <IconButton aria-label={t('panel.close')} icon={<X size={16} aria-hidden />} onClick={() => usePreviewStore.getState().setPanel(null)} />
      </header>
      <div className="pv-body">
        {error && <Alert tone="error">{error}</Alert>}
        {notice && <p className="hv-notice" role="status">{notice}</p>}
        {status === 'loading' && versions.length === 0 && <p className="pv-muted">{t('history.loading')}</p>}
        {status === 'failed' && <Alert tone="error">{t('history.loadError')}</Alert>}
        {status === 'ready' && versions.length === 0 && <p className="pv-muted">{t('history.empty')}</p>}
        {versions.length > 0 && fromRef !== null && (
          <div className="hv-compare">
            <span>{t('history.compare')}</span>
            <select aria-label={t('history.compareFrom')} value={refValue(fromRef)} onChange={(e) => setFrom(parseRef(e.target.value))}>
              {options.map((o) => (
                <option key={o} value={refValue(o)}>
                  {label(o)}
                </option>
              ))}
            </select>
            <span>{t('history.with')}</span>
            <select aria-label={t('history.compareTo')} value={refValue(to)} onChange={(e) => setTo(parseRef(e.target.value))}>
              {options.map((o) => (
                <option key={o} value={refValue(o)}>
                  {label(o)}
                </option>
              ))}
            </select>
            <Button size="sm" disabled={fromRef === to} onClick={() => compareVersions(flowId, fromRef, to).catch(onError)}>
              {t('history.show')}
            </Button>
          </div>
        )}
        <ul className="hv-list">
          {versions.map((v) => (
            <VersionRow key={v.number} v={v} flowId={flowId} onAsk={setPending} onError={onError} />
          ))}
        </ul>
        {live && (
          <Button variant="ghost" onClick={() => setPending({ kind: 'unpublish' })}>
            {t('history.unpublish')}
          </Button>
        )}
      </div>
      {pending?.kind === 'rollback' && (
        <ConfirmDialog
          title={t('history.rollbackTitle', { n: pending.n })}
          confirmLabel={t('history.rollbackConfirm')}
          danger
          onConfirm={() =>
            rollbackTo(flowId, pending.n).then(
              (result) => setNotice(result.savedCopy ? t('history.rolledBackWithCopy', { n: pending.n, name: result.savedCopy.name }) : t('history.rolledBack', { n: pending.n })),
              (e: unknown) => onError(e instanceof UnsavedDraftError ? new Error(t('history.rollbackUnsaved')) : e),
            )
          }
          onClose={() => setPending(null)}
        >
          <p>{t('history.rollbackText', { n: pending.n })}</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'restore' && (
        <ConfirmDialog
          title={t('history.restoreTitle', { n: pending.n })}
          confirmLabel={t('history.restoreConfirm')}
          onConfirm={() => restoreVersion(flowId, pending.n)}
          onClose={() => setPending(null)}
        >
          <p>{t('history.restoreText', { n: pending.n })}</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'unpublish' && (
        <ConfirmDialog
          title={t('history.unpublishTitle')}
          confirmLabel={t('history.unpublishConfirm')}
          danger
          onConfirm={() => unpublish(flowId)}
          onClose={() => setPending(null)}
        >
          <p>{t('history.unpublishText')}</p>
        </ConfirmDialog>
      )}
    </aside>
  );
}
