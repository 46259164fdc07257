import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store';
import { Link, analyticsPath, reviewPath } from '../../app/router';
import { useOverlayStore } from './overlayStore';

const attr = (id: string) => `"${id.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/**
 * While the overlay is on: draft edges drawn thicker by how many conversations followed them
 * (matched by source step and output, so a reconnected edge keeps its traffic), as one
 * stylesheet like the preview's path marks; and a banner saying whose data is shown.
 */
export function OverlayLayer() {
  const { t } = useTranslation('canvas');
  const state = useOverlayStore((s) => s.state);
  const edges = useEditorStore((s) => s.edges);
  // Another flow (or a version view) must not show this flow's traffic.
  useEffect(() => () => useOverlayStore.getState().setState({ status: 'off' }), []);
  if (state.status === 'off') return null;
  if (state.status !== 'on') {
    return (
      <div className="fe-overlay-banner" role="status">
        {state.status === 'loading' ? t('overlay.loading') : state.status === 'unpublished' ? t('overlay.unpublished') : state.message}
      </div>
    );
  }
  const max = Math.max(1, ...state.edges.values());
  let css = '';
  for (const e of edges) {
    const n = state.edges.get(`${e.source}\u0000${e.sourceHandle ?? 'next'}`) ?? 0;
    // Arrowheads scale with the stroke, so the widest edge stays at 4.5 px.
    const width = n === 0 ? 1 : 1.5 + (3 * n) / max;
    css += `.sb-canvas .react-flow__edge[data-id=${attr(e.id)}] .react-flow__edge-path{stroke-width:${width.toFixed(1)}px;${n === 0 ? 'stroke-dasharray:4 4;' : 'stroke:#0f766e;'}}\n`;
  }
  return (
    <>
      <style data-testid="traffic-edges">{css}</style>
      <div className="fe-overlay-banner" role="status">
        {t('overlay.showing', { version: state.version, from: state.from, to: state.to, count: state.started })}
        {state.draftDiffers && <strong className="fe-overlay-differs"> {t('overlay.draftDiffers', { version: state.version })}</strong>}{' '}
        <Link to={analyticsPath(useEditorStore.getState().meta.id)}>{t('page.analytics')}</Link>
        {' · '}
        <Link to={reviewPath(useEditorStore.getState().meta.id)}>{t('review:openReviewTitle')}</Link>
      </div>
    </>
  );
}
