import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';

/**
 * Other words a customer may type for an option. Enter or a comma adds the typed word; each
 * chip has its own remove button so the list works without a mouse.
 */
export function SynonymChips({ optionLabel, synonyms, onChange }: { optionLabel: string; synonyms: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const [text, setText] = useState('');

  function add() {
    const words = text
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== '' && !synonyms.some((s) => s.toLowerCase() === w.toLowerCase()));
    const unique = [...new Set(words)];
    if (unique.length > 0) onChange([...synonyms, ...unique].slice(0, 50));
    setText('');
  }

  return (
    <div className="sb-chips">
      <label htmlFor={id} className="sb-visually-hidden">
        {t('choice.addSynonymFor', { label: optionLabel || '…' })}
      </label>
      <ul className="sb-chips__list" aria-label={t('choice.synonymsOf', { label: optionLabel || '…' })}>
        {synonyms.map((s) => (
          <li key={s} className="sb-chip">
            <span>{s}</span>
            <button
              type="button"
              className="sb-chip__remove"
              aria-label={t('choice.removeSynonym', { synonym: s })}
              onClick={() => onChange(synonyms.filter((x) => x !== s))}
            >
              <X size={12} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        className="sb-input sb-chips__input"
        value={text}
        maxLength={200}
        placeholder={t('choice.synonymPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && text === '' && synonyms.length > 0) {
            onChange(synonyms.slice(0, -1));
          }
        }}
        onBlur={() => text.trim() !== '' && add()}
      />
    </div>
  );
}
