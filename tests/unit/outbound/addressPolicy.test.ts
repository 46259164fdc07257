import { describe, expect, it } from 'vitest';
import { allowlistEntryProblem, classifyAddress, createAllowlist, splitAllowlist } from '../../../api/src/outbound';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['::ffff:127.0.0.1', 'ipv4Mapped:loopback'],
    ['::ffff:7f00:1', 'ipv4Mapped:loopback'],
    ['::ffff:10.0.0.5', 'ipv4Mapped:private'],
    ['::ffff:169.254.169.254', 'ipv4Mapped:linkLocal'],
    ['::ffff:0:a00:5', 'rfc6145:private'],
    ['::127.0.0.1', 'ipv4Compatible'],
    ['::7f00:1', 'ipv4Compatible'],
    ['64:ff9b::10.0.0.5', 'nat64:private'],
    ['64:ff9b::7f00:1', 'nat64:loopback'],
    ['64:ff9b:1::a00:5', 'rfc6052'],
    ['2002:7f00:1::', '6to4:loopback'],
    ['2002:a00:5::1', '6to4:private'],
    ['2001:0:4136:e378::1', 'teredo'],
    ['not an address', 'invalid'],
  ])('refuses %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ allowed: false, range });
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '172.32.0.1', '100.128.0.1'])(
    'allows the public address %s',
    (address) => {
      expect(classifyAddress(address)).toEqual({ allowed: true });
    },
  );
});

describe('allowlist', () => {
  const list = createAllowlist(splitAllowlist(' crm.corp.example, *.intra.example ,10.20.0.0/16, 192.168.5.7, fd00:1::/32,, CRM2.Corp.Example. '));

  it('admits listed hosts and subdomains of wildcards, case and trailing dot aside', () => {
    expect(list.admitsHost('crm.corp.example')).toBe(true);
    expect(list.admitsHost('CRM.corp.example.')).toBe(true);
    expect(list.admitsHost('crm2.corp.example')).toBe(true);
    expect(list.admitsHost('a.b.intra.example')).toBe(true);
    expect(list.admitsHost('intra.example')).toBe(false);
    expect(list.admitsHost('evilintra.example')).toBe(false);
    expect(list.admitsHost('corp.example')).toBe(false);
  });

  it('admits addresses in listed ranges, including their IPv4-mapped forms', () => {
    expect(list.admitsAddress('10.20.3.4')).toBe(true);
    expect(list.admitsAddress('::ffff:10.20.3.4')).toBe(true);
    expect(list.admitsAddress('10.21.0.1')).toBe(false);
    expect(list.admitsAddress('192.168.5.7')).toBe(true);
    expect(list.admitsAddress('192.168.5.8')).toBe(false);
    expect(list.admitsAddress('fd00:1:2::3')).toBe(true);
    expect(list.admitsAddress('fd00:2::3')).toBe(false);
  });

  it('explains entries it cannot use', () => {
    expect(allowlistEntryProblem('10.0.0.0/33')).toMatch(/CIDR/);
    expect(allowlistEntryProblem('http://crm.corp')).toMatch(/not a hostname/);
    expect(allowlistEntryProblem('*')).not.toBeNull();
    expect(allowlistEntryProblem('crm.corp')).toBeNull();
    expect(() => createAllowlist(['bad host!'])).toThrow(/bad host!/);
  });
});
