import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Search, Upload } from 'lucide-react';
import type { FlowDetail, FlowSummary } from '../api';
import { api } from '../api';
import { useCurrentUser } from '../app/auth/AuthContext';
import { flowPath, navigate } from '../app/router';
import { LoadingState } from '../app/pages/PageState';
import { formatNumber } from '../i18n';
import { Alert, Button, TextField, useToast } from '../ui';
import { AgentHome } from './AgentHome';
import { DeleteFlowDialog } from './DeleteFlowDialog';
import { duplicateFlow } from './duplicateFlow';
import { EmptyState } from './EmptyState';
import { errorMessage } from './errorMessage';
import { FlowTable } from './FlowTable';
import { ImportErrorDialog } from './ImportErrorDialog';
import { NewFlowDialog } from './NewFlowDialog';
import { filterBySearch } from './search';
import { useFileDrop } from './useFileDrop';
import { useFlowImport } from './useFlowImport';
import { useFlowList } from './useFlowList';
import { useNow } from './useNow';
import './dashboard.css';

export function DashboardPage() {
  const user = useCurrentUser();
  return user.role === 'agent' ? <AgentHome /> : <FlowsDashboard />;
}

function FlowsDashboard() {
  const { t, i18n } = useTranslation('dashboard');
  const toast = useToast();
  const now = useNow();
  const { state, reload, removeLocally } = useFlowList();
  const [query, setQuery] = useState('');
  const [newOpen, setNewOpen] = useState(false);
  const [toDelete, setToDelete] = useState<FlowSummary | null>(null);
  const [duplicatingId, setDuplicatingId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onImported = useCallback(
    (flow: FlowDetail) => {
      toast.show(t('import.done', { name: flow.flow.name }), 'success');
      reload().catch(() => undefined);
    },
    [reload, t, toast],
  );
  const { importFile, busy: importing, failure, clearFailure } = useFlowImport(onImported);
  const { dragging, dropProps } = useFileDrop((file) => void importFile(file), !importing);

  const openPicker = useCallback(() => fileInput.current?.click(), []);

  const onDuplicate = useCallback(
    async (flow: FlowSummary) => {
      setDuplicatingId(flow.id);
      try {
        const copy = await duplicateFlow(flow.id, t('copySuffix'));
        toast.show(t('duplicated', { name: copy.flow.name }), 'success');
        await reload();
      } catch (e) {
        toast.show(t('duplicateFailed', { reason: errorMessage(e, t) }), 'error');
      } finally {
        setDuplicatingId(null);
      }
    },
    [reload, t, toast],
  );

  const onConfirmDelete = useCallback(
    async (flow: FlowSummary) => {
      try {
        await api.flows.remove(flow.id);
      } catch (e) {
        throw new Error(errorMessage(e, t));
      }
      setToDelete(null);
      removeLocally(flow.id);
      toast.show(t('deleted', { name: flow.name }), 'success');
    },
    [removeLocally, t, toast],
  );

  const flows = state.status === 'ready' ? state.flows : [];
  const visible = useMemo(() => filterBySearch(flows, query), [flows, query]);
  const locale = i18n.resolvedLanguage ?? i18n.language;

  return (
    <main className="sb-dashboard" {...dropProps} aria-labelledby="sb-dashboard-title">
      <div className="sb-dashboard__inner">
        <div className="sb-dashboard__head">
          <div>
            <h1 id="sb-dashboard-title" className="sb-dashboard__title">
              {t('title')}
            </h1>
            <p className="sb-dashboard__subtitle">
              {state.status === 'ready' ? t('count', { count: flows.length, formatted: formatNumber(flows.length, locale) }) : t('subtitle')}
            </p>
          </div>
          <div className="sb-dashboard__actions">
            <Button icon={<Upload size={16} aria-hidden />} busy={importing} onClick={openPicker}>
              {t('import.button')}
            </Button>
            <Button variant="primary" icon={<Plus size={16} aria-hidden />} onClick={() => setNewOpen(true)}>
              {t('newFlow.button')}
            </Button>
          </div>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="sb-visually-hidden"
          tabIndex={-1}
          aria-label={t('import.button')}
          data-testid="import-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />

        {state.status === 'loading' && <LoadingState />}
        {state.status === 'error' && (
          <Alert>
            {errorMessage(state.error, t)}{' '}
            <Button size="sm" variant="ghost" onClick={() => reload().catch(() => undefined)}>
              {t('common:retry')}
            </Button>
          </Alert>
        )}
        {state.status === 'ready' && flows.length === 0 && <EmptyState onNew={() => setNewOpen(true)} onImport={openPicker} />}
        {state.status === 'ready' && flows.length > 0 && (
          <section className="sb-dashboard__card">
            <div className="sb-dashboard__toolbar">
              <TextField
                label={t('search.label')}
                hideLabel
                type="search"
                placeholder={t('search.placeholder')}
                icon={<Search size={16} aria-hidden />}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                className="sb-dashboard__search"
              />
              <span className="sb-muted" role="status" aria-live="polite">
                {query.trim() ? t('search.results', { count: visible.length }) : ''}
              </span>
            </div>
            {visible.length > 0 ? (
              <FlowTable
                flows={visible}
                now={now}
                canEdit
                duplicatingId={duplicatingId}
                onDuplicate={(flow) => void onDuplicate(flow)}
                onDelete={setToDelete}
              />
            ) : (
              <p className="sb-dashboard__no-results">{t('search.noResults', { query: query.trim() })}</p>
            )}
          </section>
        )}
      </div>

      {dragging && (
        <div className="sb-dropzone" aria-hidden>
          <div className="sb-dropzone__panel">
            <Upload size={28} />
            <span>{t('import.dropHere')}</span>
          </div>
        </div>
      )}

      <NewFlowDialog
        open={newOpen}
        onClose={() => setNewOpen(false)}
        onCreated={(flow) => {
          setNewOpen(false);
          navigate(flowPath(flow.flow.id));
        }}
      />
      <DeleteFlowDialog flow={toDelete} onCancel={() => setToDelete(null)} onConfirm={onConfirmDelete} />
      <ImportErrorDialog
        failure={failure}
        onClose={clearFailure}
        onRetry={() => {
          clearFailure();
          openPicker();
        }}
      />
    </main>
  );
}
