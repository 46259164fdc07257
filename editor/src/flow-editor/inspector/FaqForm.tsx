import { useTranslation } from 'react-i18next';
import { feedbackTexts, type FaqItem, type FaqNode } from '@switchboard/runtime';
import { uniqueId } from '../model/ids';
import { useEditorStore } from '../store';
import { FaqCsvImport } from './FaqCsvImport';
import { FaqItemsEditor, MAX_FAQ_ITEMS } from './FaqItemsEditor';
import { Field } from './Field';
import { ThresholdField } from './ThresholdField';
import { calibratedOf, useNodeModel } from './useNodeModel';
import { VariableTextField } from './VariableTextField';
import { optionalText, usePatchNodeData } from './useNodeData';
import { NotUnderstoodLink } from './NotUnderstoodLink';

/** The node's items as they are now, so an import right after an edit never drops that edit. */
function currentItems(nodeId: string): FaqItem[] {
  const n = useEditorStore.getState().nodeById.get(nodeId);
  return n?.type === 'faq' ? n.data.items : [];
}

function newItem(items: readonly FaqItem[], question = '', answer = ''): FaqItem {
  return { id: uniqueId('faq', (c) => items.some((it) => it.id === c)), question, answer };
}

export function FaqForm({ node }: { node: FaqNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'faq'>(node.id);
  const d = node.data;
  // The wording the bot says when the field is empty, in the flow's language (not the editor's).
  const locale = useEditorStore((s) => s.meta.locale);
  const checked = useNodeModel(node);
  return (
    <>
      <Field label={t('faq.text')} help={t('faq.textHelp')}>
        {(p) => <VariableTextField {...p} multiline rows={2} value={d.text ?? ''} maxLength={5000} onChange={(v) => patch({ text: optionalText(v) })} />}
      </Field>
      <FaqItemsEditor items={d.items} onChange={(items) => patch({ items })} onAdd={() => patch({ items: [...d.items, newItem(d.items)] })} />
      <FaqCsvImport
        room={MAX_FAQ_ITEMS - d.items.length}
        onImport={(rows) => {
          const items = [...currentItems(node.id)];
          for (const r of rows) items.push(newItem(items, r.question, r.answer));
          patch({ items });
        }}
      />
      <ThresholdField value={d.threshold} calibrated={checked ? calibratedOf(checked.model) : null} onChange={(threshold) => patch({ threshold })} />
      <fieldset className="sb-insp-group">
        <legend className="sb-insp-group__title">{t('faq.feedback')}</legend>
        <label className="sb-check">
          <input type="checkbox" checked={d.askHelpful === true} onChange={(e) => patch({ askHelpful: e.target.checked ? true : undefined })} />
          {t('faq.askHelpful')}
        </label>
        {d.askHelpful && (
          <Field label={t('faq.helpfulText')} help={t('faq.helpfulTextHelp')}>
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
      <NotUnderstoodLink nodeId={node.id} />
    </>
  );
}
