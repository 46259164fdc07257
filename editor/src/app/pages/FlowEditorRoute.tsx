import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type FlowDetail } from '../../api';
import { Link, matchRoute } from '../router';
import { lazyPage } from './lazyPage';
import { LoadingState, PageState } from './PageState';
import { NotFoundPage } from './NotFoundPage';

const editorModules = import.meta.glob('../../flow-editor/FlowEditorPage.tsx');
const FlowEditorPage = lazyPage<{ flowId: string; prefetched?: Promise<FlowDetail> }>(editorModules);

// Opened straight on a flow URL, the editor chunk downloads alongside the sign-in check instead
// of after it. A failure here is retried, and reported, by the lazy page itself.
if (typeof window !== 'undefined' && matchRoute(window.location.pathname).name === 'flow') {
  Object.values(editorModules)[0]?.().catch(() => undefined);
}

export function FlowEditorRoute({ flowId }: { flowId: string }) {
  // The flow downloads while the editor chunk does; the page takes this promise on its first load.
  const prefetched = useMemo(() => (FlowEditorPage ? prefetchFlow(flowId) : undefined), [flowId]);
  if (!FlowEditorPage) return <FlowSummaryFallback flowId={flowId} />;
  return (
    <Suspense fallback={<LoadingState />}>
      <FlowEditorPage key={flowId} flowId={flowId} prefetched={prefetched} />
    </Suspense>
  );
}

function prefetchFlow(flowId: string): Promise<FlowDetail> {
  const promise = api.flows.get(flowId);
  // The page reports failures; this only keeps an unused rejection from being "unhandled".
  promise.catch(() => undefined);
  return promise;
}

/** Shown only in builds without the flow editor: confirms the flow exists and leads back. */
function FlowSummaryFallback({ flowId }: { flowId: string }) {
  const { t } = useTranslation('common');
  const [state, setState] = useState<{ flow?: FlowDetail; missing?: boolean }>({});
  useEffect(() => {
    let live = true;
    api.flows.get(flowId).then(
      (flow) => live && setState({ flow }),
      (e: unknown) => live && setState({ missing: isApiError(e) && e.status === 404 }),
    );
    return () => {
      live = false;
    };
  }, [flowId]);
  if (state.missing) return <NotFoundPage />;
  if (!state.flow) return <LoadingState />;
  return (
    <PageState title={state.flow.flow.name}>
      <p>{t('editorUnavailable')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </PageState>
  );
}
