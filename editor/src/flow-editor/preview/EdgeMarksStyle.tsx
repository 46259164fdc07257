import { usePreviewStore } from './previewStore';
import { edgeMarksCss } from './edgeMarksCss';

export function EdgeMarksStyle() {
  const css = usePreviewStore(edgeMarksCss);
  return css ? <style data-testid="edge-marks">{css}</style> : null;
}
