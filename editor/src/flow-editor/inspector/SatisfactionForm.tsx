import { useTranslation } from 'react-i18next';
import { feedbackTexts, type SatisfactionNode } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import { Field } from './Field';
import { VariableTextField } from './VariableTextField';
import { optionalText, usePatchNodeData } from './useNodeData';

export function SatisfactionForm({ node }: { node: SatisfactionNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'satisfaction'>(node.id);
  const d = node.data;
  // The wording the bot says when the field is empty, in the flow's language (not the editor's).
  const locale = useEditorStore((s) => s.meta.locale);
  return (
    <>
      <Field label={t('satisfaction.text')} help={t('satisfaction.textHelp')}>
        {(p) => <VariableTextField {...p} multiline rows={2} value={d.text} maxLength={5000} onChange={(text) => patch({ text })} />}
      </Field>
      <label className="sb-check">
        <input type="checkbox" checked={d.askComment === true} onChange={(e) => patch({ askComment: e.target.checked ? true : undefined })} />
        {t('satisfaction.askComment')}
      </label>
      {d.askComment && (
        <Field label={t('satisfaction.commentText')} help={t('satisfaction.commentTextHelp')}>
          {(p) => (
            <VariableTextField
              {...p}
              multiline
              rows={2}
              value={d.commentText ?? ''}
              placeholder={feedbackTexts(locale).comment}
              maxLength={2000}
              onChange={(v) => patch({ commentText: optionalText(v) })}
            />
          )}
        </Field>
      )}
      <p className="sb-field__hint">{t('satisfaction.storedHelp')}</p>
    </>
  );
}
