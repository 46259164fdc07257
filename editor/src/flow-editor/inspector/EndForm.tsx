import { useTranslation } from 'react-i18next';
import type { EndNode } from '@switchboard/runtime';
import { Field } from './Field';
import { VariableTextField } from './VariableTextField';
import { optionalText, usePatchNodeData } from './useNodeData';

export function EndForm({ node }: { node: EndNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'end'>(node.id);
  return (
    <Field label={t('end.text')} help={t('end.textHelp')}>
      {(p) => (
        <VariableTextField {...p} multiline value={node.data.text ?? ''} maxLength={5000} onChange={(v) => patch({ text: optionalText(v) })} />
      )}
    </Field>
  );
}
