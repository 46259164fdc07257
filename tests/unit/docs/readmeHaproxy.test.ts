import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haproxyConfig } from '../../bench/support/proxy/haproxyConfig';

// README is a promise: its HAProxy example is the configuration the capacity bench runs
// (tests/bench/support/proxy/haproxy.ts), with README's addresses in place of loopback ports.
describe('README', () => {
  it('documents the HAProxy configuration the capacity bench runs', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### HAProxy in front of two instances'));
    const block = /```haproxy\n([\s\S]*?)```/.exec(section);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(haproxyConfig({ bind: ':443 ssl crt /etc/haproxy/bots.example.com.pem', instances: ['10.0.0.11:8080', '10.0.0.12:8080'] }));
  });
});
