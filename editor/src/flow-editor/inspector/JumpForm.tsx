import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { JumpNode } from '@switchboard/runtime';
import { useEditorStore } from '../store';
import { Field } from './Field';
import { nodeSummary } from '../kinds';
import { truncate } from '../model/truncate';
import { usePatchNodeData } from './useNodeData';

/** `id\u0000kind\u0000summary` strings, so `useShallow` can compare the list cheaply. */
export function useJumpTargets(selfId: string): [string, string, string][] {
  const flat = useEditorStore(
    useShallow((s) => s.nodes.filter((n) => n.id !== selfId && n.type !== 'jump').map((n) => `${n.id}\u0000${n.type}\u0000${truncate(nodeSummary(n))}`)),
  );
  return flat.map((f) => f.split('\u0000') as [string, string, string]);
}

export function JumpForm({ node }: { node: JumpNode }) {
  const { t } = useTranslation('inspector');
  const patch = usePatchNodeData<'jump'>(node.id);
  const targets = useJumpTargets(node.id);
  const valid = targets.some(([id]) => id === node.data.target);
  return (
    <Field label={t('jump.target')} help={t('jump.targetHelp')} error={valid ? null : { key: 'errors.jumpTarget' }}>
      {(p) => (
        <select {...p} className="sb-select" value={valid ? node.data.target : ''} onChange={(e) => e.target.value && patch({ target: e.target.value })}>
          {!valid && <option value="">{t('jump.choose')}</option>}
          {targets.map(([id, kind, summary]) => (
            <option key={id} value={id}>
              {`${t(`kinds.${kind}`)}: ${summary || t('jump.untitled', { id })}`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
