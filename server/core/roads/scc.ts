/**
 * Strongly connected components of a directed graph (Tarjan's algorithm,
 * iterative: a city's road graph is deeper than the call stack).
 */
export interface StrongComponents {
  /** Component number of each vertex. */
  component: Int32Array;
  /** How many components. */
  count: number;
  /** The component with the most vertices. */
  largest: number;
}

/** Components of the graph with arcs from[i] -> to[i] over vertices 0..n-1. */
export function largestStrongComponent(n: number, from: Int32Array, to: Int32Array): StrongComponents {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < from.length; i++) start[from[i] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const head = new Int32Array(from.length);
  const fill = start.slice(0, n);
  for (let i = 0; i < from.length; i++) head[fill[from[i]]++] = to[i];

  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const callVertex = new Int32Array(n);
  const callArc = new Int32Array(n);
  let stackTop = 0;
  let next = 0;
  let count = 0;
  const sizes: number[] = [];

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callVertex[0] = root;
    callArc[0] = start[root];
    index[root] = low[root] = next++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callVertex[depth];
      if (callArc[depth] < start[v + 1]) {
        const w = head[callArc[depth]++];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callVertex[depth] = w;
          callArc[depth] = start[w];
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--stackTop];
          onStack[w] = 0;
          component[w] = count;
          size++;
        } while (w !== v);
        sizes.push(size);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callVertex[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  let largest = 0;
  for (let c = 1; c < count; c++) if (sizes[c] > sizes[largest]) largest = c;
  return { component, count, largest };
}
