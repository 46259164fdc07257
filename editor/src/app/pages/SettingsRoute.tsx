import { lazy, Suspense } from 'react';
import { LoadingState } from './PageState';

// Admins open it rarely: kept out of the bundle everyone loads.
const SettingsPage = lazy(() => import('../../settings/SettingsPage'));

export function SettingsRoute() {
  return (
    <Suspense fallback={<LoadingState />}>
      <SettingsPage />
    </Suspense>
  );
}
