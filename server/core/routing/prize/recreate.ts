/**
 * Recreate of the prize-collecting search: candidates (the jobs a ruin took
 * out and the unserved jobs near its seed) inserted one by one, most prize
 * first, each at its cheapest feasible position in the routes the ruin
 * touched. Positions are skipped at random ("blinks") so that repeated
 * recreates differ. A candidate that fits nowhere stays unserved.
 */
import type { Rng } from '../base/random.js';
import { bestInsertion, insertAt, type Insertion, type PrizeRoutes } from './routes.js';

/** Orders of the candidates among equal prizes. */
export const RECREATE_ORDERS = ['random', 'near-first', 'short-first'] as const;
export type RecreateOrder = (typeof RECREATE_ORDERS)[number];

/** Sorts `candidates` in place (given nearest the seed first) for the order asked. */
export function orderCandidates(s: PrizeRoutes, candidates: number[], order: RecreateOrder, rng: Rng): void {
  const prize = s.p.prize;
  const service = s.p.service;
  const rank = new Map<number, number>();
  candidates.forEach((j, q) => rank.set(j, order === 'random' ? rng.nextFloat() : order === 'near-first' ? q : service[j] + rng.nextFloat()));
  candidates.sort((a, b) => prize[b] - prize[a] || rank.get(a)! - rank.get(b)!);
}

/** Inserts what fits of `candidates` (in order) into `routes`; returns how many went in. */
export function recreate(s: PrizeRoutes, candidates: readonly number[], routes: readonly number[], rng: Rng, blink: number): number {
  const random = () => rng.nextFloat();
  const best: Insertion = { route: -1, position: -1, cost: Infinity };
  let inserted = 0;
  for (const u of candidates) {
    if (s.routeOf[u] >= 0) continue;
    best.route = -1;
    best.cost = Infinity;
    for (const v of routes) bestInsertion(s, v, u, best, blink, random);
    if (best.route >= 0) {
      insertAt(s, best.route, u, best.position);
      inserted++;
    }
  }
  return inserted;
}
