import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_THRESHOLD } from '@switchboard/runtime';

const percent = (v: number) => `${Math.round(v * 100)}%`;

export interface ThresholdFieldProps {
  /** Undefined: calibrated on the phrases when the flow is saved. */
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

/**
 * How sure the bot must be before it acts on a match. Automatic is the default because the
 * calibrated cut fits each node's own phrases; staff override it when they see too many wrong
 * answers (raise) or too many "didn't understand" (lower).
 */
export function ThresholdField({ value, onChange }: ThresholdFieldProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const automatic = value === undefined;
  return (
    <fieldset className="sb-insp-group sb-threshold">
      <legend className="sb-insp-group__title">{t('threshold.title')}</legend>
      <label className="sb-check">
        <input type="checkbox" checked={automatic} onChange={(e) => onChange(e.target.checked ? undefined : DEFAULT_THRESHOLD)} />
        {t('threshold.automatic')}
      </label>
      {!automatic && (
        <div className="sb-threshold__row">
          <label htmlFor={id} className="sb-visually-hidden">
            {t('threshold.slider')}
          </label>
          <input
            id={id}
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={value}
            aria-valuetext={percent(value)}
            aria-describedby={`${id}-help`}
            onChange={(e) => onChange(Number(e.target.value))}
          />
          <output htmlFor={id} className="sb-threshold__value">
            {percent(value)}
          </output>
        </div>
      )}
      <span id={`${id}-help`} className="sb-field__hint">
        {automatic ? t('threshold.automaticHelp', { value: percent(DEFAULT_THRESHOLD) }) : t('threshold.manualHelp', { value: percent(DEFAULT_THRESHOLD) })}
      </span>
    </fieldset>
  );
}
