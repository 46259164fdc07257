import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Send, StickyNote } from 'lucide-react';
import type { CannedReply } from '../../api';
import { Button, cx } from '../../ui';
import { useTypingSignal } from './useTypingSignal';

export interface ComposerProps {
  /** Replies go to the customer only while this agent holds the conversation; notes always work. */
  canReply: boolean;
  cannedReplies: CannedReply[];
  /** Resolve true once sent; on false the text stays for another try. */
  onReply: (text: string) => Promise<boolean>;
  onNote: (text: string) => Promise<boolean>;
  onTyping: (typing: boolean) => void;
}

export function Composer({ canReply, cannedReplies, onReply, onNote, onTyping }: ComposerProps) {
  const { t } = useTranslation('inbox');
  const [text, setText] = useState('');
  const [noteMode, setNoteMode] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const typing = useTypingSignal((on) => {
    if (!noteMode) onTyping(on);
  });
  const asNote = noteMode || !canReply;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    typing.stop();
    try {
      if (await (asNote ? onNote(value) : onReply(value))) setText('');
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form className={cx('sb-composer', asNote && 'sb-composer--note')} onSubmit={(e) => void submit(e)}>
      <div className="sb-composer__bar">
        <div role="group" aria-label={t('composeMode')} className="sb-segmented">
          <button type="button" aria-pressed={!asNote} disabled={!canReply} onClick={() => setNoteMode(false)}>
            {t('replyMode')}
          </button>
          <button type="button" aria-pressed={asNote} onClick={() => setNoteMode(true)}>
            <StickyNote size={14} aria-hidden /> {t('noteMode')}
          </button>
        </div>
        {cannedReplies.length > 0 && (
          <label className="sb-composer__canned">
            <span className="sb-visually-hidden">{t('cannedReplies')}</span>
            <select
              className="sb-select sb-select--sm"
              value=""
              onChange={(e) => {
                const reply = cannedReplies.find((r) => r.id === e.target.value);
                if (reply) setText((current) => (current.trim() ? `${current.trimEnd()} ${reply.text}` : reply.text));
              }}
            >
              <option value="">{t('insertCanned')}</option>
              {cannedReplies.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label htmlFor={id} className="sb-visually-hidden">
        {asNote ? t('noteLabel') : t('replyLabel')}
      </label>
      <div className="sb-composer__row">
        <textarea
          id={id}
          className="sb-input sb-composer__input"
          rows={2}
          maxLength={2000}
          value={text}
          placeholder={asNote ? t('notePlaceholder') : t('replyPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            typing.keystroke();
          }}
          onBlur={typing.stop}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" variant="primary" busy={busy} disabled={!text.trim()} icon={asNote ? <StickyNote size={16} aria-hidden /> : <Send size={16} aria-hidden />}>
          {asNote ? t('addNote') : t('send')}
        </Button>
      </div>
      {asNote && <p className="sb-composer__hint">{t('noteHint')}</p>}
    </form>
  );
}
