/**
 * Polish of one route of the prize-collecting search: 2-opt (reverse a
 * segment) and or-opt (move a string of 1-3 jobs elsewhere in the route)
 * until neither lowers the route's cost. Gains are estimated on the changed
 * legs, then checked on the whole route (time limit and real cost) and undone
 * when they do not hold, so asymmetric legs stay correct.
 */
import type { Neighbourhoods } from './problem.js';
import { bestInsertion, insertBest, removeRange, type Insertion, type PrizeRoutes } from './routes.js';

/** Improves route v in place; returns the cost saved. */
export function polishRoute(s: PrizeRoutes, v: number): number {
  const p = s.p;
  const veh = p.vehicles[v];
  const c = p.costBy === 'metres' ? p.metres : p.seconds;
  const before = s.cost[v];
  const pointAt = (list: number[], q: number) => (q < 0 ? veh.start : q >= list.length ? veh.end : list[q]);
  const rank = p.rank;
  const tryList = (next: number[], old: number[]): boolean => {
    if (rank) for (let q = 1; q < next.length; q++) if (rank[next[q - 1]] > rank[next[q]]) return false;
    s.jobs[v] = next;
    const was = s.cost[v];
    s.retotal(v);
    if (s.cost[v] < was && s.slack(v) >= 0) return true;
    s.jobs[v] = old;
    s.retotal(v);
    return false;
  };
  for (let improved = true, rounds = 0; improved && rounds < 50; rounds++) {
    improved = false;
    const list = s.jobs[v];
    const n = list.length;
    if (n < 2) break;
    // 2-opt: legs (i-1,i) and (j,j+1) become (i-1,j) and (i,j+1).
    for (let i = 0; i < n - 1 && !improved; i++) {
      const a = pointAt(list, i - 1);
      const b = list[i];
      for (let j = i + 1; j < n; j++) {
        const d = list[j];
        const e = pointAt(list, j + 1);
        if (c(a, d) + c(b, e) < c(a, b) + c(d, e)) {
          const next = list.slice(0, i).concat(list.slice(i, j + 1).reverse(), list.slice(j + 1));
          if (tryList(next, list)) {
            improved = true;
            break;
          }
        }
      }
    }
    if (improved) continue;
    // or-opt: a string of 1-3 jobs moved to another gap.
    for (let len = 1; len <= 3 && !improved; len++) {
      for (let i = 0; i + len <= n && !improved; i++) {
        const a = pointAt(list, i - 1);
        const f = list[i];
        const l = list[i + len - 1];
        const e = pointAt(list, i + len);
        const removeGain = c(a, f) + c(l, e) - c(a, e);
        if (removeGain <= 0) continue;
        for (let g = -1; g < n; g++) {
          if (g >= i - 1 && g < i + len) continue;
          const x = pointAt(list, g);
          const y = pointAt(list, g + 1);
          if (c(x, f) + c(l, y) - c(x, y) < removeGain) {
            const seg = list.slice(i, i + len);
            const rest = list.slice(0, i).concat(list.slice(i + len));
            const at = g < i ? g + 1 : g + 1 - len;
            const next = rest.slice(0, at).concat(seg, rest.slice(at));
            if (tryList(next, list)) {
              improved = true;
              break;
            }
          }
        }
      }
    }
  }
  return before - s.cost[v];
}

/**
 * Served <-> unserved: an unserved job takes the place of a near served one
 * (that one out, the newcomer in at its cheapest feasible place in the routes
 * of its neighbourhood) when the day gains on prize x prizeCost - cost.
 * Finds the days where the same number of tickets is served on fewer km by
 * serving a different one. Stops early when timeUp() says so. Returns how
 * many swaps were made.
 */
export function swapWithUnserved(s: PrizeRoutes, near: Neighbourhoods, prizeCost: number, slot: Insertion, timeUp: () => boolean = () => false): number {
  const p = s.p;
  const out: number[] = [];
  const routes: number[] = [];
  let swaps = 0;
  for (let u = 0; u < p.jobCount; u++) {
    if (s.routeOf[u] >= 0) continue;
    if ((u & 63) === 0 && timeUp()) break;
    routes.length = 0;
    for (let q = 0; q < near.k; q++) {
      const j = near.jobs[u * near.k + q];
      if (j < 0) break;
      const v = s.routeOf[j];
      if (v >= 0 && !routes.includes(v)) routes.push(v);
    }
    for (let q = 0; q < near.kv; q++) if (!routes.includes(near.vehicles[u * near.kv + q])) routes.push(near.vehicles[u * near.kv + q]);
    for (let q = 0; q < near.k && s.routeOf[u] < 0; q++) {
      const j = near.jobs[u * near.k + q];
      if (j < 0) break;
      const v = s.routeOf[j];
      if (v < 0 || p.keep[j] === 1 || p.prize[j] > p.prize[u]) continue;
      const before = s.totalCost;
      const saved = s.save(v);
      out.length = 0;
      const at = s.jobs[v].indexOf(j);
      removeRange(s, v, at, at + 1, out);
      slot.route = -1;
      slot.cost = Infinity;
      for (const r of routes) bestInsertion(s, r, u, slot);
      const gain = (p.prize[u] - p.prize[j]) * prizeCost - (s.totalCost + slot.cost - before);
      if (slot.route >= 0 && gain > 1e-9) {
        insertBest(s, u, slot);
        swaps++;
      } else {
        s.restore(v, saved);
        s.prize += p.prize[j];
      }
    }
  }
  return swaps;
}

