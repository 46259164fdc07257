import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type ErrorDetail, type FlowDetail } from '../api';
import { errorMessage } from './errorMessage';
import { readFlowFile } from './readFlowFile';

export interface ImportFailure {
  fileName: string;
  message: string;
  /** Field-level problems, from the browser-side check or from the server. */
  issues: ErrorDetail[];
}

/** Checks a dropped or picked file locally, then uploads it; a failure is kept for the error dialog. */
export function useFlowImport(onImported: (flow: FlowDetail) => void) {
  const { t } = useTranslation('dashboard');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const importFile = useCallback(
    async (file: File) => {
      setFailure(null);
      setBusy(true);
      try {
        const read = await readFlowFile(file);
        if (!read.ok) {
          const fail = (message: string, issues: ErrorDetail[] = []) => setFailure({ fileName: file.name, message, issues });
          switch (read.reason) {
            case 'notJsonFile':
              return fail(t('import.notJson'));
            case 'tooLarge':
              return fail(t('import.tooLarge'));
            case 'empty':
              return fail(t('import.empty'));
            case 'invalidJson':
              return fail(t('import.invalidJson', { message: read.message }));
            case 'invalidFlow':
              return fail(t('import.invalidFlow', { count: read.issues.length }), read.issues);
          }
        }
        try {
          onImported(await api.flows.create(read.tests ? { document: read.flow, tests: read.tests } : { document: read.flow }));
        } catch (e) {
          setFailure({
            fileName: file.name,
            message: t('import.serverRejected', { reason: errorMessage(e, t) }),
            issues: e instanceof ApiError ? e.details : [],
          });
        }
      } finally {
        setBusy(false);
      }
    },
    [onImported, t],
  );

  return { importFile, busy, failure, clearFailure: useCallback(() => setFailure(null), []) };
}
