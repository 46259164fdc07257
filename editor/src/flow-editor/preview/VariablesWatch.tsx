import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariableDefinition, VariableValue } from '@switchboard/runtime';
import { formatVariableValue, parseVariableInput } from './variableInput';

interface VariablesWatchProps {
  definitions: readonly VariableDefinition[];
  values: Readonly<Record<string, VariableValue>>;
  onChange: (name: string, value: VariableValue) => void;
}

function VariableField({ def, value, onChange }: { def: VariableDefinition; value: VariableValue | undefined; onChange: VariablesWatchProps['onChange'] }) {
  const { t } = useTranslation('preview');
  const [draft, setDraft] = useState(formatVariableValue(value));
  const [invalid, setInvalid] = useState(false);
  // The conversation moved on: show what the bot now holds, dropping a half-typed edit.
  useEffect(() => {
    setDraft(formatVariableValue(value));
    setInvalid(false);
  }, [value]);
  const commit = () => {
    const parsed = parseVariableInput(def.type, draft);
    setInvalid(!parsed.ok);
    if (parsed.ok && parsed.value !== (value ?? null)) onChange(def.name, parsed.value);
  };
  if (def.type === 'boolean') {
    return (
      <select
        className="pv-input"
        aria-label={def.name}
        value={value === true ? 'true' : value === false ? 'false' : ''}
        onChange={(e) => onChange(def.name, e.target.value === '' ? null : e.target.value === 'true')}
      >
        <option value="">{t('variables.unset')}</option>
        <option value="true">{t('variables.true')}</option>
        <option value="false">{t('variables.false')}</option>
      </select>
    );
  }
  return (
    <input
      className="pv-input"
      aria-label={def.name}
      aria-invalid={invalid || undefined}
      title={invalid ? t(`variables.invalid.${def.type}`) : undefined}
      value={draft}
      placeholder={t('variables.unset')}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

/** Live values of the flow's variables; changing one changes what the bot knows from here on. */
export function VariablesWatch({ definitions, values, onChange }: VariablesWatchProps) {
  const { t } = useTranslation('preview');
  // Variables the flow sets without declaring them still show, after the declared ones.
  const declared = new Set(definitions.map((d) => d.name));
  const extra: VariableDefinition[] = Object.keys(values)
    .filter((name) => !declared.has(name))
    .map((name) => ({ name, type: 'string' }));
  const all = [...definitions, ...extra];
  return (
    <section className="pv-vars" aria-label={t('variables.title')}>
      <h3 className="pv-subtitle">{t('variables.title')}</h3>
      {all.length === 0 ? (
        <p className="pv-muted">{t('variables.none')}</p>
      ) : (
        <dl className="pv-vars__list">
          {all.map((def) => (
            <div key={def.name} className="pv-vars__row">
              <dt>{def.name}</dt>
              <dd>
                <VariableField def={def} value={values[def.name]} onChange={onChange} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
