import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthorized, type User } from '../../api';
import { setLanguage } from '../../i18n';

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
  /** After the person changed their own profile. */
  replaceUser(user: User): void;
}

// A language the person chose in their profile follows them to any browser they sign in on.
function applyOwnLanguage(user: User): void {
  if (user.locale) void setLanguage(user.locale);
}

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const session = await api.auth.me();
      if (session) applyOwnLanguage(session.user);
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
    applyOwnLanguage(session.user);
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

  const replaceUser = useCallback((user: User) => setState({ status: 'authenticated', user }), []);

  const value = useMemo(() => ({ state, login, logout, refresh, replaceUser }), [state, login, logout, refresh, replaceUser]);
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
