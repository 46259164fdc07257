import { useTranslation } from 'react-i18next';
import type { VariableDefinition } from '@switchboard/runtime';
import { parseDefault } from './variableDefault';
import { clean, replaceVariable } from './variableEdits';

interface VariableDefaultCellProps {
  id: string;
  index: number;
  variable: VariableDefinition;
  /** Kept by the row: changing the type clears text the new type cannot read. */
  defaultText: string;
  onDefaultTextChange: (text: string) => void;
}

/** The default value, typed to the variable: yes/no as a select, a date picker, or text saved only when it parses. */
export function VariableDefaultCell({ id, index, variable, defaultText, onDefaultTextChange }: VariableDefaultCellProps) {
  const { t } = useTranslation('panels');
  const defaultError = parseDefault(variable.type, defaultText).error;
  return (
    <td>
      <label htmlFor={`${id}-default`} className="sb-visually-hidden">
        {t('variables.defaultOf', { name: variable.name })}
      </label>
      {variable.type === 'boolean' ? (
        <select
          id={`${id}-default`}
          className="sb-select"
          value={defaultText}
          onChange={(e) => {
            onDefaultTextChange(e.target.value);
            replaceVariable(index, clean({ ...variable, default: parseDefault('boolean', e.target.value).value }));
          }}
        >
          <option value="">{t('variables.noDefault')}</option>
          <option value="true">{t('variables.true')}</option>
          <option value="false">{t('variables.false')}</option>
        </select>
      ) : (
        <input
          id={`${id}-default`}
          className="sb-input"
          type={variable.type === 'date' ? 'date' : 'text'}
          inputMode={variable.type === 'number' ? 'decimal' : undefined}
          value={defaultText}
          placeholder={t('variables.noDefault')}
          aria-invalid={defaultError ? true : undefined}
          aria-describedby={defaultError ? `${id}-default-error` : undefined}
          onChange={(e) => {
            onDefaultTextChange(e.target.value);
            const parsed = parseDefault(variable.type, e.target.value);
            if (!parsed.error) replaceVariable(index, clean({ ...variable, default: parsed.value }));
          }}
        />
      )}
      {defaultError && (
        <span id={`${id}-default-error`} className="sb-field__error" role="alert">
          {t(defaultError)}
        </span>
      )}
    </td>
  );
}
