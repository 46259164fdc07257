import { useEffect } from 'react';
import { ToastProvider } from '../ui';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './login/LoginPage';
import { loginPath, matchRoute, navigate, useLocation, type Route } from './router';
import { LoadingState } from './pages/PageState';
import { UnreachablePage } from './pages/UnreachablePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { FlowEditorRoute } from './pages/FlowEditorRoute';
import { InboxRoute } from './pages/InboxRoute';
import { SettingsRoute } from './pages/SettingsRoute';
import { AnalyticsRoute } from './pages/AnalyticsRoute';
import { ReviewRoute } from './pages/ReviewRoute';
import { KnowledgeRoute } from './pages/KnowledgeRoute';
import { FlowsDashboard } from '../dashboard/FlowsDashboard';
import { ProfilePage } from '../profile/ProfilePage';
import type { User } from '../api';

function AgentRedirect() {
  useEffect(() => {
    navigate('/inbox', { replace: true, force: true });
  }, []);
  return <LoadingState />;
}

export function App() {
  return (
    <ToastProvider>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </ToastProvider>
  );
}

function AppRoutes() {
  const { state, refresh } = useAuth();
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname, search);

  useEffect(() => {
    if (state.status === 'anonymous' && route.name !== 'login') {
      const next = state.reason === 'loggedOut' ? '/' : pathname + search;
      navigate(loginPath(next), { replace: true, force: true });
    } else if (state.status === 'authenticated' && route.name === 'login') {
      navigate(route.next, { replace: true, force: true });
    }
  }, [state, route, pathname, search]);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'unreachable') return <UnreachablePage onRetry={() => void refresh()} />;
  if (state.status === 'anonymous') {
    return <LoginPage onSuccess={() => undefined} notice={state.reason === 'expired' ? 'expired' : undefined} />;
  }
  if (route.name === 'login') return <LoadingState />;
  return <AppLayout>{renderRoute(route, state.user)}</AppLayout>;
}

function renderRoute(route: Exclude<Route, { name: 'login' }>, user: User) {
  switch (route.name) {
    case 'dashboard':
      // Agents answer conversations; the flows dashboard is not theirs, so their home is the inbox.
      return user.role === 'agent' ? <AgentRedirect /> : <FlowsDashboard />;
    case 'flow':
      return user.role === 'agent' ? <ForbiddenPage /> : <FlowEditorRoute flowId={route.flowId} />;
    case 'analytics':
      return user.role === 'agent' ? <ForbiddenPage /> : <AnalyticsRoute flowId={route.flowId} />;
    case 'review':
      return user.role === 'agent' ? <ForbiddenPage /> : <ReviewRoute flowId={route.flowId} />;
    case 'inbox':
      return user.role === 'editor' ? <ForbiddenPage /> : <InboxRoute />;
    case 'knowledge':
      return user.role === 'agent' ? <ForbiddenPage /> : <KnowledgeRoute />;
    case 'settings':
      return user.role === 'admin' ? <SettingsRoute /> : <ForbiddenPage />;
    case 'profile':
      return <ProfilePage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
