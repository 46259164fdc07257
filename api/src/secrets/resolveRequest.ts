import type { PreparedRequest } from '../../../runtime/src/http';
import type { OutboundRequest } from '../outbound/types';
import type { SecretVault, UsedSecret } from './vault';
import { hostAllowed, SecretHostError } from './secretHosts';

/**
 * Turns a prepared request (secrets still placeholders) into one ready to send, each secret
 * encoded for where it stands, and lists the values used so the client keeps them out of logs.
 * Throws MissingSecretsError when a referenced secret no longer exists.
 */
export async function resolveRequest(prepared: PreparedRequest, vault: SecretVault): Promise<OutboundRequest & { secrets: UsedSecret[] }> {
  const used = new Map<string, UsedSecret>();
  const fill = async (text: string, encoding: 'url' | 'json' | 'header') => {
    const { text: filled, used: secrets } = await vault.resolveTracked(text, encoding);
    for (const secret of secrets) used.set(secret.name, secret);
    return filled;
  };
  const url = await fill(prepared.url, 'url');
  const headers = [];
  for (const h of prepared.headers) headers.push({ name: h.name, value: await fill(h.value, 'header') });
  const body = prepared.body === undefined ? undefined : await fill(prepared.body, 'json');
  // Bound to its hosts: a flow (or a customer's answer in its URL) cannot aim a credential at a
  // server that would echo it back to the editor. Redirects are checked hop by hop by the client.
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // An invalid URL is refused by the client; no secret leaves either way.
  }
  const secrets = [...used.values()];
  for (const secret of secrets) {
    if (!hostAllowed(secret.hosts, host)) throw new SecretHostError(secret.name, host, secret.hosts);
  }
  return {
    method: prepared.method,
    url,
    headers,
    ...(body !== undefined ? { body } : {}),
    timeoutMs: prepared.timeoutMs,
    maxResponseBytes: prepared.maxResponseBytes,
    redact: [...new Set(secrets.map((s) => s.value))],
    bound: secrets.map(({ value, hosts }) => ({ value, hosts })),
    secrets,
  };
}
