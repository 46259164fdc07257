import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlobalIntent, GlobalIntents } from '@switchboard/runtime';
import { IntentsEditor } from '../inspector/IntentsEditor';
import { useJumpTargets } from '../inspector/JumpForm';
import { findPhraseClashes } from '../inspector/phrases';
import { ThresholdField } from '../inspector/ThresholdField';

const MAX_GLOBAL_INTENTS = 50;
// No node has an empty id, so every node is a possible target.
const NO_SELF = '';

/**
 * Flow-wide intents such as "talk to a human" or "start over": they interrupt any question and
 * continue at the chosen step, using the same classifier and phrase editor as the intent step.
 */
export function GlobalIntentsSection({ value, onChange }: { value: GlobalIntents; onChange: (next: GlobalIntents) => void }) {
  const { t } = useTranslation('panels');
  const clashes = useMemo(() => findPhraseClashes(value.intents), [value.intents]);
  const groupName = (id: string) => {
    const i = value.intents.findIndex((x) => x.id === id);
    return value.intents[i]?.name || t('inspector:intent.intentN', { n: i + 1 });
  };
  return (
    <fieldset className="sb-settings__group">
      <legend className="sb-settings__title">{t('globalIntents.title')}</legend>
      <p className="sb-field__hint">{t('globalIntents.help')}</p>
      <IntentsEditor<GlobalIntent>
        intents={value.intents}
        onChange={(intents) => onChange({ ...value, intents })}
        create={(id) => ({ id, name: '', examples: [], action: 'jump', target: '' })}
        clashes={clashes}
        groupName={groupName}
        max={MAX_GLOBAL_INTENTS}
        renderExtra={(intent, update) => <TargetPicker target={intent.target} onChange={(target) => update({ target })} />}
      />
      {value.intents.length > 0 && (
        <ThresholdField
          value={value.threshold}
          onChange={(threshold) => {
            const { threshold: _old, ...rest } = value;
            onChange(threshold === undefined ? rest : { ...rest, threshold });
          }}
        />
      )}
    </fieldset>
  );
}

function TargetPicker({ target, onChange }: { target: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('panels');
  const id = useId();
  const targets = useJumpTargets(NO_SELF);
  const valid = targets.some(([nodeId]) => nodeId === target);
  return (
    <div className="sb-field">
      <label htmlFor={id} className="sb-field__label">
        {t('globalIntents.target')}
      </label>
      <select
        id={id}
        className="sb-select"
        value={valid ? target : ''}
        aria-invalid={valid ? undefined : true}
        aria-describedby={valid ? undefined : `${id}-error`}
        onChange={(e) => e.target.value && onChange(e.target.value)}
      >
        {!valid && <option value="">{t('globalIntents.chooseTarget')}</option>}
        {targets.map(([nodeId, kind, summary]) => (
          <option key={nodeId} value={nodeId}>
            {`${t(`inspector:kinds.${kind}`)}: ${summary || t('inspector:jump.untitled', { id: nodeId })}`}
          </option>
        ))}
      </select>
      {!valid && (
        <span id={`${id}-error`} className="sb-field__error">
          {t('globalIntents.targetMissing')}
        </span>
      )}
    </div>
  );
}
