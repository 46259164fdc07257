import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookOpen, Plus } from 'lucide-react';
import { api, type KnowledgeSource } from '../api';
import { LoadingState } from '../app/pages/PageState';
import { Alert, Button, Dialog, useToast } from '../ui';
import { AddSourceDialog } from './AddSourceDialog';
import { EditSourceDialog } from './EditSourceDialog';
import { KnowledgeSearch } from './KnowledgeSearch';
import { SourceTable } from './SourceTable';
import { knowledgeErrorMessage } from './knowledgeErrors';
import { useKnowledgeSources } from './useKnowledgeSources';
import './knowledge.css';

/** Knowledge sources (list, add, edit, delete) beside the search box that shows what a question retrieves. */
export default function KnowledgePage() {
  const { t } = useTranslation('knowledge');
  const toast = useToast();
  const { load, refresh, retry } = useKnowledgeSources();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<KnowledgeSource | null>(null);
  const [deleting, setDeleting] = useState<KnowledgeSource | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (!deleting) return;
    setBusy(true);
    try {
      await api.knowledge.remove(deleting.id);
      toast.show(t('deleted', { title: deleting.title }), 'success');
      setDeleting(null);
      await refresh();
    } catch (error) {
      toast.show(knowledgeErrorMessage(error, t), 'error');
    } finally {
      setBusy(false);
    }
  }

  const addButton = (
    <Button variant="primary" icon={<Plus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('add')}
    </Button>
  );

  return (
    <main className="sbk-page" aria-labelledby="sbk-title">
      <header className="sbk-header">
        <div>
          <h1 id="sbk-title">{t('title')}</h1>
          <p className="sbk-intro">{t('intro')}</p>
        </div>
        {load.status === 'ready' && load.sources.length > 0 && addButton}
      </header>
      <div className="sbk-grid">
        <section className="sbk-card" aria-labelledby="sbk-sources-title">
          <h2 id="sbk-sources-title" className="sbk-card__title">
            {t('sources')}
          </h2>
          {load.status === 'loading' && <LoadingState />}
          {load.status === 'error' && (
            <div className="sbk-state">
              <Alert>{`${t('loadFailed')} ${knowledgeErrorMessage(load.error, t)}`}</Alert>
              <Button onClick={retry}>{t('retry')}</Button>
            </div>
          )}
          {load.status === 'ready' && load.sources.length === 0 && (
            <div className="sbk-state sbk-empty">
              <BookOpen size={32} aria-hidden className="sbk-empty__icon" />
              <h3>{t('empty.title')}</h3>
              <p>{t('empty.body')}</p>
              {addButton}
            </div>
          )}
          {load.status === 'ready' && load.sources.length > 0 && <SourceTable sources={load.sources} onEdit={setEditing} onDelete={setDeleting} />}
        </section>
        <KnowledgeSearch />
      </div>

      <AddSourceDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(source) => {
          setAdding(false);
          toast.show(t('added', { title: source.title }), 'success');
          void refresh();
        }}
      />
      <EditSourceDialog
        source={editing}
        onClose={() => setEditing(null)}
        onSaved={(source) => {
          setEditing(null);
          toast.show(t('saved', { title: source.title }), 'success');
          void refresh();
        }}
      />
      <Dialog
        open={deleting !== null}
        role="alertdialog"
        onClose={() => !busy && setDeleting(null)}
        title={t('deleteTitle', { title: deleting?.title ?? '' })}
        footer={
          <>
            <Button onClick={() => setDeleting(null)} disabled={busy}>
              {t('cancel')}
            </Button>
            <Button variant="danger" busy={busy} onClick={() => void remove()}>
              {t('delete')}
            </Button>
          </>
        }
      >
        <p>{t('deleteBody')}</p>
      </Dialog>
    </main>
  );
}
