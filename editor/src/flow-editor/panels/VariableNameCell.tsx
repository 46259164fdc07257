import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariableDefinition } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import { variableNameError } from '../inspector/validation';
import { SuggestedName } from '../inspector/SuggestedName';

/** The name of a declared variable: committed on blur or Enter, Escape restores it. */
export function VariableNameCell({ id, index, variable }: { id: string; index: number; variable: VariableDefinition }) {
  const { t } = useTranslation('panels');
  const [name, setName] = useState(variable.name);
  const others = useEditorStore.getState().meta.variables.filter((_, i) => i !== index).map((v) => v.name);
  const nameError = name === variable.name ? null : variableNameError(name, others);

  function commitName() {
    if (name === variable.name) return;
    if (variableNameError(name, others)) return;
    // Renaming rewrites every {{reference}} and capture in the flow, in one undo step.
    useEditorStore.getState().renameVariable(variable.name, name);
  }

  return (
    <td>
      <label htmlFor={`${id}-name`} className="sb-visually-hidden">
        {t('variables.nameOf', { name: variable.name })}
      </label>
      <input
        id={`${id}-name`}
        className="sb-input sb-input--mono"
        value={name}
        aria-invalid={nameError ? true : undefined}
        aria-describedby={nameError ? `${id}-name-error` : undefined}
        onChange={(e) => setName(e.target.value.trim())}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commitName();
          } else if (e.key === 'Escape') {
            setName(variable.name);
          }
        }}
      />
      {nameError && (
        <span id={`${id}-name-error`} className="sb-field__error" role="alert">
          {t(`inspector:${nameError.key}`, nameError.values)}
        </span>
      )}
      <SuggestedName error={nameError} onUse={setName} />
    </td>
  );
}
