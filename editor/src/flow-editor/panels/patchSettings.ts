import type { FlowSettings } from '@switchboard/runtime';
import { useEditorStore } from '../store';

/** Changes some flow settings, keeping the rest, as one undo step. */
export function patchSettings(patch: Partial<FlowSettings>) {
  const s = useEditorStore.getState();
  s.updateMeta({ settings: { ...s.meta.settings, ...patch } });
}
