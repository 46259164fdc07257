import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, KNOWLEDGE_FILE_ACCEPT, type KnowledgeSource } from '../api';
import { formatNumber } from '../i18n/format';
import { Alert, Button, Dialog, Tabs } from '../ui';
import { SourceFields, type SourceMeta } from './SourceFields';
import { isWebAddress, knowledgeErrorMessage } from './knowledgeErrors';

type Mode = 'paste' | 'upload';
type Errors = Partial<Record<'title' | 'url' | 'text' | 'file', string>>;

const EMPTY: SourceMeta = { title: '', url: '' };

function sizeLabel(bytes: number, locale: string): string {
  return bytes < 1_000_000 ? `${formatNumber(Math.max(1, Math.round(bytes / 1000)), locale)} kB` : `${formatNumber(Math.round(bytes / 100_000) / 10, locale)} MB`;
}

/** Where the server's field paths point on this form (the upload's live in the query string). */
function serverErrors(error: unknown): Errors {
  if (!isApiError(error)) return {};
  const out: Errors = {};
  for (const d of error.details) {
    const field = d.path.replace(/^query\./, '');
    if (field === 'title' || field === 'url' || field === 'text') out[field] = d.message;
  }
  return out;
}

/** Adds a source from pasted text or an uploaded file. */
export function AddSourceDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (source: KnowledgeSource) => void }) {
  const { t, i18n } = useTranslation('knowledge');
  const [mode, setMode] = useState<Mode>('paste');
  const [meta, setMeta] = useState<SourceMeta>(EMPTY);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const fileId = useId();

  function reset() {
    setMode('paste');
    setMeta(EMPTY);
    setText('');
    setFile(null);
    setErrors({});
    setFailure(null);
  }

  function close() {
    if (busy) return;
    reset();
    onClose();
  }

  function check(): Errors {
    const found: Errors = {};
    if (mode === 'paste' && !meta.title.trim()) found.title = t('form.required');
    if (meta.url.trim() && !isWebAddress(meta.url.trim())) found.url = t('form.badUrl');
    if (mode === 'paste' && !text.trim()) found.text = t('form.required');
    if (mode === 'upload' && !file) found.file = t('form.required');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const url = meta.url.trim();
      const source =
        mode === 'paste'
          ? await api.knowledge.create({ title: meta.title.trim(), text, ...(url ? { url } : {}) })
          : await api.knowledge.upload(file!, { ...(meta.title.trim() ? { title: meta.title.trim() } : {}), ...(url ? { url } : {}) });
      reset();
      onAdded(source);
    } catch (error) {
      const fields = serverErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(knowledgeErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  const pasteForm = (
    <div className="sb-field">
      <label htmlFor={textId} className="sb-field__label">
        {t('form.textLabel')}
      </label>
      <textarea
        id={textId}
        className="sb-input sbk-textarea"
        rows={10}
        value={text}
        aria-invalid={errors.text ? true : undefined}
        aria-describedby={`${textId}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <span id={`${textId}-hint`} className="sb-field__hint">
        {t('form.textHint')}
      </span>
      {errors.text && (
        <span className="sb-field__error" role="alert">
          {errors.text}
        </span>
      )}
    </div>
  );

  const uploadForm = (
    <div className="sb-field">
      <label htmlFor={fileId} className="sb-field__label">
        {t('form.fileLabel')}
      </label>
      <input
        id={fileId}
        type="file"
        className="sbk-file"
        accept={KNOWLEDGE_FILE_ACCEPT}
        aria-invalid={errors.file ? true : undefined}
        aria-describedby={`${fileId}-hint`}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <span id={`${fileId}-hint`} className="sb-field__hint">
        {file ? t('form.fileChosen', { name: file.name, size: sizeLabel(file.size, i18n.language) }) : t('form.fileHint')}
      </span>
      {errors.file && (
        <span className="sb-field__error" role="alert">
          {errors.file}
        </span>
      )}
    </div>
  );

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('form.addTitle')}
      wide
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button variant="primary" type="submit" form="sbk-add-form" busy={busy}>
            {t('form.submit')}
          </Button>
        </>
      }
    >
      <form id="sbk-add-form" className="sbk-form" onSubmit={(e) => void submit(e)} noValidate>
        <Tabs
          aria-label={t('form.mode')}
          value={mode}
          onChange={(id) => {
            setMode(id as Mode);
            setErrors({});
            setFailure(null);
          }}
          tabs={[
            { id: 'paste', label: t('form.paste'), content: pasteForm },
            { id: 'upload', label: t('form.upload'), content: uploadForm },
          ]}
        />
        <SourceFields value={meta} onChange={setMeta} errors={errors} titleOptional={mode === 'upload'} />
        {failure && <Alert>{failure}</Alert>}
      </form>
    </Dialog>
  );
}
