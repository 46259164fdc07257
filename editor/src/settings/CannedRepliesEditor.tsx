import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import type { CannedReply } from '../api';
import { Button } from '../ui';
import { CannedReplyForm } from './CannedReplyForm';
import { LIMITS, newReplyId } from './settingsDraft';

export interface CannedRepliesEditorProps {
  replies: CannedReply[];
  onChange: (replies: CannedReply[]) => void;
}

type Editing = { kind: 'add' } | { kind: 'edit'; id: string } | null;

/** The list agents pick from in the inbox: add, edit in place, delete. Saved with the page. */
export function CannedRepliesEditor({ replies, onChange }: CannedRepliesEditorProps) {
  const { t } = useTranslation('settings');
  const [editing, setEditing] = useState<Editing>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  // Focus goes back to a control that still exists once a form closes.
  const finish = () => {
    setEditing(null);
    requestAnimationFrame(() => addRef.current?.focus());
  };

  return (
    <section className="sb-settings__card" aria-labelledby="sb-settings-canned">
      <h2 id="sb-settings-canned" className="sb-settings__heading">
        {t('canned.heading')}
      </h2>
      <p className="sb-muted">{t('canned.intro')}</p>
      {replies.length === 0 ? (
        <p className="sb-settings__empty">{t('canned.empty')}</p>
      ) : (
        <ul className="sb-settings__replies" aria-label={t('canned.heading')}>
          {replies.map((reply) =>
            editing?.kind === 'edit' && editing.id === reply.id ? (
              <li key={reply.id} className="sb-settings__reply">
                <CannedReplyForm
                  mode="edit"
                  initial={reply}
                  onCancel={finish}
                  onApply={(next) => {
                    onChange(replies.map((r) => (r.id === reply.id ? { ...r, ...next } : r)));
                    finish();
                  }}
                />
              </li>
            ) : (
              <li key={reply.id} className="sb-settings__reply">
                <div className="sb-settings__reply-body">
                  <span className="sb-settings__reply-title">{reply.title}</span>
                  <span className="sb-settings__reply-text">{reply.text}</span>
                </div>
                <div className="sb-settings__row-actions">
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={<Pencil size={14} aria-hidden />}
                    aria-label={t('canned.editLabel', { title: reply.title })}
                    onClick={() => setEditing({ kind: 'edit', id: reply.id })}
                  >
                    {t('canned.edit')}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={<Trash2 size={14} aria-hidden />}
                    aria-label={t('canned.deleteLabel', { title: reply.title })}
                    onClick={() => {
                      onChange(replies.filter((r) => r.id !== reply.id));
                      if (editing?.kind === 'edit' && editing.id === reply.id) setEditing(null);
                      addRef.current?.focus();
                    }}
                  >
                    {t('canned.delete')}
                  </Button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing?.kind === 'add' ? (
        <CannedReplyForm
          mode="add"
          initial={{ title: '', text: '' }}
          onCancel={finish}
          onApply={(next) => {
            onChange([...replies, { id: newReplyId(next.title, replies.map((r) => r.id)), ...next }]);
            finish();
          }}
        />
      ) : (
        <Button
          ref={addRef}
          icon={<Plus size={16} aria-hidden />}
          disabled={replies.length >= LIMITS.replies}
          onClick={() => setEditing({ kind: 'add' })}
        >
          {t('canned.add')}
        </Button>
      )}
    </section>
  );
}
