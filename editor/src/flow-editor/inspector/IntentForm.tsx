import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntentNode } from '@switchboard/runtime';
import { Field } from './Field';
import { IntentsEditor } from './IntentsEditor';
import { ModelCheck } from './ModelCheck';
import { PhraseEditor } from './PhraseEditor';
import { findPhraseClashes } from './phrases';
import { removeHandleEdges } from './removeHandleEdges';
import { ThresholdField } from './ThresholdField';
import { VariablePicker } from './VariablePicker';
import { VariableTextField } from './VariableTextField';
import { optionalText, usePatchNodeData } from './useNodeData';
import { calibratedOf, useNodeModel } from './useNodeModel';
import { NotUnderstoodLink } from './NotUnderstoodLink';
import { AskModelWhenUnsure } from './AskModelWhenUnsure';

/** Not an intent id: ids come from `uniqueId`, which never yields a control character. */
const NONE_GROUP = '\u0000none';
const MAX_INTENTS = 100;
const NO_PHRASES: string[] = [];

export function IntentForm({ node }: { node: IntentNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'intent'>(node.id);
  const d = node.data;
  const none = d.noneExamples ?? NO_PHRASES;
  const clashes = useMemo(() => findPhraseClashes([...d.intents, { id: NONE_GROUP, examples: none }]), [d.intents, none]);
  const checked = useNodeModel(node, true);
  const groupName = (id: string) => {
    if (id === NONE_GROUP) return t('intent.none');
    const i = d.intents.findIndex((x) => x.id === id);
    return d.intents[i]?.name || t('intent.intentN', { n: i + 1 });
  };

  return (
    <>
      <Field label={t('intent.text')} help={t('intent.textHelp')}>
        {(p) => <VariableTextField {...p} multiline rows={2} value={d.text ?? ''} maxLength={5000} onChange={(v) => patch({ text: optionalText(v) })} />}
      </Field>
      <fieldset className="sb-insp-group">
        <legend className="sb-insp-group__title">{t('intent.intents')}</legend>
        <p className="sb-field__hint">{t('intent.intentsHelp')}</p>
        <IntentsEditor
          intents={d.intents}
          onChange={(intents) => patch({ intents })}
          create={(id) => ({ id, name: '', examples: [] })}
          onRemoved={(intent) => removeHandleEdges(node.id, intent.id)}
          clashes={clashes}
          groupName={groupName}
          max={MAX_INTENTS}
        />
      </fieldset>
      <fieldset className="sb-insp-group">
        <legend className="sb-insp-group__title">{t('intent.none')}</legend>
        <p className="sb-field__hint">{t('intent.noneHelp')}</p>
        <PhraseEditor
          owner={t('intent.none')}
          phrases={none}
          placeholder={t('intent.nonePlaceholder')}
          clashesWith={(key) => clashes.get(key)?.filter((id) => id !== NONE_GROUP).map(groupName)}
          onChange={(next) => patch({ noneExamples: next.length > 0 ? next : undefined })}
        />
      </fieldset>
      <ModelCheck checked={checked} nameOf={groupName} />
      <ThresholdField value={d.threshold} calibrated={checked ? calibratedOf(checked.model) : null} onChange={(threshold) => patch({ threshold })} />
      <AskModelWhenUnsure value={d} onChange={patch} />
      <VariablePicker
        label={t('intent.intentVariable')}
        help={t('intent.intentVariableHelp')}
        optional
        value={d.intentVariable}
        createType="string"
        onChange={(v) => patch({ intentVariable: v })}
      />
      <VariablePicker
        label={t('intent.confidenceVariable')}
        help={t('intent.confidenceVariableHelp')}
        optional
        value={d.confidenceVariable}
        createType="number"
        onChange={(v) => patch({ confidenceVariable: v })}
      />
      <NotUnderstoodLink nodeId={node.id} />
    </>
  );
}
