import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { variableTypeSchema, type VariableDefinition, type VariableType } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { useEditorStore } from '../store';
import { nodesUsingVariable } from '../model/variableUsage';
import { toFlowNode } from '../model/toFlow';
import { variableNameError } from '../inspector/validation';
import { defaultToText, parseDefault } from './variableDefault';

function replaceVariable(index: number, next: VariableDefinition) {
  const s = useEditorStore.getState();
  s.updateMeta({ variables: s.meta.variables.map((v, i) => (i === index ? next : v)) });
}

/** Drops keys set to undefined so the saved document has no empty optional fields. */
function clean(v: VariableDefinition): VariableDefinition {
  const out: VariableDefinition = { name: v.name, type: v.type };
  if (v.default !== undefined) out.default = v.default;
  if (v.description !== undefined && v.description !== '') out.description = v.description;
  return out;
}

export function VariableRow({ index, variable }: { index: number; variable: VariableDefinition }) {
  const { t } = useTranslation('panels');
  const [name, setName] = useState(variable.name);
  const [defaultText, setDefaultText] = useState(defaultToText(variable.default));
  const [confirmUses, setConfirmUses] = useState<number | null>(null);
  const others = useEditorStore.getState().meta.variables.filter((_, i) => i !== index).map((v) => v.name);
  const nameError = name === variable.name ? null : variableNameError(name, others);
  const defaultError = parseDefault(variable.type, defaultText).error;
  const id = `var-${index}`;

  function commitName() {
    if (name === variable.name) return;
    if (variableNameError(name, others)) return;
    // Renaming rewrites every {{reference}} and capture in the flow, in one undo step.
    useEditorStore.getState().renameVariable(variable.name, name);
  }

  function changeType(type: VariableType) {
    const parsed = parseDefault(type, defaultText);
    replaceVariable(index, clean({ ...variable, type, default: parsed.error ? undefined : parsed.value }));
    if (parsed.error) setDefaultText('');
  }

  function remove() {
    const s = useEditorStore.getState();
    s.updateMeta({ variables: s.meta.variables.filter((_, i) => i !== index) });
    setConfirmUses(null);
  }

  function askRemove() {
    const uses = nodesUsingVariable(useEditorStore.getState().nodes.map(toFlowNode), variable.name).length;
    if (uses === 0) remove();
    else setConfirmUses(uses);
  }

  return (
    <>
      <tr>
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
        </td>
        <td>
          <label htmlFor={`${id}-type`} className="sb-visually-hidden">
            {t('variables.typeOf', { name: variable.name })}
          </label>
          <select id={`${id}-type`} className="sb-select" value={variable.type} onChange={(e) => changeType(variableTypeSchema.parse(e.target.value))}>
            {variableTypeSchema.options.map((ty) => (
              <option key={ty} value={ty}>
                {t(`variables.types.${ty}`)}
              </option>
            ))}
          </select>
        </td>
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
                setDefaultText(e.target.value);
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
                setDefaultText(e.target.value);
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
        <td>
          <label htmlFor={`${id}-desc`} className="sb-visually-hidden">
            {t('variables.descriptionOf', { name: variable.name })}
          </label>
          <input
            id={`${id}-desc`}
            className="sb-input"
            value={variable.description ?? ''}
            maxLength={500}
            placeholder={t('variables.descriptionPlaceholder')}
            onChange={(e) => replaceVariable(index, clean({ ...variable, description: e.target.value }))}
          />
        </td>
        <td>
          <IconButton tone="danger" aria-label={t('variables.delete', { name: variable.name })} icon={<Trash2 size={16} />} onClick={askRemove} />
        </td>
      </tr>
      {confirmUses !== null && (
        <tr>
          <td colSpan={5}>
            <div className="sb-alert sb-alert--warning sb-vars-confirm" role="alert">
              <span>{t('variables.usedWarning', { name: variable.name, count: confirmUses })}</span>
              <Button size="sm" variant="secondary" onClick={() => setConfirmUses(null)}>
                {t('variables.keep')}
              </Button>
              <Button size="sm" variant="danger" onClick={remove}>
                {t('variables.deleteAnyway')}
              </Button>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
