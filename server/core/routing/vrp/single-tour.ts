/**
 * One crew that can take every job (start = end, symmetric matrices, the whole
 * load fits): a plain TSP through the base and the jobs' locations. The TSP
 * solver's iterated local search is far cheaper per iteration than ruin and
 * recreate, so a 40-stop day is solved in a few milliseconds. If a first local
 * optimum already breaks the shift, the caller falls back to the general search.
 */
import type { SolveOptions } from '../base/budget.js';
import { solveSymmetricTsp } from '../tsp/solve-tsp.js';
import type { Model } from './model/model.js';

export const SINGLE_TOUR_DEFAULTS = {
  /** TSP kicks per VRP iteration of the caller's budget. */
  kicksPerIteration: 10,
  /** Kicks when the caller gives no budget: base + perJob * jobs. */
  kicksBase: 100,
  kicksPerJob: 10,
};

/** Job lists per vehicle, or null if this is not a single-tour case or the tour breaks the shift. */
export function solveSingleTour(model: Model, servable: readonly number[], options: SolveOptions, budgetGiven: boolean): number[][] | null {
  if (model.vehicles !== 1 || !model.symmetric || model.allowed !== null) return null;
  if (servable.length !== model.m || model.vStart[0] !== model.vEnd[0]) return null;
  let load = 0;
  let service = 0;
  for (let j = 0; j < model.m; j++) {
    load += model.jobDemand[j];
    service += model.jobService[j];
  }
  if (load > model.vCap[0]) return null;
  const n = model.size;
  const nodes = [model.vStart[0], ...Array.from(model.jobLoc)];
  const k = nodes.length;
  const sub = new Int32Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sub[a * k + b] = model.dist[nodes[a] * n + nodes[b]];
  const durationOf = (tour: number[]): number => {
    let travel = 0;
    let last = 0;
    for (let i = 1; i <= tour.length; i++) {
      const next = i < tour.length ? tour[i] : 0;
      travel += model.dur[nodes[last] * n + nodes[next]];
      last = next;
    }
    return travel + service;
  };
  const toRoutes = (tour: number[]): number[][] => [tour.slice(1).map((i) => i - 1)];
  // A quick local optimum first: if even that breaks the shift, leave the whole budget to the general search.
  const quick = solveSymmetricTsp(sub, k, { ...options, start: 0, localSearchOnly: true });
  if (durationOf(quick.tour) > model.vMaxDuration[0]) return null;
  const iterations = budgetGiven
    ? options.iterations === undefined
      ? undefined
      : options.iterations * SINGLE_TOUR_DEFAULTS.kicksPerIteration
    : SINGLE_TOUR_DEFAULTS.kicksBase + SINGLE_TOUR_DEFAULTS.kicksPerJob * model.m;
  const { tour } = solveSymmetricTsp(sub, k, { ...options, iterations, start: 0, initialTour: quick.tour });
  return toRoutes(durationOf(tour) <= model.vMaxDuration[0] ? tour : quick.tour);
}
