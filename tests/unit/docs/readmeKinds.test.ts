import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../runtime/src/schema';

// README is a promise: its list of node kinds is the schema's, count included.
describe('README', () => {
  it('lists every node kind the schema has, and says how many', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const match = /The (\d+) node kinds: ([^.]+)\./.exec(readme);
    expect(match).not.toBeNull();
    const listed = [...match![2]!.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]);
    expect(listed).toEqual([...NODE_KINDS]);
    expect(Number(match![1])).toBe(NODE_KINDS.length);
  });
});
