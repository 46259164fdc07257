import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, X } from 'lucide-react';
import type { VariableType } from '@switchboard/runtime';
import { IconButton } from '../../ui/IconButton';
import { useEditorStore } from '../store';
import { useKnownVariables } from './knownVariables';
import { variableNameError } from './validation';
import { SuggestedName } from './SuggestedName';

const CREATE = '\u0000create';
const NONE = '';

export interface VariablePickerProps {
  label: string;
  help?: string;
  value: string | undefined;
  onChange: (name: string | undefined) => void;
  /** The type a newly created variable is declared with. */
  createType: VariableType;
  /** Offers "none" (for optional targets like a choice's variable). */
  optional?: boolean;
}

/**
 * Picks a variable from the declared and captured ones, or creates a new one. Creating declares
 * it in the flow's variables so it shows up in the variables panel with a type.
 */
export function VariablePicker({ label, help, value, onChange, createType, optional }: VariablePickerProps) {
  const { t } = useTranslation('inspector');
  const known = useKnownVariables();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const names = value && !known.includes(value) ? [value, ...known] : known;
  const error = draft !== null && draft !== '' ? variableNameError(draft, names) : null;

  function create() {
    if (draft === null || variableNameError(draft, names)) return;
    const s = useEditorStore.getState();
    if (!s.meta.variables.some((v) => v.name === draft)) {
      s.updateMeta({ variables: [...s.meta.variables, { name: draft, type: createType }] });
    }
    onChange(draft);
    setDraft(null);
  }

  return (
    <div className="sb-field">
      <label htmlFor={id} className="sb-field__label">
        {label}
      </label>
      {draft === null ? (
        <select
          id={id}
          className="sb-select"
          value={value ?? NONE}
          aria-describedby={help ? `${id}-help` : undefined}
          onChange={(e) => {
            if (e.target.value === CREATE) setDraft('');
            else onChange(e.target.value === NONE ? undefined : e.target.value);
          }}
        >
          {(optional || value === undefined) && <option value={NONE}>{optional ? t('variablePicker.none') : t('variablePicker.choose')}</option>}
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          <option value={CREATE}>{t('variablePicker.create')}</option>
        </select>
      ) : (
        <div className="sb-insp-inline">
          <input
            id={id}
            className="sb-input"
            autoFocus
            value={draft}
            placeholder={t('variablePicker.newPlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setDraft(e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                create();
              } else if (e.key === 'Escape') {
                e.stopPropagation();
                setDraft(null);
              }
            }}
          />
          <IconButton aria-label={t('variablePicker.confirmCreate')} icon={<Check size={16} />} disabled={draft === '' || error !== null} onClick={create} />
          <IconButton aria-label={t('variablePicker.cancelCreate')} icon={<X size={16} />} onClick={() => setDraft(null)} />
        </div>
      )}
      {error && (
        <span id={`${id}-error`} className="sb-field__error" role="alert">
          {t(error.key, error.values)}
        </span>
      )}
      {draft !== null && <SuggestedName error={error} onUse={setDraft} />}
      {help && (
        <span id={`${id}-help`} className="sb-field__hint">
          {help}
        </span>
      )}
    </div>
  );
}
