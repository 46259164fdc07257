import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Hosts and networks the operator admits although the address policy would refuse them. */
export interface Allowlist {
  admitsHost(hostname: string): boolean;
  admitsAddress(address: string): boolean;
}

const HOSTNAME_RE = /^(\*\.)?(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

const normaliseHost = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

/** Why an allowlist entry is not usable, or null when it is. */
export function allowlistEntryProblem(entry: string): string | null {
  const e = normaliseHost(entry.trim());
  if (isIP(e) || HOSTNAME_RE.test(e)) return null;
  if (e.includes('/') && ipaddr.isValidCIDR(e)) return null;
  return `"${entry}" is not a hostname (crm.internal, *.corp.example), an IP address or a CIDR range (10.20.0.0/16)`;
}

/** `SWITCHBOARD_HTTP_ALLOWLIST`'s comma-separated entries. */
export function splitAllowlist(text: string): string[] {
  return text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

/**
 * Entries are exact hostnames, `*.suffix` wildcards (subdomains only), single addresses, or
 * CIDR ranges. A listed hostname admits whatever it resolves to: that is how an internal CRM
 * at crm.corp (10.1.2.3) is reached without admitting the rest of 10/8.
 */
export function createAllowlist(entries: readonly string[]): Allowlist {
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const problem = allowlistEntryProblem(raw);
    if (problem) throw new Error(problem);
    const entry = normaliseHost(raw.trim());
    if (isIP(entry)) ranges.push([ipaddr.process(entry), isIP(ipaddr.process(entry).toString()) === 4 ? 32 : 128]);
    else if (entry.includes('/')) {
      const [network, bits] = ipaddr.parseCIDR(entry);
      // A mapped IPv6 range is matched as the IPv4 range it carries, as addresses are.
      ranges.push(network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96
        ? [(network as ipaddr.IPv6).toIPv4Address(), bits - 96]
        : [network, bits]);
    } else if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else hosts.add(entry);
  }
  return {
    admitsHost(hostname) {
      const host = normaliseHost(hostname);
      return hosts.has(host) || suffixes.some((suffix) => host.endsWith(suffix));
    },
    admitsAddress(address) {
      if (ranges.length === 0 || !ipaddr.isValid(address)) return false;
      const ip = ipaddr.process(address);
      return ranges.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits));
    },
  };
}
