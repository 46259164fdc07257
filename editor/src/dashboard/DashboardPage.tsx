import { useCurrentUser } from '../app/auth/AuthContext';
import { AgentHome } from './AgentHome';
import { FlowsDashboard } from './FlowsDashboard';

export function DashboardPage() {
  const user = useCurrentUser();
  return user.role === 'agent' ? <AgentHome /> : <FlowsDashboard />;
}
