import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { variableTypeSchema, type VariableDefinition, type VariableType } from '@switchboard/runtime';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { useEditorStore } from '../store';
import { nodesUsingVariable } from '../model/variableUsage';
import { toFlowNode } from '../model/toFlow';
import { defaultToText, parseDefault } from './variableDefault';
import { clean, replaceVariable } from './variableEdits';
import { VariableDefaultCell } from './VariableDefaultCell';
import { VariableNameCell } from './VariableNameCell';

export function VariableRow({ index, variable }: { index: number; variable: VariableDefinition }) {
  const { t } = useTranslation('panels');
  const [defaultText, setDefaultText] = useState(defaultToText(variable.default));
  const [confirmUses, setConfirmUses] = useState<number | null>(null);
  const id = `var-${index}`;

  function changeType(type: VariableType) {
    const parsed = parseDefault(type, defaultText);
    replaceVariable(index, clean({ ...variable, type, default: parsed.error ? undefined : parsed.value }));
    if (parsed.error) setDefaultText('');
  }

  function remove() {
    const s = useEditorStore.getState();
    s.updateMeta({ variables: s.meta.variables.filter((_, i) => i !== index) });
    setConfirmUses(null);
  }

  function askRemove() {
    const uses = nodesUsingVariable(useEditorStore.getState().nodes.map(toFlowNode), variable.name).length;
    if (uses === 0) remove();
    else setConfirmUses(uses);
  }

  return (
    <>
      <tr>
        <VariableNameCell id={id} index={index} variable={variable} />
        <td>
          <label htmlFor={`${id}-type`} className="sb-visually-hidden">
            {t('variables.typeOf', { name: variable.name })}
          </label>
          <select id={`${id}-type`} className="sb-select" value={variable.type} onChange={(e) => changeType(variableTypeSchema.parse(e.target.value))}>
            {variableTypeSchema.options.map((ty) => (
              <option key={ty} value={ty}>
                {t(`variables.types.${ty}`)}
              </option>
            ))}
          </select>
        </td>
        <VariableDefaultCell id={id} index={index} variable={variable} defaultText={defaultText} onDefaultTextChange={setDefaultText} />
        <td>
          <label htmlFor={`${id}-desc`} className="sb-visually-hidden">
            {t('variables.descriptionOf', { name: variable.name })}
          </label>
          <input
            id={`${id}-desc`}
            className="sb-input"
            value={variable.description ?? ''}
            maxLength={500}
            placeholder={t('variables.descriptionPlaceholder')}
            onChange={(e) => replaceVariable(index, clean({ ...variable, description: e.target.value }))}
          />
        </td>
        <td>
          <IconButton tone="danger" aria-label={t('variables.delete', { name: variable.name })} icon={<Trash2 size={16} />} onClick={askRemove} />
        </td>
      </tr>
      {confirmUses !== null && (
        <tr>
          <td colSpan={5}>
            <div className="sb-alert sb-alert--warning sb-vars-confirm" role="alert">
              <span>{t('variables.usedWarning', { name: variable.name, count: confirmUses })}</span>
              <Button size="sm" variant="secondary" onClick={() => setConfirmUses(null)}>
                {t('variables.keep')}
              </Button>
              <Button size="sm" variant="danger" onClick={remove}>
                {t('variables.deleteAnyway')}
              </Button>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
