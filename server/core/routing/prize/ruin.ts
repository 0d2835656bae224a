/**
 * Ruin of the prize-collecting search: strings of consecutive jobs taken out
 * of a few routes around a seed job (after SISR, Christiaens & Vanden Berghe
 * 2020), so that the recreate can rebuild that corner of the day, with the
 * unserved jobs nearby as candidates. Kept jobs (pins) never leave.
 */
import type { Rng } from '../base/random.js';
import type { Neighbourhoods } from './problem.js';
import { removeRange, type PrizeRoutes, type SavedRoute } from './routes.js';

export interface RuinOptions {
  /** Most routes a ruin touches. */
  maxRoutes: number;
  /** Longest string taken out of one route. */
  maxString: number;
}

/**
 * Takes strings out of up to maxRoutes routes holding the seed's nearest
 * jobs; records each touched route (before the change) in `touched` and
 * `saved`, and the jobs taken out in `removed`.
 */
export function ruinAround(s: PrizeRoutes, near: Neighbourhoods, seed: number, rng: Rng, options: RuinOptions, touched: number[], saved: SavedRoute[], removed: number[]): void {
  const routes = 1 + rng.nextInt(options.maxRoutes);
  const touch = (v: number) => {
    if (touched.includes(v)) return false;
    touched.push(v);
    saved.push(s.save(v));
    return true;
  };
  let ruined = 0;
  for (let q = -1; q < near.k && ruined < routes; q++) {
    const j = q < 0 ? seed : near.jobs[seed * near.k + q];
    if (j < 0) break;
    const v = s.routeOf[j];
    if (v < 0 || touched.includes(v)) continue;
    touch(v);
    ruined++;
    const list = s.jobs[v];
    const length = Math.min(list.length, 1 + rng.nextInt(options.maxString));
    const at = list.indexOf(j);
    const from = Math.max(0, Math.min(list.length - length, at - rng.nextInt(length)));
    removeRange(s, v, from, from + length, removed);
  }
  // The vehicles based nearest the seed may take work there too (an empty or far route included).
  for (let q = 0; q < Math.min(2, near.kv); q++) touch(near.vehicles[seed * near.kv + q]);
}
