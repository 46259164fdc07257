import { lazy, Suspense } from 'react';
import { LoadingState } from './PageState';

// Opened now and then by admins and editors: kept out of the bundle everyone loads.
const KnowledgePage = lazy(() => import('../../knowledge/KnowledgePage'));

export function KnowledgeRoute() {
  return (
    <Suspense fallback={<LoadingState />}>
      <KnowledgePage />
    </Suspense>
  );
}
