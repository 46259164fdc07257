import { isApiError } from './errors';
import { request } from './http';
import { setCsrfToken } from './session';
import type { AuthSession, User } from './types';

export const auth = {
  /** Throws `ApiError` 401 `invalid_credentials` or 429 when rate limited. */
  async login(email: string, password: string): Promise<AuthSession> {
    const { data } = await request<AuthSession>('POST', '/api/auth/login', {
      body: { email, password },
      notifyOnUnauthorized: false,
    });
    setCsrfToken(data.csrfToken);
    return data;
  },

  async logout(): Promise<void> {
    try {
      await request<void>('POST', '/api/auth/logout', { notifyOnUnauthorized: false });
    } finally {
      setCsrfToken(null);
    }
  },

  /** Own name, language or password (with the current one); a new password ends the other sessions. */
  async updateMe(patch: { name?: string; locale?: 'en' | 'pl'; currentPassword?: string; newPassword?: string }): Promise<User> {
    return (await request<{ user: User }>('PATCH', '/api/auth/me', { body: patch })).data.user;
  },

  /** The signed-in session, or null when there is none (401). */
  async me(): Promise<AuthSession | null> {
    try {
      const { data } = await request<AuthSession>('GET', '/api/auth/me', { notifyOnUnauthorized: false });
      setCsrfToken(data.csrfToken);
      return data;
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
};
