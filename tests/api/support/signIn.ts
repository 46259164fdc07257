import type request from 'supertest';
import type { Role } from '../../../api/src/storage/userStore';

/** A signed-in account: its cookie session and the CSRF token changes must carry. */
export interface Session {
  id: string;
  name: string;
  email: string;
  role: Role;
  cookie: string;
  csrf: string;
}

/** Signs in through `POST /api/auth/login` on an in-process app or a running server. */
export async function signInWith(http: ReturnType<typeof request>, email: string, password: string): Promise<Session> {
  const res = await http.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return {
    id: res.body.user.id,
    name: res.body.user.name,
    email,
    role: res.body.user.role,
    cookie: setCookie.map((c) => c.split(';')[0]).join('; '),
    csrf: res.body.csrfToken,
  };
}
