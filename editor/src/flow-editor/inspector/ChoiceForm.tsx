import { useTranslation } from 'react-i18next';
import type { ChoiceNode } from '@switchboard/runtime';
import { Field } from './Field';
import { OptionsEditor } from './OptionsEditor';
import { VariablePicker } from './VariablePicker';
import { VariableTextField } from './VariableTextField';
import { removeHandleEdges } from './removeHandleEdges';
import { usePatchNodeData } from './useNodeData';
import { NotUnderstoodLink } from './NotUnderstoodLink';

export function ChoiceForm({ node }: { node: ChoiceNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'choice'>(node.id);
  const d = node.data;
  return (
    <>
      <Field label={t('choice.text')} help={t('choice.textHelp')}>
        {(p) => <VariableTextField {...p} multiline value={d.text} maxLength={5000} onChange={(v) => patch({ text: v })} />}
      </Field>
      <OptionsEditor
        options={d.options}
        onChange={(options) => patch({ options })}
        onRemoved={(option) => removeHandleEdges(node.id, option.id)}
      />
      <VariablePicker
        label={t('choice.variable')}
        help={t('choice.variableHelp')}
        optional
        value={d.variable}
        createType="string"
        onChange={(v) => patch({ variable: v })}
      />
      <NotUnderstoodLink nodeId={node.id} />
    </>
  );
}
