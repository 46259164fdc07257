import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@switchboard/runtime';
import { api, type CaseReport, type FlowDiffResponse } from '../../api';
import { Alert, Button, Dialog } from '../../ui';
import { useEditorStore } from '../store';
import { useTestsStore, type CaseOutcome } from '../flowtests/testsStore';
import { useHistoryStore } from '../history/historyStore';
import { usePreviewStore } from '../preview/previewStore';
import { PublishedInfo } from './PublishedInfo';
import { PublishProblems } from './PublishProblems';
import { PublishReview } from './PublishReview';
import { saveDraftFirst } from './saveDraftFirst';
import { useLiveStore } from './liveStore';
import './publish.css';

type Phase =
  | { kind: 'checking' }
  | { kind: 'errors'; problems: Problem[] }
  | { kind: 'review'; diff: FlowDiffResponse; failures: CaseOutcome[]; serverFailures: CaseReport[] }
  | { kind: 'done'; version: number }
  | { kind: 'failed'; message: string };

const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');

async function prepare(flowId: string): Promise<Phase> {
  const errors = errorsOf(useEditorStore.getState().problems);
  if (errors.length > 0) return { kind: 'errors', problems: errors };
  if (!(await saveDraftFirst())) return { kind: 'failed', message: 'saveFirst' };
  const tests = useTestsStore.getState();
  await tests.load(flowId);
  const outcomes = useTestsStore.getState().runLocal(useEditorStore.getState().toDocument());
  const diff = await api.versions.diff(flowId, 'live', 'draft');
  return { kind: 'review', diff, failures: outcomes.filter((o) => !o.passed), serverFailures: [] };
}

/**
 * Publishing, step by step: refuse with the validator's errors; otherwise show what changes
 * for customers and how the tests fare, take a note (and an override note when tests fail),
 * then show where the live flow can be reached.
 */
export function PublishDialog({ flowId, onClose }: { flowId: string; onClose: () => void }) {
  const { t } = useTranslation('preview');
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [note, setNote] = useState('');
  const [override, setOverride] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    prepare(flowId).then(
      (p) => live && setPhase(p),
      (e: unknown) => live && setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [flowId]);

  const testsFail = phase.kind === 'review' && (phase.failures.length > 0 || phase.serverFailures.length > 0);

  const publish = async () => {
    if (phase.kind !== 'review') return;
    setBusy(true);
    try {
      const result = await api.versions.publish(flowId, { note: note.trim(), ...(testsFail ? { overrideNote: override.trim() } : {}) });
      if (result.ok) {
        setPhase({ kind: 'done', version: result.version.number });
        void useLiveStore.getState().refresh(flowId);
        void useHistoryStore.getState().load(flowId);
      } else if (result.code === 'tests_failed') {
        setPhase({ ...phase, serverFailures: result.results.filter((r) => !r.passed) });
      } else {
        setPhase({ kind: 'errors', problems: errorsOf(result.problems) });
      }
    } catch (e) {
      setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
    setBusy(false);
  };

  const footer =
    phase.kind === 'review' ? (
      <>
        <Button variant="ghost" onClick={onClose}>
          {t('publish.cancel')}
        </Button>
        <Button
          variant={testsFail ? 'danger' : 'primary'}
          busy={busy}
          disabled={testsFail && override.trim() === ''}
          onClick={() => void publish()}
        >
          {testsFail ? t('publish.publishAnyway') : t('publish.publish')}
        </Button>
      </>
    ) : (
      <Button onClick={onClose}>{t('publish.close')}</Button>
    );

  return (
    <Dialog open wide onClose={onClose} title={t('publish.title')} footer={footer}>
      <div className="pb" data-testid="publish-dialog" data-phase={phase.kind}>
        {phase.kind === 'checking' && <p role="status">{t('publish.checking')}</p>}
        {phase.kind === 'failed' && (
          <Alert tone="error">{phase.message === 'saveFirst' ? t('publish.saveFirst') : t('publish.failed', { message: phase.message })}</Alert>
        )}
        {phase.kind === 'errors' && <PublishProblems problems={phase.problems} onClose={onClose} />}
        {phase.kind === 'review' && (
          <PublishReview
            diff={phase.diff}
            failures={phase.failures}
            serverFailures={phase.serverFailures}
            testsFail={testsFail}
            note={note}
            onNoteChange={setNote}
            override={override}
            onOverrideChange={setOverride}
            onOpenPreview={() => {
              onClose();
              usePreviewStore.getState().setPanel('preview');
            }}
          />
        )}
        {phase.kind === 'done' && <PublishedInfo flowId={flowId} version={phase.version} />}
      </div>
    </Dialog>
  );
}
