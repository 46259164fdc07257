/** Every vertex some path from `roots` reaches, roots included; iterative, linear. */
export function reachableFrom(roots: Iterable<string>, successors: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>(roots);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const next of successors.get(stack.pop()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}
