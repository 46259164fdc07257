import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, KNOWLEDGE_FILE_ACCEPT, type KnowledgeSource } from '../api';
import { Alert, Button, Dialog } from '../ui';
import { SourceFields, type SourceMeta } from './SourceFields';
import { isWebAddress, knowledgeErrorMessage } from './knowledgeErrors';

/** Changes a source's title and public link; a file source can take a new version of its file. */
export function EditSourceDialog({ source, onClose, onSaved }: { source: KnowledgeSource | null; onClose: () => void; onSaved: (source: KnowledgeSource) => void }) {
  const { t } = useTranslation('knowledge');
  const [meta, setMeta] = useState<SourceMeta>({ title: '', url: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof SourceMeta, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();

  useEffect(() => {
    if (source) setMeta({ title: source.title, url: source.url ?? '' });
    setErrors({});
    setFailure(null);
    setFile(null);
  }, [source]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!source) return;
    const title = meta.title.trim();
    const url = meta.url.trim();
    const found: typeof errors = {};
    if (!title) found.title = t('form.required');
    if (url && !isWebAddress(url)) found.url = t('form.badUrl');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      // The file first: if it is refused, the title and link are not changed either.
      if (file) await api.knowledge.replaceFile(source.id, file);
      onSaved(await api.knowledge.update(source.id, { title, url: url || null }));
    } catch (error) {
      const fields = isApiError(error) ? Object.fromEntries(error.details.filter((d) => d.path === 'title' || d.path === 'url').map((d) => [d.path, d.message])) : {};
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(knowledgeErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={source !== null}
      onClose={() => !busy && onClose()}
      title={t('form.editTitle')}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button variant="primary" type="submit" form="sbk-edit-form" busy={busy}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form id="sbk-edit-form" className="sbk-form" onSubmit={(e) => void submit(e)} noValidate>
        <SourceFields value={meta} onChange={setMeta} errors={errors} />
        {source && source.kind !== 'text' && (
          <div className="sb-field">
            <label htmlFor={fileId} className="sb-field__label">
              {t('form.replaceLabel')}
            </label>
            <input id={fileId} type="file" className="sbk-file" accept={KNOWLEDGE_FILE_ACCEPT} aria-describedby={`${fileId}-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <span id={`${fileId}-hint`} className="sb-field__hint">
              {t('form.replaceHint', { name: source.fileName ?? '' })}
            </span>
          </div>
        )}
        {failure && <Alert>{failure}</Alert>}
      </form>
    </Dialog>
  );
}
