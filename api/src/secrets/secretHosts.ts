/**
 * Which hosts a secret may travel to. An entry is a host name (`api.shop.pl`) or `*.` and a
 * domain (`*.shop.pl`: its subdomains, not the domain itself). IP literals are allowed as
 * written. Ports and schemes are not part of the match: the SSRF guard decides those.
 */
export const SECRET_HOST_RE = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;

/** The form hosts are stored and compared in. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

export function hostAllowed(hosts: readonly string[], host: string): boolean {
  const target = normalizeHost(host);
  return hosts.some((entry) => {
    if (entry.startsWith('*.')) return target.endsWith(entry.slice(1)) && target.length > entry.length - 1;
    return entry === target;
  });
}

/** A secret refused for a request, and why: for the step's error and the editor's preview. */
export class SecretHostError extends Error {
  constructor(
    readonly secret: string,
    readonly host: string,
    readonly hosts: readonly string[],
  ) {
    super(
      hosts.length === 0
        ? `The secret ${secret} has no allowed hosts yet; an admin must add the hosts it may be sent to under Settings → Secrets`
        : `The secret ${secret} may only be sent to ${hosts.join(', ')}, not to ${host}`,
    );
    this.name = 'SecretHostError';
  }
}
