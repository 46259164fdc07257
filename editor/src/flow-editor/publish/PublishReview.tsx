import { useTranslation } from 'react-i18next';
import type { CaseReport, FlowDiffResponse } from '../../api';
import { DifferenceView } from '../flowtests/DifferenceView';
import { useTestsStore, type CaseOutcome } from '../flowtests/testsStore';
import { ChangeSummary } from './ChangeSummary';
import { Button } from '../../ui';

interface PublishReviewProps {
  diff: FlowDiffResponse;
  failures: CaseOutcome[];
  serverFailures: CaseReport[];
  testsFail: boolean;
  note: string;
  onNoteChange: (note: string) => void;
  override: string;
  onOverrideChange: (override: string) => void;
  /** Closes the dialog and opens the preview, where a conversation can be saved as a test. */
  onOpenPreview?: () => void;
}

/** Before publishing: what changes for customers, how the tests fare, and the notes to go with the version. */
export function PublishReview({ diff, failures, serverFailures, testsFail, note, onNoteChange, override, onOverrideChange, onOpenPreview }: PublishReviewProps) {
  const { t } = useTranslation('preview');
  const cases = useTestsStore.getState().cases.length;
  return (
    <>
      <h3 className="pv-subtitle">{diff.from === null ? t('publish.firstVersion') : t('publish.changesSince', { version: diff.from })}</h3>
      <ChangeSummary diff={diff} summary={diff.summary} />
      <h3 className="pv-subtitle">{t('publish.tests')}</h3>
      {!testsFail && cases === 0 && (
        <div className="pb-notests" data-testid="publish-no-tests">
          <p>{t('publish.noTests')}</p>
          {onOpenPreview && (
            <Button size="sm" onClick={onOpenPreview}>
              {t('publish.saveTestFromPreview')}
            </Button>
          )}
        </div>
      )}
      {!testsFail && cases > 0 && <p className="ft-summary--pass">{t('publish.testsPassed', { count: cases })}</p>}
      {testsFail && (
        <p className="ft-summary--fail">
          {t('tests.failedCount', {
            count: Math.max(failures.length, serverFailures.length),
            total: useTestsStore.getState().cases.length,
          })}
        </p>
      )}
      {failures.map((f) => (
        <div key={f.id} className="pb-failure" data-testid="publish-failure">
          <strong>{f.name}</strong>
          {f.firstDifference && <DifferenceView difference={f.firstDifference} />}
        </div>
      ))}
      {failures.length === 0 &&
        serverFailures.map((f) => (
          <div key={f.id} className="pb-failure" data-testid="publish-failure">
            <strong>{f.name}</strong>
            {f.firstDifference && <DifferenceView difference={f.firstDifference} />}
          </div>
        ))}
      <label className="pb-field">
        <span>{t('publish.note')}</span>
        <textarea className="pv-input" rows={2} value={note} maxLength={1000} onChange={(e) => onNoteChange(e.target.value)} />
      </label>
      {testsFail && (
        <label className="pb-field pb-field--override">
          <span>{t('publish.overrideNote')}</span>
          <textarea className="pv-input" rows={2} value={override} maxLength={1000} aria-required onChange={(e) => onOverrideChange(e.target.value)} />
          <small className="pv-muted">{t('publish.overrideHint')}</small>
        </label>
      )}
    </>
  );
}
