import type { PreparedRequest } from '../../../runtime/src/http';
import type { OutboundRequest } from '../outbound/types';
import type { SecretVault } from './vault';

/**
 * Turns a prepared request (secrets still placeholders) into one ready to send, each secret
 * encoded for where it stands, and lists the values used so the client keeps them out of logs.
 * Throws MissingSecretsError when a referenced secret no longer exists.
 */
export async function resolveRequest(prepared: PreparedRequest, vault: SecretVault): Promise<OutboundRequest> {
  const used: string[] = [];
  const fill = async (text: string, encoding: 'url' | 'json' | 'header') => {
    const { text: filled, values } = await vault.resolveTracked(text, encoding);
    used.push(...values);
    return filled;
  };
  const url = await fill(prepared.url, 'url');
  const headers = [];
  for (const h of prepared.headers) headers.push({ name: h.name, value: await fill(h.value, 'header') });
  const body = prepared.body === undefined ? undefined : await fill(prepared.body, 'json');
  return {
    method: prepared.method,
    url,
    headers,
    ...(body !== undefined ? { body } : {}),
    timeoutMs: prepared.timeoutMs,
    maxResponseBytes: prepared.maxResponseBytes,
    redact: [...new Set(used)],
  };
}
