import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDetail, FlowSummary } from '../api';
import { api } from '../api';
import { flowPath, navigate } from '../app/router';
import { LoadingState } from '../app/pages/PageState';
import { formatNumber } from '../i18n';
import { Alert, Button, useToast } from '../ui';
import { DashboardHead } from './DashboardHead';
import { DeleteFlowDialog } from './DeleteFlowDialog';
import { DropOverlay } from './DropOverlay';
import { duplicateFlow } from './duplicateFlow';
import { EmptyState } from './EmptyState';
import { errorMessage } from './errorMessage';
import { FlowSearchCard } from './FlowSearchCard';
import { ImportErrorDialog } from './ImportErrorDialog';
import { ImportFileInput } from './ImportFileInput';
import { NewFlowDialog } from './NewFlowDialog';
import { useFileDrop } from './useFileDrop';
import { useFlowImport } from './useFlowImport';
import { useFlowList } from './useFlowList';
import { useNow } from './useNow';
import './dashboard.css';

/** The flow list for editors and admins: search, create, import, duplicate, delete. */
export function FlowsDashboard() {
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
        throw new Error(errorMessage(e, t), { cause: e });
      }
      setToDelete(null);
      removeLocally(flow.id);
      toast.show(t('deleted', { name: flow.name }), 'success');
    },
    [removeLocally, t, toast],
  );

  const flows = state.status === 'ready' ? state.flows : [];
  const locale = i18n.resolvedLanguage ?? i18n.language;

  return (
    <main className="sb-dashboard" {...dropProps} aria-labelledby="sb-dashboard-title">
      <div className="sb-dashboard__inner">
        <DashboardHead
          subtitle={state.status === 'ready' ? t('count', { count: flows.length, formatted: formatNumber(flows.length, locale) }) : t('subtitle')}
          importing={importing}
          onImport={openPicker}
          onNew={() => setNewOpen(true)}
        />
        <ImportFileInput ref={fileInput} onFile={(file) => void importFile(file)} />

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
          <FlowSearchCard
            flows={flows}
            now={now}
            query={query}
            onQueryChange={setQuery}
            duplicatingId={duplicatingId}
            onDuplicate={(flow) => void onDuplicate(flow)}
            onDelete={setToDelete}
          />
        )}
      </div>

      {dragging && <DropOverlay />}

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
