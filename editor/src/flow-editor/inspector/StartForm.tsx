import { useTranslation } from 'react-i18next';
import type { StartNode } from '@switchboard/runtime';
import { TextField } from '../../ui/TextField';
import { optionalText, usePatchNodeData } from './useNodeData';

export function StartForm({ node }: { node: StartNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'start'>(node.id);
  return (
    <TextField
      label={t('start.label')}
      hint={t('start.labelHelp')}
      value={node.data.label ?? ''}
      maxLength={200}
      onChange={(e) => patch({ label: optionalText(e.target.value) })}
    />
  );
}
