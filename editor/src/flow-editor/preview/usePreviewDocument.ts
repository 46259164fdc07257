import { useMemo } from 'react';
import type { FlowDocument } from '@switchboard/runtime';
import { useEditorStore } from '../store';

/**
 * The draft as it stands in the editor, unsaved edits included. Rebuilt only when the document
 * changes (every change bumps the counter; a load or save changes the flow id or revision),
 * never because a node was selected or the component re-rendered.
 */
export function usePreviewDocument(): FlowDocument {
  const counter = useEditorStore((s) => s.changeCounter);
  const flowId = useEditorStore((s) => s.flowId);
  const revision = useEditorStore((s) => s.revision);
  // The three values are the memo's triggers: toDocument reads the store, not them.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => useEditorStore.getState().toDocument(), [counter, flowId, revision]);
}
