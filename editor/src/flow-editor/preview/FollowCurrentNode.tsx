import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { usePreviewStore } from './previewStore';
import { panIntoView } from '../canvas/panIntoView';

/** Pans the canvas to the step the preview stands on when it is out of sight (see panIntoView). */
export function FollowCurrentNode() {
  const rf = useReactFlow();
  const current = usePreviewStore((s) => (s.panel === 'preview' && s.view === null ? s.currentNodeId : null));
  useEffect(() => {
    if (current !== null) panIntoView(rf, current);
  }, [current, rf]);
  return null;
}
