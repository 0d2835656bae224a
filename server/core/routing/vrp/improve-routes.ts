/**
 * Local search from routes the caller already has (a day planned in pieces,
 * crew by crew): the solver's operators, and nothing else, until no move
 * pays. Never drops or adds a job, never breaks a shift, a capacity or a pin.
 *
 * - 'distance': every VRP operator (relocate, swap, 2-opt*, 2-opt, route
 *   exchange), each move saving distance.
 * - 'makespan': longest-day relocate, each move shortening the longest day.
 */
import { invalidProblem } from '../base/errors.js';
import { Budget } from '../base/budget.js';
import type { VrpProblem } from '../base/types.js';
import { VrpLocalSearch, VRP_OPERATORS } from './local-search.js';
import { buildModel } from './model/model.js';
import { longestDayRelocate, longestRoute } from './operators/longest-day-relocate.js';
import { RouteState } from './model/state.js';

export const IMPROVE_ROUTES_DEFAULTS = {
  /** Rounds of the 'makespan' search at most (each: the longest route's jobs, until no move). */
  maxMakespanRounds: 2000,
};

export interface ImprovedRoutes {
  /** Job lists per vehicle, in vehicle order. */
  routes: number[][];
  /** Moves applied. */
  moves: number;
}

export function improveRoutes(problem: VrpProblem, routes: readonly (readonly number[])[], options: { timeMs?: number; now?: () => number } = {}): ImprovedRoutes {
  const budget = new Budget({ timeMs: options.timeMs, now: options.now });
  const timeUp = () => budget.timeUp();
  const makespan = problem.objective === 'makespan';
  // Longest-day relocate scans every route: it needs no neighbour lists. Moves only: no job is judged unservable.
  const model = buildModel(problem, makespan ? { adjacency: 0, neverFits: false } : { neverFits: false });
  if (routes.length !== model.vehicles) throw invalidProblem(`${routes.length} routes for ${model.vehicles} vehicles`);
  const s = new RouteState(model);
  const seen = new Uint8Array(model.m);
  routes.forEach((jobs, v) => {
    for (const j of jobs) {
      if (!Number.isInteger(j) || j < 0 || j >= model.m) throw invalidProblem(`route of vehicle ${v} has job ${j} outside 0..${model.m - 1}`);
      if (seen[j]++) throw invalidProblem(`job ${j} appears twice in the routes`, { job: j });
    }
    s.setRoute(v, jobs);
  });
  s.changedJobs.length = 0;
  if (!makespan) {
    const ls = new VrpLocalSearch(s, VRP_OPERATORS);
    ls.pushAll();
    ls.run(timeUp);
    return { routes: s.snapshot(), moves: ls.moves };
  }
  const ls = new VrpLocalSearch(s, [longestDayRelocate]);
  for (let round = 0; round < IMPROVE_ROUTES_DEFAULTS.maxMakespanRounds; round++) {
    const longest = longestRoute(s);
    if (longest < 0 || budget.timeUp()) break;
    ls.pushRoute(longest);
    if (ls.run(timeUp) <= 0) break;
  }
  return { routes: s.snapshot(), moves: ls.moves };
}
