import { useTranslation } from 'react-i18next';
import { Target } from 'lucide-react';
import type { FlowNode } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import { Field } from './Field';

/**
 * Marks any node as a goal. Shown under every kind's own form (the goal is a field all kinds
 * share), so no kind's form repeats it. An empty label means "not a goal": the schema refuses a
 * blank label, and one field is plainer for a manager than a checkbox plus a name.
 */
export function GoalField({ node }: { node: FlowNode }) {
  const { t } = useTranslation('inspector');
  const label = node.data.goal?.label ?? '';
  const setLabel = (value: string) => {
    const s = useEditorStore.getState();
    const current = s.nodeById.get(node.id);
    if (!current) return;
    const { goal: _old, ...rest } = current.data;
    s.updateNodeData(node.id, value.trim() === '' ? rest : { ...rest, goal: { label: value } });
  };
  return (
    <Field
      className="sb-goal-field"
      label={
        <>
          <Target size={14} aria-hidden /> {t('goal.label')}
        </>
      }
      help={t('goal.help')}
    >
      {(p) => (
        <input
          {...p}
          className="sb-input"
          value={label}
          maxLength={100}
          placeholder={t('goal.placeholder')}
          onChange={(e) => setLabel(e.target.value)}
        />
      )}
    </Field>
  );
}
