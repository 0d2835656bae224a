/**
 * Or-opt: move a segment of 1-3 cities that starts or ends at city a next to a
 * near city c, in either orientation. Applied as 2 or 3 logged 2-opt moves.
 */
import type { TspContext, TspOperator } from './context.js';

const MAX_SEGMENT = 3;

export const orOpt: TspOperator = {
  name: 'or-opt',
  improveCity(ctx: TspContext, a: number): number {
    const { n, matrix: d, neighbours, k, tour, queue } = ctx;
    if (n < 8) return 0;
    for (let side = 0; side < 2; side++) {
      // The segment runs from a in direction `side` (0: succ, 1: pred).
      const prev = side === 0 ? tour.pred(a) : tour.succ(a);
      let far = a;
      let mid = -1;
      for (let len = 1; len <= MAX_SEGMENT; len++) {
        if (len > 1) {
          if (len === 3) mid = far;
          far = side === 0 ? tour.succ(far) : tour.pred(far);
        }
        const next = side === 0 ? tour.succ(far) : tour.pred(far);
        const g0 = d[prev * n + a] + d[far * n + next] - d[prev * n + next];
        if (g0 <= 0) continue;
        for (let q = 0; q < k; q++) {
          const c = neighbours[a * k + q];
          const dac = d[a * n + c];
          if (dac >= g0) break;
          if (c === far || c === mid) continue;
          for (let s = 0; s < 2; s++) {
            const e = s === 0 ? tour.succ(c) : tour.pred(c);
            if (e === a || e === far || e === mid) continue;
            const gain = g0 + d[c * n + e] - dac - d[far * n + e];
            if (gain > 0) {
              moveSegment(ctx, side === 0 ? a : far, side === 0 ? far : a, c, e, a);
              queue.push(prev);
              queue.push(next);
              queue.push(a);
              queue.push(far);
              queue.push(c);
              queue.push(e);
              return gain;
            }
          }
        }
      }
    }
    return 0;
  },
};

/**
 * Moves the segment s1..s2 (forward in the tour) between the adjacent cities c
 * and e so that `attach` (s1 or s2) ends up next to c.
 */
function moveSegment(ctx: TspContext, s1: number, s2: number, c: number, e: number, attach: number): void {
  const { tour } = ctx;
  const p = tour.pred(s1);
  const nx = tour.succ(s2);
  let x: number;
  let y: number;
  let xPartner: number;
  if (tour.succ(c) === e) {
    x = c;
    y = e;
    xPartner = attach;
  } else {
    x = e;
    y = c;
    xPartner = attach === s1 ? s2 : s1;
  }
  // p S nx..x y  ->  p x..nx S^r y  ->  p nx..x S^r y  [-> p nx..x S y]
  tour.move2opt(p, s1, x, y);
  tour.move2opt(p, x, nx, s2);
  if (xPartner === s1) tour.move2opt(x, s2, s1, y);
}
