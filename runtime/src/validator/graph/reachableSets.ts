/**
 * `reachableFrom` for many root sets at once: for each key, which vertices some path from its
 * roots reaches (roots included). One search per key would cost keys x graph, which is
 * quadratic when a large flow has a variable per question; here every key is a bit, and one
 * worklist pass spreads the bits along the edges until nothing changes.
 */
export function reachableSets(
  rootsByKey: ReadonlyMap<string, readonly string[]>,
  successors: ReadonlyMap<string, readonly string[]>,
): (key: string, vertex: string) => boolean {
  const keyIndex = new Map<string, number>();
  for (const key of rootsByKey.keys()) keyIndex.set(key, keyIndex.size);
  const words = Math.max(1, Math.ceil(keyIndex.size / 32));

  const vertexIndex = new Map<string, number>();
  const indexOf = (v: string): number => {
    let i = vertexIndex.get(v);
    if (i === undefined) vertexIndex.set(v, (i = vertexIndex.size));
    return i;
  };
  for (const roots of rootsByKey.values()) for (const r of roots) indexOf(r);
  for (const [from, tos] of successors) {
    indexOf(from);
    for (const to of tos) indexOf(to);
  }
  const next: number[][] = Array.from({ length: vertexIndex.size }, () => []);
  for (const [from, tos] of successors) {
    const list = next[indexOf(from)]!;
    for (const to of tos) list.push(indexOf(to));
  }

  const bits = new Uint32Array(vertexIndex.size * words);
  const queued = new Uint8Array(vertexIndex.size);
  const stack: number[] = [];
  for (const [key, roots] of rootsByKey) {
    const k = keyIndex.get(key)!;
    for (const r of roots) {
      const v = indexOf(r);
      bits[v * words + (k >>> 5)]! |= 1 << (k & 31);
      if (!queued[v]) {
        queued[v] = 1;
        stack.push(v);
      }
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    queued[v] = 0;
    for (const s of next[v]!) {
      let changed = false;
      for (let w = 0; w < words; w++) {
        const merged = bits[s * words + w]! | bits[v * words + w]!;
        if (merged !== bits[s * words + w]) {
          bits[s * words + w] = merged;
          changed = true;
        }
      }
      if (changed && !queued[s]) {
        queued[s] = 1;
        stack.push(s);
      }
    }
  }

  return (key, vertex) => {
    const k = keyIndex.get(key);
    const v = vertexIndex.get(vertex);
    if (k === undefined || v === undefined) return false;
    return (bits[v * words + (k >>> 5)]! & (1 << (k & 31))) !== 0;
  };
}
