/**
 * Tarjan's strongly connected components over vertices `0..n-1`, iterative so that a long
 * chain of thousands of steps cannot overflow the call stack. Linear in vertices + edges.
 * Returns only components that contain a cycle: two or more vertices, or one with a self-edge.
 */
export function cyclicComponents(n: number, adjacency: readonly (readonly number[])[]): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = new Int32Array(n);
  const stack: number[] = [];
  const callStack: number[] = [];
  const found: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callStack.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;

    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1]!;
      const out = adjacency[v] ?? [];
      if (nextEdge[v]! < out.length) {
        const w = out[nextEdge[v]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callStack.push(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || out.includes(v)) found.push(component);
    }
  }
  return found;
}
