import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cyclicComponents } from '../../../runtime/src/validator/graph/stronglyConnected';

const sorted = (components: number[][]) => components.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);

/** Quadratic reference: u and v share a component when each reaches the other. */
function reference(n: number, adjacency: number[][]): number[][] {
  const reach = adjacency.map((_, s) => {
    const seen = new Set<number>();
    const stack = [...adjacency[s]!];
    while (stack.length) {
      const v = stack.pop()!;
      if (seen.has(v)) continue;
      seen.add(v);
      stack.push(...adjacency[v]!);
    }
    return seen;
  });
  const result: number[][] = [];
  const placed = new Set<number>();
  for (let v = 0; v < n; v++) {
    if (placed.has(v) || !reach[v]!.has(v)) continue;
    const component = [v];
    for (let w = v + 1; w < n; w++) if (reach[v]!.has(w) && reach[w]!.has(v)) component.push(w);
    component.forEach((w) => placed.add(w));
    result.push(component);
  }
  return result;
}

describe('cyclicComponents', () => {
  it('finds cycles and self-loops and ignores acyclic parts', () => {
    const adjacency = [[1], [2], [0, 3], [4], [], [5]];
    expect(sorted(cyclicComponents(6, adjacency))).toEqual([[0, 1, 2], [5]]);
  });

  it('agrees with a brute-force reference on random graphs', () => {
    const graph = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(graph, ([n, adjacency]) => {
        expect(sorted(cyclicComponents(n, adjacency))).toEqual(sorted(reference(n, adjacency)));
      }),
    );
  });

  it('walks a 200,000-vertex chain without recursion', () => {
    const n = 200_000;
    const adjacency = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const [only] = cyclicComponents(n, adjacency);
    expect(only).toHaveLength(n);
  });
});
