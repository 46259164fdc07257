import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_THRESHOLD } from '@switchboard/runtime';

const percent = (v: number) => `${Math.round(v * 100)}%`;
const MIN = 0.05;
const MAX = 0.95;
const clamp = (v: number) => Math.min(MAX, Math.max(MIN, v));

export interface ThresholdFieldProps {
  /** Undefined: calibrated on the phrases when the flow is saved. */
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /**
   * The threshold the automatic setting gives now (from the model trained in the editor); null
   * while there is no model yet; left out where the form does not train one.
   */
  calibrated?: number | null;
}

/**
 * How sure the bot must be before it acts on a match, as a trade staff understand: asking the
 * customer again more often, or guessing more often. The slider runs from a high threshold
 * (left, asks again) to a low one (right, guesses). Automatic is the default because the
 * calibrated cut fits each step's own phrases; taking over starts from the value it gave.
 */
export function ThresholdField({ value, onChange, calibrated }: ThresholdFieldProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const automatic = value === undefined;
  const current = value ?? calibrated ?? DEFAULT_THRESHOLD;
  return (
    <fieldset className="sb-insp-group sb-threshold">
      <legend className="sb-insp-group__title">{t('threshold.title')}</legend>
      <label className="sb-check">
        <input type="checkbox" checked={automatic} onChange={(e) => onChange(e.target.checked ? undefined : clamp(Math.round(current * 20) / 20))} />
        {t('threshold.automatic')}
      </label>
      <div className="sb-threshold__row">
        <label htmlFor={id} className="sb-visually-hidden">
          {t('threshold.slider')}
        </label>
        <input
          id={id}
          type="range"
          min={MIN}
          max={MAX}
          step={0.05}
          // Reversed so that right means "guesses more often": position = 1 - threshold.
          value={1 - clamp(current)}
          disabled={automatic}
          aria-valuetext={t('threshold.valueText', { value: percent(current) })}
          aria-describedby={`${id}-help`}
          onChange={(e) => onChange(clamp(Math.round((1 - Number(e.target.value)) * 100) / 100))}
        />
      </div>
      <div className="sb-threshold__ends" aria-hidden>
        <span>{t('threshold.asksAgain')}</span>
        <span>{t('threshold.guesses')}</span>
      </div>
      {(!automatic || calibrated !== undefined) && (
        <output htmlFor={id} className="sb-threshold__now">
          {automatic
            ? calibrated != null
              ? t('threshold.calibratedNow', { value: percent(calibrated) })
              : t('threshold.calibratedPending')
            : t('threshold.manualNow', { value: percent(current) })}
        </output>
      )}
      <span id={`${id}-help`} className="sb-field__hint">
        {automatic ? t('threshold.automaticHelp', { value: percent(DEFAULT_THRESHOLD) }) : t('threshold.manualHelp', { value: percent(DEFAULT_THRESHOLD) })}
      </span>
    </fieldset>
  );
}
