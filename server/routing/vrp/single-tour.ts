/**
 * One crew that can take every job (start = end, symmetric matrices, the whole
 * load fits): a plain TSP through the base and the jobs' locations. The TSP
 * solver's iterated local search is far cheaper per iteration than ruin and
 * recreate, so a 40-stop day is solved in a few milliseconds. If the best tour
 * breaks the shift, the caller falls back to the general search.
 */
import type { SolveOptions } from '../budget.js';
import { solveTsp } from '../tsp/solve-tsp.js';
import type { Model } from './model.js';

export const SINGLE_TOUR_DEFAULTS = {
  /** TSP kicks per VRP iteration of the caller's budget. */
  kicksPerIteration: 10,
  /** Kicks when the caller gives no budget: base + perJob * jobs. */
  kicksBase: 500,
  kicksPerJob: 50,
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
  const iterations = budgetGiven
    ? options.iterations === undefined
      ? undefined
      : options.iterations * SINGLE_TOUR_DEFAULTS.kicksPerIteration
    : SINGLE_TOUR_DEFAULTS.kicksBase + SINGLE_TOUR_DEFAULTS.kicksPerJob * model.m;
  const { tour } = solveTsp(sub, k, { ...options, iterations, start: 0 });
  const jobs = tour.slice(1).map((i) => i - 1);
  let travel = 0;
  let last = model.vStart[0];
  for (const j of jobs) {
    travel += model.dur[last * n + model.jobLoc[j]];
    last = model.jobLoc[j];
  }
  travel += model.dur[last * n + model.vEnd[0]];
  return travel + service <= model.vMaxDuration[0] ? [jobs] : null;
}
