import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { handoffPrioritySchema, type HandoffNode } from '@switchboard/runtime';
import { Select } from '../../ui/Select';
import { useEditorStore } from '../store';
import { Field } from './Field';
import { VariableTextField } from './VariableTextField';
import { optionalText, usePatchNodeData } from './useNodeData';

/** Queues already used in this flow plus the default, so agents' queues are spelled one way. */
function useKnownQueues(): string[] {
  return useEditorStore(
    useShallow((s) => {
      const queues = new Set<string>([s.meta.settings.handoff.defaultQueue]);
      for (const n of s.nodes) if (n.type === 'handoff' && n.data.queue) queues.add(n.data.queue);
      return [...queues].sort();
    }),
  );
}

export function HandoffForm({ node }: { node: HandoffNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'handoff'>(node.id);
  const queues = useKnownQueues();
  const listId = useId();
  const d = node.data;
  return (
    <>
      <Field label={t('handoff.text')} help={t('handoff.textHelp')}>
        {(p) => <VariableTextField {...p} multiline value={d.text} maxLength={5000} onChange={(v) => patch({ text: v })} />}
      </Field>
      <Field label={t('handoff.queue')} help={t('handoff.queueHelp')} error={d.queue.trim() === '' ? { key: 'errors.queueEmpty' } : null}>
        {(p) => (
          <>
            <input {...p} className="sb-input" list={listId} value={d.queue} maxLength={100} onChange={(e) => patch({ queue: e.target.value })} />
            <datalist id={listId}>
              {queues.map((q) => (
                <option key={q} value={q} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Select
        label={t('handoff.priority')}
        hint={t('handoff.priorityHelp')}
        value={d.priority ?? 'normal'}
        options={handoffPrioritySchema.options.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
        onChange={(e) => {
          const priority = handoffPrioritySchema.parse(e.target.value);
          patch({ priority: priority === 'normal' ? undefined : priority });
        }}
      />
      <Field label={t('handoff.note')} help={t('handoff.noteHelp', { example: '{{order}}' })}>
        {(p) => <VariableTextField {...p} multiline rows={2} value={d.note ?? ''} maxLength={2000} onChange={(v) => patch({ note: optionalText(v) })} />}
      </Field>
    </>
  );
}
