import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUp } from 'lucide-react';
import { Button } from '../../ui/Button';
import { parseFaqCsv, type FaqCsvResult } from './faqCsv';

interface Preview extends FaqCsvResult {
  fileName: string;
}

export interface FaqCsvImportProps {
  /** How many more items the node can take. */
  room: number;
  onImport: (rows: { question: string; answer: string }[]) => void;
}

/**
 * Reads a `question,answer` CSV and shows what it found before anything changes: the number of
 * pairs to add and every line that could not be read, so a broken file never half-imports unseen.
 */
export function FaqCsvImport({ room, onImport }: FaqCsvImportProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [readError, setReadError] = useState(false);

  async function read(file: File) {
    setReadError(false);
    try {
      setPreview({ ...parseFaqCsv(await file.text()), fileName: file.name });
    } catch {
      setReadError(true);
    }
  }

  const adding = preview ? Math.min(room, preview.rows.length) : 0;

  return (
    <div className="sb-insp-group">
      <input
        ref={input}
        id={id}
        type="file"
        accept=".csv,text/csv,text/plain"
        className="sb-visually-hidden"
        aria-label={t('csv.file')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      <Button size="sm" variant="ghost" icon={<FileUp size={16} aria-hidden />} onClick={() => input.current?.click()}>
        {t('csv.import')}
      </Button>
      <span className="sb-field__hint">{t('csv.help')}</span>
      {readError && (
        <span className="sb-field__error" role="alert">
          {t('csv.readError')}
        </span>
      )}
      {preview && (
        <div className="sb-insp-card" role="region" aria-label={t('csv.previewOf', { file: preview.fileName })}>
          <p className="sb-field__hint">{t('csv.found', { count: preview.rows.length, file: preview.fileName })}</p>
          {adding < preview.rows.length && <p className="sb-field__error">{t('csv.overLimit', { count: adding })}</p>}
          {preview.errors.length > 0 && (
            <>
              <p className="sb-field__error" role="alert">
                {t('csv.errorCount', { count: preview.errors.length })}
              </p>
              <ul className="sb-csv-errors" aria-label={t('csv.errorList')}>
                {preview.errors.map((e) => (
                  <li key={`${e.line}-${e.code}`}>{t(`csv.errors.${e.code}`, { line: e.line, count: e.count ?? 0 })}</li>
                ))}
              </ul>
            </>
          )}
          <div className="sb-insp-inline">
            <Button
              size="sm"
              variant="primary"
              disabled={adding === 0}
              onClick={() => {
                onImport(preview.rows.slice(0, adding).map(({ question, answer }) => ({ question, answer })));
                setPreview(null);
              }}
            >
              {t('csv.add', { count: adding })}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setPreview(null)}>
              {t('csv.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
