import { useTranslation } from 'react-i18next';
import { Button, Dialog } from '../ui';
import type { ImportFailure } from './useFlowImport';

const SHOWN_ISSUES = 20;

export function ImportErrorDialog({ failure, onClose, onRetry }: { failure: ImportFailure | null; onClose: () => void; onRetry: () => void }) {
  const { t } = useTranslation('dashboard');
  const shown = failure?.issues.slice(0, SHOWN_ISSUES) ?? [];
  const hidden = (failure?.issues.length ?? 0) - shown.length;
  return (
    <Dialog
      open={failure !== null}
      onClose={onClose}
      role="alertdialog"
      wide
      title={t('import.errorTitle', { file: failure?.fileName ?? '' })}
      description={failure?.message}
      footer={
        <>
          <Button onClick={onClose}>{t('common:close')}</Button>
          <Button variant="primary" onClick={onRetry}>
            {t('import.chooseAnother')}
          </Button>
        </>
      }
    >
      {shown.length > 0 ? (
        <ul className="sb-issues" aria-label={t('import.issuesLabel')}>
          {shown.map((issue, i) => (
            <li key={i} className="sb-issue">
              <code className="sb-issue__path">{issue.path || t('import.rootPath')}</code>
              <span>{issue.message}</span>
            </li>
          ))}
          {hidden > 0 && <li className="sb-issue sb-muted">{t('import.moreIssues', { count: hidden })}</li>}
        </ul>
      ) : undefined}
    </Dialog>
  );
}
