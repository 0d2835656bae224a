/**
 * 2-opt with neighbour lists: for city a and its tour neighbour b (either
 * side), try a new edge a-c to a near city c whenever d(a,c) < d(a,b).
 */
import type { TspContext, TspOperator } from './context.js';

export const twoOpt: TspOperator = {
  name: '2-opt',
  improveCity(ctx: TspContext, a: number): number {
    const { n, matrix: d, neighbours, k, tour, queue } = ctx;
    if (n < 5) return 0;
    const row = a * n;
    for (let side = 0; side < 2; side++) {
      const b = side === 0 ? tour.succ(a) : tour.pred(a);
      const dab = d[row + b];
      for (let q = 0; q < k; q++) {
        const c = neighbours[a * k + q];
        const g1 = dab - d[row + c];
        if (g1 <= 0) break;
        const e = side === 0 ? tour.succ(c) : tour.pred(c);
        if (c === b || e === a) continue;
        const gain = g1 + d[c * n + e] - d[b * n + e];
        if (gain > 0) {
          tour.move2opt(a, b, c, e);
          queue.push(a);
          queue.push(b);
          queue.push(c);
          queue.push(e);
          return gain;
        }
      }
    }
    return 0;
  },
};
