import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../runtime/src/validator';
import { generateFlow } from '../../../runtime/src/testing/generateFlow';
import { parseFlowDocument } from '../../../runtime/src/schema/flow';
import { KINDS } from '../../../runtime/src/kinds';

describe('generateFlow', () => {
  it.each([1000, 5000])('a generated %i-node flow passes the schema and has no problems', (count) => {
    const generated = generateFlow(count);
    expect(generated.nodes).toHaveLength(count);
    const parsed = parseFlowDocument(JSON.parse(JSON.stringify(generated)));
    expect(parsed.ok).toBe(true);
    expect(validateFlow(generated)).toEqual([]);
  });

  it('generates the same flow for the same seed and a different one for another', () => {
    expect(generateFlow(200, 7)).toEqual(generateFlow(200, 7));
    expect(generateFlow(200, 7)).not.toEqual(generateFlow(200, 8));
  });

  it('generates valid flows for small sizes and many seeds', () => {
    for (let count = 2; count < 40; count++) {
      for (const seed of [1, 2, 3]) expect(validateFlow(generateFlow(count, seed))).toEqual([]);
    }
    expect(() => generateFlow(1)).toThrow(RangeError);
  });

  it('uses every node kind in a large flow', () => {
    const kinds = new Set(generateFlow(1000).nodes.map((node) => node.type));
    // Derived from the runtime's kind record, so a kind added there must be generated here too.
    expect([...kinds].sort()).toEqual(Object.keys(KINDS).sort());
  });
});
