import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { conditionOpSchema, withoutPlaceholders, type ConditionOp, type ConditionRule } from '@switchboard/runtime';
import { IconButton } from '../../ui/IconButton';
import { regexError } from './validation';

const NUMERIC_OPS: readonly ConditionOp[] = ['gt', 'gte', 'lt', 'lte'];
const VALUELESS_OPS: readonly ConditionOp[] = ['isSet', 'isEmpty'];

export function opTakesValue(op: ConditionOp): boolean {
  return !VALUELESS_OPS.includes(op);
}

/** Numbers compare as numbers; anything else (including `{{other}}`) stays text. */
export function ruleValueFromInput(op: ConditionOp, text: string): ConditionRule['value'] {
  if (NUMERIC_OPS.includes(op) && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

export function withOp(rule: ConditionRule, op: ConditionOp): ConditionRule {
  if (!opTakesValue(op)) return { variable: rule.variable, op };
  const text = rule.value === undefined ? '' : String(rule.value);
  return { variable: rule.variable, op, value: ruleValueFromInput(op, text) };
}

export interface RuleBuilderProps {
  rule: ConditionRule;
  index: number;
  variables: readonly string[];
  onChange: (rule: ConditionRule) => void;
  onRemove: () => void;
}

/** One "variable · operator · value" row of a condition branch. */
export function RuleBuilder({ rule, index, variables, onChange, onRemove }: RuleBuilderProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const names = variables.includes(rule.variable) || rule.variable === '' ? variables : [rule.variable, ...variables];
  const valueText = rule.value === undefined ? '' : String(rule.value);
  // `{{variables}}` are filled in as plain text when the bot runs, so they cannot break the pattern.
  const error = rule.op === 'matches' ? regexError(withoutPlaceholders(valueText)) : null;
  return (
    <div className={opTakesValue(rule.op) ? 'sb-rule' : 'sb-rule sb-rule--novalue'} role="group" aria-label={t('condition.ruleN', { n: index + 1 })}>
      <label htmlFor={`${id}-var`} className="sb-visually-hidden">
        {t('condition.ruleVariable')}
      </label>
      <select id={`${id}-var`} className="sb-select" value={rule.variable} onChange={(e) => onChange({ ...rule, variable: e.target.value })}>
        {rule.variable === '' && <option value="">{t('variablePicker.choose')}</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-op`} className="sb-visually-hidden">
        {t('condition.ruleOperator')}
      </label>
      <select id={`${id}-op`} className="sb-select" value={rule.op} onChange={(e) => onChange(withOp(rule, conditionOpSchema.parse(e.target.value)))}>
        {conditionOpSchema.options.map((op) => (
          <option key={op} value={op}>
            {t(`ops.${op}`)}
          </option>
        ))}
      </select>
      {opTakesValue(rule.op) && (
        <>
          <label htmlFor={`${id}-value`} className="sb-visually-hidden">
            {t('condition.ruleValue')}
          </label>
          <input
            id={`${id}-value`}
            className="sb-input"
            value={valueText}
            maxLength={1000}
            inputMode={NUMERIC_OPS.includes(rule.op) ? 'decimal' : undefined}
            placeholder={rule.op === 'matches' ? t('condition.regexPlaceholder') : t('condition.valuePlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => onChange({ ...rule, value: ruleValueFromInput(rule.op, e.target.value) })}
          />
        </>
      )}
      <IconButton tone="danger" aria-label={t('condition.removeRule', { n: index + 1 })} icon={<Trash2 size={16} />} onClick={onRemove} />
      {error && (
        <span id={`${id}-error`} className="sb-field__error sb-rule__error" role="alert">
          {t(error.key, error.values)}
        </span>
      )}
    </div>
  );
}
