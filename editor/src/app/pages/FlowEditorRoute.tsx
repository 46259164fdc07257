import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type FlowDetail } from '../../api';
import { Link } from '../router';
import { lazyPage } from './lazyPage';
import { LoadingState, PageState } from './PageState';
import { NotFoundPage } from './NotFoundPage';

const FlowEditorPage = lazyPage<{ flowId: string }>(import.meta.glob('../../flow-editor/FlowEditorPage.tsx'));

export function FlowEditorRoute({ flowId }: { flowId: string }) {
  if (!FlowEditorPage) return <FlowSummaryFallback flowId={flowId} />;
  return (
    <Suspense fallback={<LoadingState />}>
      <FlowEditorPage key={flowId} flowId={flowId} />
    </Suspense>
  );
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
