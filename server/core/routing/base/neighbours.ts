/**
 * k-nearest candidate lists, the pruning behind every local-search operator:
 * a move is only tried between an item and one of its nearest items.
 */

/**
 * For each of `count` items, the `k` other items with the smallest `cost(i, j)`,
 * nearest first, ties to the lower index. Flat: row i is out[i*k .. i*k+k).
 */
export function nearestLists(count: number, k: number, cost: (i: number, j: number) => number): Int32Array {
  const kk = Math.max(0, Math.min(k, count - 1));
  const out = new Int32Array(count * kk);
  const bestCost = new Float64Array(kk);
  for (let i = 0; i < count; i++) {
    let filled = 0;
    const base = i * kk;
    for (let j = 0; j < count; j++) {
      if (j === i) continue;
      const c = cost(i, j);
      if (filled === kk && c >= bestCost[kk - 1]) continue;
      let p = filled < kk ? filled++ : kk - 1;
      while (p > 0 && bestCost[p - 1] > c) {
        bestCost[p] = bestCost[p - 1];
        out[base + p] = out[base + p - 1];
        p--;
      }
      bestCost[p] = c;
      out[base + p] = j;
    }
  }
  return out;
}

/**
 * Neighbour lists of a square matrix under d(i,j) + d(j,i); pass
 * symmetric = true to read rows only (the hot case: TSPLIB, haversine).
 */
export function matrixNeighbourLists(matrix: Int32Array, n: number, k: number, symmetric = false): Int32Array {
  if (!symmetric) return nearestLists(n, k, (i, j) => matrix[i * n + j] + matrix[j * n + i]);
  const kk = Math.max(0, Math.min(k, n - 1));
  const out = new Int32Array(n * kk);
  const bestCost = new Int32Array(kk);
  for (let i = 0; i < n; i++) {
    let filled = 0;
    const base = i * kk;
    const row = i * n;
    let worst = 2147483647;
    for (let j = 0; j < n; j++) {
      const c = matrix[row + j];
      if (c >= worst || j === i) continue;
      let p = filled < kk ? filled++ : kk - 1;
      while (p > 0 && bestCost[p - 1] > c) {
        bestCost[p] = bestCost[p - 1];
        out[base + p] = out[base + p - 1];
        p--;
      }
      bestCost[p] = c;
      out[base + p] = j;
      if (filled === kk) worst = bestCost[kk - 1];
    }
  }
  return out;
}
