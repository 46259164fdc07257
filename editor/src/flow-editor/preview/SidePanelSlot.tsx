import { HistoryPanel } from '../history/HistoryPanel';
import { EdgeMarksStyle } from './EdgeMarksStyle';
import { FollowCurrentNode } from './FollowCurrentNode';
import { PreviewPanel } from './PreviewPanel';
import { usePreviewStore } from './previewStore';

/** The right-hand slot beside the canvas: the preview chat or the version history. */
export function SidePanelSlot() {
  const panel = usePreviewStore((s) => s.panel);
  const readOnly = usePreviewStore((s) => s.view !== null);
  return (
    <>
      <EdgeMarksStyle />
      <FollowCurrentNode />
      {panel === 'preview' && !readOnly && <PreviewPanel />}
      {panel === 'history' && <HistoryPanel />}
    </>
  );
}
