import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { variableTypeSchema, type VariableType } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { useEditorStore } from '../store';
import { knownVariableNames } from '../model/variableUsage';
import { variableNameError } from '../inspector/validation';
import { VariableRow } from './VariableRow';
import './panels.css';

/** Declared variables, each editable in place, plus the ones steps capture without a declaration. */
export function VariablesPanel() {
  const { t } = useTranslation('panels');
  const variables = useEditorStore((s) => s.meta.variables);
  const undeclared = useEditorStore(
    useShallow((s) => knownVariableNames(s.meta.variables, s.nodes).slice(s.meta.variables.length)),
  );
  const [name, setName] = useState('');
  const [type, setType] = useState<VariableType>('string');
  const taken = [...variables.map((v) => v.name), ...undeclared];
  const error = name === '' ? null : variableNameError(name, taken);

  function add() {
    if (name === '' || variableNameError(name, taken)) return;
    const s = useEditorStore.getState();
    s.updateMeta({ variables: [...s.meta.variables, { name, type }] });
    setName('');
  }

  function declare(n: string) {
    const s = useEditorStore.getState();
    s.updateMeta({ variables: [...s.meta.variables, { name: n, type: 'string' }] });
  }

  return (
    <div className="sb-panel">
      <p className="sb-field__hint">{t('variables.help', { example: '{{name}}' })}</p>
      {variables.length === 0 ? (
        <p className="sb-panel__empty">{t('variables.empty')}</p>
      ) : (
        <table className="sb-vars">
          <thead>
            <tr>
              <th scope="col">{t('variables.name')}</th>
              <th scope="col">{t('variables.type')}</th>
              <th scope="col">{t('variables.default')}</th>
              <th scope="col">{t('variables.description')}</th>
              <th scope="col">
                <span className="sb-visually-hidden">{t('variables.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {variables.map((v, i) => (
              <VariableRow key={`${i}-${v.name}`} index={i} variable={v} />
            ))}
          </tbody>
        </table>
      )}
      {undeclared.length > 0 && (
        <div className="sb-vars-undeclared">
          <span className="sb-field__hint">{t('variables.undeclared')}</span>
          {undeclared.map((n) => (
            <Button key={n} size="sm" variant="ghost" icon={<Plus size={14} aria-hidden />} onClick={() => declare(n)} aria-label={t('variables.declare', { name: n })}>
              <code>{n}</code>
            </Button>
          ))}
        </div>
      )}
      <form
        className="sb-vars-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="sb-field">
          <label htmlFor="sb-new-var" className="sb-field__label">
            {t('variables.newName')}
          </label>
          <input
            id="sb-new-var"
            className="sb-input"
            value={name}
            placeholder="order_number"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'sb-new-var-error' : undefined}
            onChange={(e) => setName(e.target.value.trim())}
          />
        </div>
        <div className="sb-field">
          <label htmlFor="sb-new-var-type" className="sb-field__label">
            {t('variables.type')}
          </label>
          <select id="sb-new-var-type" className="sb-select" value={type} onChange={(e) => setType(variableTypeSchema.parse(e.target.value))}>
            {variableTypeSchema.options.map((ty) => (
              <option key={ty} value={ty}>
                {t(`variables.types.${ty}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" icon={<Plus size={16} aria-hidden />} disabled={name === '' || error !== null}>
          {t('variables.add')}
        </Button>
        {error && (
          <span id="sb-new-var-error" className="sb-field__error sb-vars-add__error" role="alert">
            {t(`inspector:${error.key}`, error.values)}
          </span>
        )}
      </form>
    </div>
  );
}
