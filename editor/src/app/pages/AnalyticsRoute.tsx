import { lazy, Suspense } from 'react';
import { LoadingState } from './PageState';

// Its chart library stays out of the bundle the editor loads first.
const AnalyticsPage = lazy(() => import('../../analytics/AnalyticsPage'));

export function AnalyticsRoute({ flowId }: { flowId: string }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <AnalyticsPage flowId={flowId} />
    </Suspense>
  );
}
