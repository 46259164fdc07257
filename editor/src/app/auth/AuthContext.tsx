import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthorized, type User } from '../../api';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'expired' | 'loggedOut' }
  | { status: 'authenticated'; user: User }
  /** `/api/auth/me` got no answer; the app offers a retry rather than a misleading login form. */
  | { status: 'unreachable' };

export interface AuthApi {
  state: AuthState;
  login(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const session = await api.auth.me();
      setState(session ? { status: 'authenticated', user: session.user } : { status: 'anonymous' });
    } catch {
      setState({ status: 'unreachable' });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Any 401 from any request means the session ended (expired, revoked, logged out elsewhere).
  useEffect(() => onUnauthorized(() => setState({ status: 'anonymous', reason: 'expired' })), []);

  const login = useCallback(async (email: string, password: string) => {
    const session = await api.auth.login(email, password);
    setState({ status: 'authenticated', user: session.user });
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      setState({ status: 'anonymous', reason: 'loggedOut' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind the login gate. */
export function useCurrentUser(): User {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser needs a signed-in user');
  return state.user;
}
