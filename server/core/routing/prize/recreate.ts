/**
 * Recreate of the prize-collecting search: candidates (the jobs a ruin took
 * out and the unserved jobs near its seed) inserted one by one, most prize
 * first, each at its cheapest feasible position in the routes the ruin
 * touched. Positions are skipped at random ("blinks") so that repeated
 * recreates differ. A candidate that fits nowhere stays unserved.
 */
import type { Rng } from '../base/random.js';
import { bestInsertion, emptyInsertion, insertBest, type PrizeRoutes } from './routes.js';

/** Orders of the candidates among equal prizes. */
export const RECREATE_ORDERS = ['random', 'near-first', 'short-first'] as const;
export type RecreateOrder = (typeof RECREATE_ORDERS)[number];

/** Sorts `candidates` in place (given nearest the seed first) for the order asked; `key`: scratch, one slot per job. */
export function orderCandidates(s: PrizeRoutes, candidates: number[], order: RecreateOrder, rng: Rng, key: Float64Array): void {
  const prize = s.p.prize;
  const service = s.p.service;
  for (let q = 0; q < candidates.length; q++) {
    const j = candidates[q];
    key[j] = order === 'random' ? rng.nextFloat() : order === 'near-first' ? q : service[j] + rng.nextFloat();
  }
  candidates.sort((a, b) => prize[b] - prize[a] || key[a] - key[b]);
}

/** Inserts what fits of `candidates` (in order) into `routes`; returns how many went in. */
export function recreate(s: PrizeRoutes, candidates: readonly number[], routes: readonly number[], random: () => number, blink: number, best = emptyInsertion()): number {
  let inserted = 0;
  for (const u of candidates) {
    if (s.routeOf[u] >= 0) continue;
    best.route = -1;
    best.cost = Infinity;
    for (const v of routes) bestInsertion(s, v, u, best, blink, random);
    if (best.route >= 0) {
      insertBest(s, u, best);
      inserted++;
    }
  }
  return inserted;
}
