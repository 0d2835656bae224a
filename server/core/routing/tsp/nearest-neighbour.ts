/**
 * Nearest-neighbour tour from `start`; ties go to the lowest city index
 * (the rule behind sanity.json's nn_from_node1).
 */
export function nearestNeighbourTour(matrix: Int32Array, n: number, start = 0): number[] {
  const visited = new Uint8Array(n);
  const tour = new Array<number>(n);
  let current = start;
  visited[current] = 1;
  tour[0] = current;
  for (let k = 1; k < n; k++) {
    let best = -1;
    let bestCost = Infinity;
    const row = current * n;
    for (let j = 0; j < n; j++) {
      if (visited[j]) continue;
      const c = matrix[row + j];
      if (c < bestCost) {
        bestCost = c;
        best = j;
      }
    }
    visited[best] = 1;
    tour[k] = best;
    current = best;
  }
  return tour;
}
