import { useTranslation } from 'react-i18next';
import { DEFAULT_MAX_PASSAGES, feedbackTexts, type KnowledgeAnswerNode } from '@switchboard/runtime';
import { TextField } from '../../ui/TextField';
import { useEditorStore } from '../store';
import { Field } from './Field';
import { KnowledgeSourcePicker } from './KnowledgeSourcePicker';
import { VariablePicker } from './VariablePicker';
import { VariableTextField } from './VariableTextField';
import { optionalInt, optionalText, usePatchNodeData } from './useNodeData';

export function KnowledgeAnswerForm({ node }: { node: KnowledgeAnswerNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'knowledgeAnswer'>(node.id);
  const d = node.data;
  // The wording the bot says when the field is empty, in the flow's language (not the editor's).
  const locale = useEditorStore((s) => s.meta.locale);
  const fromText = d.question !== undefined;
  return (
    <>
      <fieldset className="sb-insp-group">
        <legend className="sb-insp-group__title">{t('knowledge.questionFrom')}</legend>
        <label className="sb-check">
          <input type="radio" name={`kq-${node.id}`} checked={!fromText} onChange={() => patch({ question: undefined })} />
          {t('knowledge.fromCustomer')}
        </label>
        <label className="sb-check">
          <input type="radio" name={`kq-${node.id}`} checked={fromText} onChange={() => patch({ question: d.question ?? '' })} />
          {t('knowledge.fromText')}
        </label>
        {fromText ? (
          <Field label={t('knowledge.question')} help={t('knowledge.questionHelp', { example: '{{question}}' })}>
            {(p) => <VariableTextField {...p} value={d.question ?? ''} maxLength={2000} placeholder="{{question}}" onChange={(v) => patch({ question: v })} />}
          </Field>
        ) : (
          <Field label={t('knowledge.text')} help={t('knowledge.textHelp')}>
            {(p) => <VariableTextField {...p} multiline rows={2} value={d.text ?? ''} maxLength={5000} onChange={(v) => patch({ text: optionalText(v) })} />}
          </Field>
        )}
      </fieldset>
      <Field label={t('knowledge.tone')} help={t('knowledge.toneHelp')}>
        {(p) => (
          <textarea
            {...p}
            className="sb-input"
            rows={2}
            maxLength={500}
            value={d.tone ?? ''}
            placeholder={t('knowledge.tonePlaceholder')}
            onChange={(e) => patch({ tone: optionalText(e.target.value) })}
          />
        )}
      </Field>
      <KnowledgeSourcePicker nodeId={node.id} value={d.sourceIds} onChange={(sourceIds) => patch({ sourceIds })} />
      <TextField
        label={t('knowledge.maxPassages')}
        hint={t('knowledge.maxPassagesHelp', { value: DEFAULT_MAX_PASSAGES })}
        type="number"
        min={1}
        max={10}
        value={d.maxPassages ?? ''}
        placeholder={String(DEFAULT_MAX_PASSAGES)}
        onChange={(e) => {
          const n = optionalInt(e.target.value);
          patch({ maxPassages: n === undefined ? undefined : Math.max(1, Math.min(10, n)) });
        }}
      />
      <TextField
        label={t('knowledge.provider')}
        hint={t('knowledge.providerHelp')}
        value={d.providerId ?? ''}
        maxLength={16}
        onChange={(e) => patch({ providerId: optionalText(e.target.value.toLowerCase()) })}
      />
      <VariablePicker
        label={t('knowledge.answerVariable')}
        help={t('knowledge.answerVariableHelp')}
        optional
        value={d.answerVariable}
        createType="string"
        onChange={(v) => patch({ answerVariable: v })}
      />
      <fieldset className="sb-insp-group">
        <legend className="sb-insp-group__title">{t('faq.feedback')}</legend>
        <label className="sb-check">
          <input type="checkbox" checked={d.askHelpful === true} onChange={(e) => patch({ askHelpful: e.target.checked ? true : undefined })} />
          {t('faq.askHelpful')}
        </label>
        {d.askHelpful && (
          <Field label={t('faq.helpfulText')} help={t('knowledge.helpfulTextHelp')}>
            {(p) => (
              <VariableTextField
                {...p}
                value={d.helpfulText ?? ''}
                placeholder={feedbackTexts(locale).helpful}
                maxLength={500}
                onChange={(v) => patch({ helpfulText: optionalText(v) })}
              />
            )}
          </Field>
        )}
      </fieldset>
      <p className="sb-field__hint">{t('knowledge.outputsHelp')}</p>
    </>
  );
}
