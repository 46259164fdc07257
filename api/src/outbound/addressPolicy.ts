import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

const embeddedIPv4 = (high: number, low: number) => ipaddr.IPv4.parse(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);

/**
 * The ipaddr.js range name of an address, looking through the IPv6 forms that carry an IPv4
 * address (mapped, translated, NAT64, 6to4), since a connection to them reaches that address.
 */
function rangeOf(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (ip.kind() === 'ipv4') return ip.range();
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  const p = v6.parts;
  const inner = (high: number, low: number, label: string) => {
    const innerRange = embeddedIPv4(high, low).range();
    return innerRange === 'unicast' ? 'unicast' : `${label}:${innerRange}`;
  };
  if (range === 'ipv4Mapped' || range === 'rfc6145') return inner(p[6]!, p[7]!, range);
  // 64:ff9b::/96 only; the local-use NAT64 prefix 64:ff9b:1::/48 leads into a private network.
  if (range === 'rfc6052' && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) return inner(p[6]!, p[7]!, 'nat64');
  if (range === '6to4') return inner(p[1]!, p[2]!, '6to4');
  // Deprecated IPv4-compatible ::a.b.c.d, which ipaddr.js files under unicast.
  if (range === 'unicast' && p.slice(0, 6).every((part) => part === 0)) return 'ipv4Compatible';
  return range;
}

/**
 * The address as the socket layer reads it. ipaddr.js alone would take `::127.0.0.1` for
 * `::ffff:127.0.0.1`, so IPv6 goes through the WHATWG parser first (which also refuses zone ids).
 */
function canonicalIp(address: string): string | null {
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return null;
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/**
 * Whether the server may open a connection to this address on a flow's behalf: only global
 * unicast is. Loopback, private, CGNAT, link-local (and so cloud metadata at 169.254.169.254),
 * unique-local (fd00:ec2::254), unspecified, multicast, broadcast and reserved ranges are not.
 */
export function classifyAddress(address: string): AddressVerdict {
  const canonical = canonicalIp(address);
  if (canonical === null) return { allowed: false, range: 'invalid' };
  const range = rangeOf(ipaddr.parse(canonical));
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
}
