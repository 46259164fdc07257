import './marks.css';
import { nodeMarkClass } from './nodeMarks';
import { usePreviewStore } from './previewStore';

/** Classes for one node card from the preview store (current step, path, coverage, diff). */
export function useNodeMarks(nodeId: string): string {
  return usePreviewStore((s) => nodeMarkClass(s, nodeId));
}
