import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type KnowledgeSource } from '../api';
import { Alert, Button, Dialog } from '../ui';
import { SourceFields, type SourceMeta } from './SourceFields';
import { isWebAddress, knowledgeErrorMessage } from './knowledgeErrors';

/** Changes a source's title and public link. */
export function EditSourceDialog({ source, onClose, onSaved }: { source: KnowledgeSource | null; onClose: () => void; onSaved: (source: KnowledgeSource) => void }) {
  const { t } = useTranslation('knowledge');
  const [meta, setMeta] = useState<SourceMeta>({ title: '', url: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof SourceMeta, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (source) setMeta({ title: source.title, url: source.url ?? '' });
    setErrors({});
    setFailure(null);
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
        {failure && <Alert>{failure}</Alert>}
      </form>
    </Dialog>
  );
}
