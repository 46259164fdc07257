import { lazy, Suspense } from 'react';
import { LoadingState } from './PageState';

// Loaded when opened, in its own chunk, like the analytics page.
const ReviewPage = lazy(() => import('../../review/ReviewPage'));

export function ReviewRoute({ flowId }: { flowId: string }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <ReviewPage flowId={flowId} />
    </Suspense>
  );
}
