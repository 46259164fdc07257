import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputKindSchema, defaultRetryText, DEFAULT_MAX_RETRIES, type QuestionNode } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { variableTypeForInput } from '../model/variableUsage';
import { Field } from './Field';
import { VariablePicker } from './VariablePicker';
import { VariableTextField } from './VariableTextField';
import { optionalInt, optionalText, usePatchNodeData } from './useNodeData';
import { lengthRangeError, regexError } from './validation';

/** Which plain-words rule describes a number question's options. */
function numberRuleKey(allowNegative: boolean | undefined, allowDecimals: boolean | undefined): string {
  const neg = allowNegative !== false;
  const dec = allowDecimals !== false;
  if (neg && dec) return 'number';
  if (neg) return 'numberWhole';
  return dec ? 'numberNotNegative' : 'numberWholeNotNegative';
}

const atLeast = (n: number | undefined, min: number) => (n === undefined ? undefined : Math.max(min, n));

export function QuestionForm({ node }: { node: QuestionNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'question'>(node.id);
  const d = node.data;
  const rangeError = lengthRangeError(d.minLength, d.maxLength);
  const patternError = regexError(d.pattern ?? '');
  const locale = useEditorStore((s) => s.meta.locale);
  // The answer check a custom retry text was written for, once the check changed under it: a
  // sentence asking for "a valid e-mail" would otherwise be sent to someone asked for a number.
  const [retryWrittenFor, setRetryWrittenFor] = useState<{ nodeId: string; kind: QuestionNode['data']['inputKind'] } | null>(null);
  const staleRetry = retryWrittenFor !== null && retryWrittenFor.nodeId === node.id && d.retryText !== undefined && retryWrittenFor.kind !== d.inputKind;
  return (
    <>
      <Field label={t('question.text')} help={t('question.textHelp')}>
        {(p) => <VariableTextField {...p} multiline value={d.text} maxLength={5000} onChange={(v) => patch({ text: v })} />}
      </Field>
      <VariablePicker
        label={t('question.variable')}
        help={t('question.variableHelp', { example: `{{${d.variable}}}` })}
        value={d.variable}
        createType={variableTypeForInput(d.inputKind)}
        onChange={(v) => v && patch({ variable: v })}
      />
      <Select
        label={t('question.inputKind')}
        hint={t('question.inputKindHelp')}
        value={d.inputKind}
        options={inputKindSchema.options.map((k) => ({ value: k, label: t(`inputKinds.${k}`) }))}
        onChange={(e) => {
          const next = inputKindSchema.parse(e.target.value);
          if (d.retryText !== undefined && !staleRetry) setRetryWrittenFor({ nodeId: node.id, kind: d.inputKind });
          patch({ inputKind: next });
        }}
      />
      <p className="sb-insp-note" data-testid="answer-check-rule">
        {t(`answerChecks.${d.inputKind === 'number' ? numberRuleKey(d.allowNegative, d.allowDecimals) : d.inputKind}`)}
      </p>
      {d.inputKind === 'number' && (
        <>
          <label className="sb-check">
            <input type="checkbox" checked={d.allowNegative !== false} onChange={(e) => patch({ allowNegative: e.target.checked ? undefined : false })} />
            {t('question.allowNegative')}
          </label>
          <label className="sb-check">
            <input type="checkbox" checked={d.allowDecimals !== false} onChange={(e) => patch({ allowDecimals: e.target.checked ? undefined : false })} />
            {t('question.allowDecimals')}
          </label>
        </>
      )}
      {/* Pattern and length rules apply to free text only; showing them for other checks would promise a check that never runs. */}
      {d.inputKind === 'text' && (
        <>
          <TextField
            label={t('question.pattern')}
            hint={t('question.patternHelp')}
            error={patternError ? t(patternError.key, patternError.values) : undefined}
            value={d.pattern ?? ''}
            placeholder="^[A-Z]{2}\d{6}$"
            spellCheck={false}
            className="sb-field--mono"
            maxLength={500}
            onChange={(e) => patch({ pattern: optionalText(e.target.value) })}
          />
          <div className="sb-insp-row">
            <TextField
              label={t('question.minLength')}
              type="number"
              min={0}
              value={d.minLength ?? ''}
              onChange={(e) => patch({ minLength: atLeast(optionalInt(e.target.value), 0) })}
            />
            <TextField
              label={t('question.maxLength')}
              type="number"
              min={1}
              value={d.maxLength ?? ''}
              error={rangeError ? t(rangeError.key) : undefined}
              onChange={(e) => patch({ maxLength: atLeast(optionalInt(e.target.value), 1) })}
            />
          </div>
        </>
      )}
      <Field label={t('question.retryText')} help={t('question.retryTextHelp')}>
        {(p) => (
          <VariableTextField
            {...p}
            multiline
            rows={2}
            value={d.retryText ?? ''}
            placeholder={defaultRetryText(d, locale)}
            maxLength={2000}
            onChange={(v) => {
              setRetryWrittenFor(null);
              patch({ retryText: optionalText(v) });
            }}
          />
        )}
      </Field>
      {staleRetry && (
        <div className="sb-insp-note sb-insp-note--warn" role="status" data-testid="stale-retry-text">
          <span>{t('question.retryTextStale', { check: t(`inputKinds.${retryWrittenFor.kind}`) })}</span>
          <button
            type="button"
            className="sb-button sb-button--secondary sb-button--sm"
            onClick={() => {
              setRetryWrittenFor(null);
              patch({ retryText: undefined });
            }}
          >
            {t('question.retryTextUseStandard')}
          </button>
        </div>
      )}
      <TextField
        label={t('question.maxRetries')}
        hint={t('question.maxRetriesHelp', { n: DEFAULT_MAX_RETRIES })}
        type="number"
        min={0}
        max={10}
        value={d.maxRetries ?? ''}
        placeholder={String(DEFAULT_MAX_RETRIES)}
        onChange={(e) => {
          const n = optionalInt(e.target.value);
          patch({ maxRetries: n === undefined ? undefined : Math.max(0, Math.min(10, n)) });
        }}
      />
      <TextField
        label={t('question.placeholder')}
        hint={t('question.placeholderHelp')}
        value={d.placeholder ?? ''}
        maxLength={200}
        onChange={(e) => patch({ placeholder: optionalText(e.target.value) })}
      />
    </>
  );
}
