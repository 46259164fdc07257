import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { originError } from './settingsParsers';

/** Sites allowed to embed the chat widget. Invalid entries stay on screen, unsaved, until fixed. */
export function AllowedOrigins({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation('panels');
  const [draft, setDraft] = useState('');
  // Shown both in flow settings and in the publish dialog at once, so ids must not collide.
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const draftError = draft === '' ? null : originError(draft) ?? (value.includes(draft.replace(/\/$/, '')) ? 'settings.errors.originDuplicate' : null);

  function add() {
    if (draft === '' || draftError) return;
    onChange([...value, draft.replace(/\/$/, '')]);
    setDraft('');
  }

  return (
    <fieldset className="sb-settings__group">
      <legend className="sb-settings__title">{t('settings.origins')}</legend>
      <p className="sb-field__hint">{t('settings.originsHelp')}</p>
      <ul className="sb-origins">
        {value.map((o, i) => (
          <li key={o}>
            <code>{o}</code>
            <IconButton tone="danger" aria-label={t('settings.removeOrigin', { origin: o })} icon={<Trash2 size={14} />} onClick={() => onChange(value.filter((_, j) => j !== i))} />
          </li>
        ))}
      </ul>
      <div className="sb-origins__add">
        <label htmlFor={inputId} className="sb-visually-hidden">
          {t('settings.newOrigin')}
        </label>
        <input
          id={inputId}
          className="sb-input"
          placeholder="https://shop.example.com"
          value={draft}
          aria-invalid={draftError ? true : undefined}
          aria-describedby={draftError ? errorId : undefined}
          onChange={(e) => setDraft(e.target.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button size="sm" variant="secondary" icon={<Plus size={14} aria-hidden />} disabled={draft === '' || draftError !== null} onClick={add}>
          {t('settings.addOrigin')}
        </Button>
      </div>
      {draftError && (
        <span id={errorId} className="sb-field__error" role="alert">
          {t(draftError)}
        </span>
      )}
    </fieldset>
  );
}
