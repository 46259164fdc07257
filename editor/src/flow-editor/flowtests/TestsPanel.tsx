import { CheckCircle2, Play, Trash2, XCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, IconButton } from '../../ui';
import { useEditorStore } from '../store';
import { saveDraftFirst } from '../publish/saveDraftFirst';
import { usePreviewStore } from '../preview/previewStore';
import { DifferenceView } from './DifferenceView';
import { useTestsStore } from './testsStore';
import './flowtests.css';

/** The flow's test cases: run them all at once, see the first difference, and path coverage. */
export function TestsPanel() {
  const { t } = useTranslation('preview');
  const flowId = useEditorStore((s) => s.flowId);
  const cases = useTestsStore((s) => s.cases);
  const status = useTestsStore((s) => s.status);
  const outcomes = useTestsStore((s) => s.outcomes);
  const serverReport = useTestsStore((s) => s.serverReport);
  const serverError = useTestsStore((s) => s.serverError);
  const coverage = usePreviewStore((s) => s.coverage);
  const showCoverage = usePreviewStore((s) => s.showCoverage);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (flowId && useTestsStore.getState().flowId !== flowId) void useTestsStore.getState().load(flowId);
  }, [flowId]);

  if (!flowId) return null;
  const runAll = async () => {
    setRunning(true);
    // In the browser first: instant, and on the draft exactly as it is on screen.
    useTestsStore.getState().runLocal(useEditorStore.getState().toDocument());
    if (await saveDraftFirst()) await useTestsStore.getState().runServer(flowId);
    setRunning(false);
  };
  const outcomeOf = (id: string) => outcomes?.find((o) => o.id === id);
  const serverOf = (id: string) => serverReport?.results.find((r) => r.id === id);
  const failed = outcomes?.filter((o) => !o.passed).length ?? 0;

  return (
    <div className="ft-panel" data-testid="tests-panel">
      <div className="ft-toolbar">
        <Button size="sm" variant="primary" icon={<Play size={14} aria-hidden />} busy={running} disabled={cases.length === 0} onClick={() => void runAll()}>
          {t('tests.runAll')}
        </Button>
        {outcomes && (
          <span className={`ft-summary ${failed ? 'ft-summary--fail' : 'ft-summary--pass'}`} role="status">
            {failed ? t('tests.failedCount', { count: failed, total: outcomes.length }) : t('tests.allPassed', { count: outcomes.length })}
          </span>
        )}
        <label className="ft-coverage">
          <input
            type="checkbox"
            checked={showCoverage}
            disabled={!coverage}
            onChange={(e) => usePreviewStore.getState().setShowCoverage(e.target.checked)}
          />
          {t('tests.showCoverage')}
          {coverage && <strong data-testid="coverage-percent">{t('tests.coverage', { percent: Math.round(coverage.ratio * 100) })}</strong>}
        </label>
      </div>
      {status === 'loading' && <p className="pv-muted">{t('tests.loading')}</p>}
      {status === 'failed' && <Alert tone="error">{t('tests.loadError')}</Alert>}
      {serverError && <Alert tone="warning">{t('tests.serverError', { message: serverError })}</Alert>}
      {status === 'ready' && cases.length === 0 && <p className="pv-muted">{t('tests.empty')}</p>}
      <ul className="ft-list">
        {cases.map((c) => {
          const outcome = outcomeOf(c.id);
          const server = serverOf(c.id);
          return (
            <li key={c.id} className="ft-case" data-testid="test-case" data-status={outcome ? (outcome.passed ? 'passed' : 'failed') : 'not-run'}>
              <div className="ft-case__head">
                {outcome &&
                  (outcome.passed ? (
                    <CheckCircle2 size={16} className="ft-pass" aria-label={t('tests.passed')} />
                  ) : (
                    <XCircle size={16} className="ft-fail" aria-label={t('tests.failed')} />
                  ))}
                <span className="ft-case__name">{c.name}</span>
                <span className="pv-muted">{t('tests.steps', { count: c.steps.length })}</span>
                {server && server.passed !== outcome?.passed && (
                  <span className="ft-server" title={server.message}>
                    {server.passed ? t('tests.serverPassed') : t('tests.serverFailed')}
                  </span>
                )}
                <IconButton
                  aria-label={t('tests.delete', { name: c.name })}
                  icon={<Trash2 size={14} aria-hidden />}
                  onClick={() => {
                    if (window.confirm(t('tests.deleteConfirm', { name: c.name }))) void useTestsStore.getState().remove(flowId, c.id);
                  }}
                />
              </div>
              {outcome?.firstDifference && <DifferenceView difference={outcome.firstDifference} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
