import { isIP } from 'node:net';
import type { buildConnector } from 'undici';
import { classifyAddress } from './addressPolicy';
import type { Allowlist } from './allowlist';
import { OutboundRefusal } from './refusal';
import type { Resolver } from './resolver';

export type Connector = buildConnector.connector;

// The request's own timeout ends the wait for the caller; this ends it for the connector, so a
// resolver that never answers cannot pile up pending connections.
const RESOLVE_TIMEOUT_MS = 10_000;

function bounded<T>(work: Promise<T>, host: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`resolving ${host} took over ${RESOLVE_TIMEOUT_MS} ms`)), RESOLVE_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The address to connect to for a host: every address it resolves to must pass the policy
 * (or the allowlist), so a name that also points inside the network is refused outright.
 */
async function checkedAddress(hostname: string, resolver: Resolver, allowlist: Allowlist): Promise<string> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await bounded(resolver(host), host)).map((a) => a.address);
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  if (allowlist.admitsHost(host)) return addresses[0]!;
  for (const address of addresses) {
    if (allowlist.admitsAddress(address)) continue;
    const verdict = classifyAddress(address);
    if (!verdict.allowed) {
      const via = address === host ? '' : ` resolves to ${address}, which`;
      throw new OutboundRefusal(`${host}${via} is a ${verdict.range} address; add it to SWITCHBOARD_HTTP_ALLOWLIST to allow it`);
    }
  }
  return addresses[0]!;
}

/**
 * An undici connector that resolves the name itself, checks the addresses, then connects to
 * the checked address (never the name, which could resolve differently a moment later: DNS
 * rebinding). TLS still verifies the certificate against the original name.
 */
export function guardedConnector(options: { resolver: Resolver; allowlist: Allowlist; connect: Connector }): Connector {
  const { resolver, allowlist, connect } = options;
  return (target, callback) => {
    checkedAddress(target.hostname, resolver, allowlist)
      .then((address) => {
        const servername = target.servername || (isIP(target.hostname) ? undefined : target.hostname);
        connect({ ...target, hostname: address, ...(servername ? { servername } : {}) }, callback);
      })
      .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null));
  };
}
