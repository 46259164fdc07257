import { useTranslation } from 'react-i18next';
import { DEFAULT_MODEL_TIME_BUDGET, MAX_MODEL_TIME_BUDGET, MIN_MODEL_TIME_BUDGET, type IntentData } from '@switchboard/runtime';
import { TextField } from '../../ui/TextField';
import { optionalInt } from './useNodeData';

type Value = Pick<IntentData, 'askModelWhenUnsure' | 'modelTimeBudget'>;

/** The intent step's tie-break by the organisation's language model: a switch and its time budget. */
export function AskModelWhenUnsure({ value, onChange }: { value: Value; onChange: (patch: Value) => void }) {
  const { t } = useTranslation('inspector');
  const on = value.askModelWhenUnsure === true;
  return (
    <fieldset className="sb-insp-group">
      <legend className="sb-insp-group__title">{t('intent.askModel')}</legend>
      <label className="sb-check">
        <input
          type="checkbox"
          checked={on}
          // Off removes both fields, so an unused budget never lingers in the document.
          onChange={(e) => onChange(e.target.checked ? { askModelWhenUnsure: true } : { askModelWhenUnsure: undefined, modelTimeBudget: undefined })}
        />
        {t('intent.askModelWhenUnsure')}
      </label>
      <p className="sb-field__hint">{t('intent.askModelHelp')}</p>
      {on && (
        <TextField
          label={t('intent.modelTimeBudget')}
          hint={t('intent.modelTimeBudgetHelp', { value: DEFAULT_MODEL_TIME_BUDGET, min: MIN_MODEL_TIME_BUDGET, max: MAX_MODEL_TIME_BUDGET })}
          type="number"
          min={MIN_MODEL_TIME_BUDGET}
          max={MAX_MODEL_TIME_BUDGET}
          value={value.modelTimeBudget ?? ''}
          placeholder={String(DEFAULT_MODEL_TIME_BUDGET)}
          onChange={(e) => {
            const n = optionalInt(e.target.value);
            onChange({ modelTimeBudget: n === undefined ? undefined : Math.max(MIN_MODEL_TIME_BUDGET, Math.min(MAX_MODEL_TIME_BUDGET, n)) });
          }}
        />
      )}
    </fieldset>
  );
}
