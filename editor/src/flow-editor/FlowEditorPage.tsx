import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type FlowDetail } from '../api';
import { Button } from '../ui';
import { useClipboardEvents } from './actions/useClipboardEvents';
import { useKeyboardShortcuts } from './actions/useKeyboardShortcuts';
import { Canvas } from './canvas/Canvas';
import { Inspector } from './inspector/Inspector';
import { BottomPanel } from './page/BottomPanel';
import { useAutosave } from './save/useAutosave';
import { TopBar } from './page/TopBar';
import { useActionContext } from './page/useActionContext';
import { Palette } from './palette/Palette';
import { usePreviewStore } from './preview/previewStore';
import { SidePanelSlot } from './preview/SidePanelSlot';
import { OverlayLayer } from './analytics/OverlayLayer';
import { ReplayLayer } from './replay/ReplayLayer';
import { useReplayFromUrl } from './replay/useReplayFromUrl';
import { VersionBanner } from './history/VersionBanner';
import { VersionCanvas } from './history/VersionCanvas';
import { VersionSidePanel } from './history/VersionSidePanel';
import { useEditorStore } from './store';
import './page/editorPage.css';

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'missing' } | { status: 'failed' };

/** `prefetched`: the route's request for this flow, started while this chunk downloaded. */
export default function FlowEditorPage({ flowId, prefetched }: { flowId: string; prefetched?: Promise<FlowDetail> }) {
  const { t } = useTranslation('canvas');
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  // Used once: a retry, or a second mount in StrictMode, asks the server again.
  const pending = useRef(prefetched);

  const load = useCallback(() => {
    let live = true;
    setState({ status: 'loading' });
    const request = pending.current ?? api.flows.get(flowId);
    pending.current = undefined;
    request.then(
      (detail) => {
        if (!live) return;
        useEditorStore.getState().load(detail.flow, detail.revision);
        setState({ status: 'ready' });
      },
      (e: unknown) => live && setState({ status: isApiError(e) && e.status === 404 ? 'missing' : 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [flowId]);

  useEffect(load, [load]);

  if (state.status === 'loading') {
    return (
      <div className="fe-state" role="status" aria-live="polite">
        {t('page.loading')}
      </div>
    );
  }
  if (state.status !== 'ready') {
    return (
      <div className="fe-state" role="alert">
        <p>{t(state.status === 'missing' ? 'page.notFound' : 'page.loadError')}</p>
        {state.status === 'failed' && <Button onClick={load}>{t('page.retry')}</Button>}
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <EditorLayout flowId={flowId} />
    </ReactFlowProvider>
  );
}

function EditorLayout({ flowId }: { flowId: string }) {
  const { t } = useTranslation('canvas');
  const ctx = useActionContext();
  useKeyboardShortcuts(useEditorStore, ctx);
  useClipboardEvents(useEditorStore);
  useAutosave(flowId);
  const viewing = usePreviewStore((s) => s.view !== null);
  const replay = useReplayFromUrl(flowId, !viewing);
  return (
    <div className="fe">
      <TopBar ctx={ctx} />
      <div className="fe-main">
        <aside className="fe-palette">
          <Palette />
        </aside>
        <div className="fe-centre">
          <VersionBanner />
          <main className="fe-canvas">
            {viewing ? (
              <VersionCanvas />
            ) : (
              <>
                <Canvas />
                <OverlayLayer />
                <ReplayLayer onLeave={replay.leave} />
              </>
            )}
          </main>
          <BottomPanel />
        </div>
        <SidePanelSlot />
        <aside className="fe-inspector" data-inspector-slot aria-label={t('page.inspector')}>
          {viewing ? <VersionSidePanel /> : <Inspector />}
        </aside>
      </div>
    </div>
  );
}
