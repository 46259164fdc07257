import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertTriangle, ClipboardPaste, X } from 'lucide-react';
import { normalize } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { appendPhrases, splitPastedPhrases } from './phrases';
import './phrases.css';

/** Long lists stay usable: the rest opens on demand. */
const COLLAPSED_COUNT = 25;

export interface PhraseEditorProps {
  /** Who the phrases belong to, for labels read by screen readers ("Refund", "None of these"). */
  owner: string;
  phrases: readonly string[];
  onChange: (next: string[]) => void;
  /** For a normalised phrase, the names of the other groups that also hold it. */
  clashesWith?: (normalizedPhrase: string) => string[] | undefined;
  placeholder?: string;
}

/**
 * Example phrases for one intent: type one and press Enter, or paste a whole column at once.
 * Phrases another intent also has are flagged where they are, since the classifier cannot
 * tell which of the two such a message means.
 */
export function PhraseEditor({ owner, phrases, onChange, clashesWith, placeholder }: PhraseEditorProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const [text, setText] = useState('');
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);

  function add(incoming: string[]) {
    const r = appendPhrases(phrases, incoming);
    if (r.added > 0) onChange(r.phrases);
    setStatus(r.duplicates > 0 || incoming.length > 1 ? t('phrases.added', { count: r.added, duplicates: r.duplicates }) : null);
    return r;
  }

  const clashOf = (p: string) => {
    const names = clashesWith?.(normalize(p));
    return names && names.length > 0 ? names : undefined;
  };
  const clashCount = clashesWith ? phrases.filter((p) => clashOf(p)).length : 0;
  const shown = expanded ? phrases : phrases.slice(0, COLLAPSED_COUNT);

  return (
    <div className="sb-phrases">
      {clashCount > 0 && (
        <p className="sb-phrases__warning" role="status">
          <AlertTriangle size={14} aria-hidden /> {t('phrases.clashSummary', { count: clashCount })}
        </p>
      )}
      {phrases.length > 0 && (
        <ul className="sb-phrases__list" aria-label={t('phrases.listOf', { owner })}>
          {shown.map((p) => {
            const others = clashOf(p);
            return (
              <li key={p} className={`sb-phrase${others ? ' sb-phrase--clash' : ''}`} data-testid="phrase">
                <span className="sb-phrase__text">{p}</span>
                {others && (
                  <span className="sb-phrase__clash">
                    <AlertTriangle size={12} aria-hidden /> {t('phrases.clashWith', { names: others.join(', ') })}
                  </span>
                )}
                <button
                  type="button"
                  className="sb-chip__remove"
                  aria-label={t('phrases.remove', { phrase: p })}
                  onClick={() => onChange(phrases.filter((x) => x !== p))}
                >
                  <X size={12} aria-hidden />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {phrases.length > COLLAPSED_COUNT && (
        <button type="button" className="sb-phrases__more" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('phrases.showFewer') : t('phrases.showAll', { count: phrases.length })}
        </button>
      )}
      <label htmlFor={`${id}-add`} className="sb-visually-hidden">
        {t('phrases.addFor', { owner })}
      </label>
      <input
        id={`${id}-add`}
        className="sb-input sb-phrases__input"
        value={text}
        maxLength={500}
        placeholder={placeholder ?? t('phrases.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // Enter must add the phrase, not submit the inspector form.
            e.preventDefault();
            if (text.trim() !== '') {
              add([text]);
              setText('');
            }
          }
        }}
      />
      {pasteOpen ? (
        <div className="sb-phrases__paste">
          <label htmlFor={`${id}-paste`} className="sb-field__label">
            {t('phrases.pasteLabel', { owner })}
          </label>
          <textarea id={`${id}-paste`} className="sb-input" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <div className="sb-insp-inline">
            <Button
              size="sm"
              variant="primary"
              disabled={splitPastedPhrases(pasted).length === 0}
              onClick={() => {
                add(splitPastedPhrases(pasted));
                setPasted('');
                setPasteOpen(false);
              }}
            >
              {t('phrases.pasteAdd', { count: splitPastedPhrases(pasted).length })}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setPasteOpen(false)}>
              {t('phrases.pasteCancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button size="sm" variant="ghost" icon={<ClipboardPaste size={14} aria-hidden />} onClick={() => setPasteOpen(true)}>
          {t('phrases.paste')}
        </Button>
      )}
      <span className="sb-field__hint" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
