import type { Role } from '../storage/userStore';

/** Who is making a request: a signed-in user (cookie) or an API token (bearer). */
export type Principal =
  | { kind: 'user'; id: string; name: string; email: string; role: Role; sessionIdHash: string; csrfToken: string }
  | { kind: 'token'; id: string; name: string; role: Role };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by `authenticate` when the request carries a valid session or API token. */
      principal?: Principal;
    }
  }
}

export {};
