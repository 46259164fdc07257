import { useEffect, useState } from 'react';
import { z } from 'zod';
import { request } from '../../api';

// Names only: the API never returns secret values, and the editor has no use for them.
const secretListSchema = z.object({ secrets: z.array(z.union([z.string(), z.object({ name: z.string() })])) });

export type SecretNames = { status: 'loading' } | { status: 'ready'; names: string[] } | { status: 'unavailable' };

/**
 * The secrets an HTTP header may refer to as `{{secret.NAME}}`. "unavailable" when the server
 * has no secrets store or the user may not list it; the form then explains the syntax instead.
 */
export function useSecretNames(): SecretNames {
  const [state, setState] = useState<SecretNames>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    request<unknown>('GET', '/api/secrets', { signal: abort.signal, accept: [403, 404], notifyOnUnauthorized: false })
      .then((res) => {
        const parsed = res.status === 200 ? secretListSchema.safeParse(res.data) : null;
        setState(
          parsed?.success
            ? { status: 'ready', names: parsed.data.secrets.map((s) => (typeof s === 'string' ? s : s.name)).sort() }
            : { status: 'unavailable' },
        );
      })
      .catch((err: unknown) => {
        if (!(err instanceof DOMException && err.name === 'AbortError')) setState({ status: 'unavailable' });
      });
    return () => abort.abort();
  }, []);
  return state;
}
