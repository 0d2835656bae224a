/**
 * The VRP solver: construction (Clarke-Wright savings for a one-depot fleet,
 * otherwise cheapest insertion), then ruin and recreate (SISR string removal,
 * greedy reinsertion with blinks, local search on the changed routes) under
 * simulated-annealing acceptance cooling over the budget.
 *
 * Objective, lexicographic: most served priority, then most served jobs, then
 * least distance (or, for 'makespan', the shortest longest crew day, then
 * least distance). Jobs that cannot be served are reported with a reason.
 */
import { Budget, monotonicMs, type SolveOptions } from '../base/budget.js';
import { Rng } from '../base/random.js';
import type { UnassignedReason, VrpProblem, VrpRoute, VrpSolution } from '../base/types.js';
import { VrpLocalSearch } from './local-search.js';
import { buildModel, type Model } from './model/model.js';
import { recreate, sortForRecreate } from './recreate.js';
import { ruinStrings } from './ruin.js';
import { clarkeWrightSavings, isSavingsApplicable } from './savings.js';
import { solveSingleTour } from './single-tour.js';
import { RouteState } from './model/state.js';

export const VRP_DEFAULTS = {
  /** Wall-clock cap when the caller gives no budget. */
  timeMs: 1000,
  /** Iteration cap when the caller gives no budget: base + perJob * jobs. */
  iterationsBase: 300,
  iterationsPerJob: 25,
  seed: 1,
  /** Annealing temperatures as multiples of the mean edge of the first solution. */
  startTemperature: 1,
  endTemperature: 0.01,
  /** Unassigned jobs near the ruined area that are offered to recreate, per removed job. */
  waitingNearRemoved: 10,
  /** Random unassigned jobs offered to recreate per iteration. */
  waitingRandom: 3,
  /** Share of iterations (when jobs wait) that ruin around a waiting job instead of a served one. */
  waitingSeedRate: 0.5,
};

export interface VrpSolveOptions extends SolveOptions {
  /** If given, receives the number of ruin-and-recreate iterations run. */
  stats?: { iterations: number };
  /** When the time budget started (clock of `now`); default: on entry. */
  startMs?: number;
  /** Construction and one local search only (the benchmark's baseline). */
  localSearchOnly?: boolean;
}

interface Score {
  priority: number;
  served: number;
  cost: number;
}

function scoreOf(s: RouteState): Score {
  return { priority: s.servedPriority(), served: s.servedCount(), cost: s.totalDistance() };
}

/** Lexicographic: more priority, more jobs, less cost. */
function isBetter(a: Score, b: Score): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.served !== b.served) return a.served > b.served;
  return a.cost < b.cost;
}

export function solveVrp(problem: VrpProblem, options: VrpSolveOptions = {}): VrpSolution {
  // The time budget covers building the model (neighbour lists) too.
  const startMs = (options.now ?? monotonicMs)();
  const model = buildModel(problem);
  const timed = { ...options, startMs };
  const routes = problem.objective === 'makespan' ? solveMakespan(model, timed) : solveModel(model, timed);
  return solutionFromRoutes(model, routes);
}

/** The caller's budget, or the defaults when it gives none. */
function resolveBudget(model: Model, options: VrpSolveOptions): VrpSolveOptions {
  if (options.timeMs !== undefined || options.iterations !== undefined) return options;
  return {
    ...options,
    timeMs: VRP_DEFAULTS.timeMs,
    iterations: VRP_DEFAULTS.iterationsBase + VRP_DEFAULTS.iterationsPerJob * model.m,
  };
}

/** Solves a built model; returns the job list of each vehicle. */
export function solveModel(model: Model, options: VrpSolveOptions = {}, initial?: readonly (readonly number[])[]): number[][] {
  const budget = new Budget(resolveBudget(model, options), options.startMs);
  const rng = new Rng(options.seed ?? VRP_DEFAULTS.seed);
  const s = new RouteState(model);
  const ls = new VrpLocalSearch(s);
  const servable: number[] = [];
  for (let j = 0; j < model.m; j++) if (model.neverFits[j] === null) servable.push(j);
  if (model.vehicles === 0 || servable.length === 0) return s.snapshot();

  if (!initial && !options.localSearchOnly) {
    const budgetGiven = options.timeMs !== undefined || options.iterations !== undefined;
    const timeMs = budgetGiven ? options.timeMs : VRP_DEFAULTS.timeMs;
    const remaining = timeMs === undefined ? undefined : Math.max(0, timeMs - budget.elapsedMs());
    const single = solveSingleTour(model, servable, { ...options, timeMs: remaining }, budgetGiven);
    if (single) return single;
  }
  if (initial) s.restore(initial);
  else construct(s, servable, rng);
  s.changedJobs.length = 0;
  ls.pushAll();
  const timeUp = () => budget.timeUp();
  ls.run(timeUp);
  if (options.localSearchOnly) return s.snapshot();

  let current = scoreOf(s);
  let best = current;
  let bestRoutes = s.snapshot();
  const edges = current.served + model.vehicles;
  const meanEdge = Math.max(1, current.cost / Math.max(1, edges));
  const t0 = VRP_DEFAULTS.startTemperature * meanEdge;
  const t1 = VRP_DEFAULTS.endTemperature * meanEdge;
  const removed: number[] = [];
  const offered = new Uint8Array(model.m);

  while (budget.tick()) {
    s.begin();
    removed.length = 0;
    // Now and then make room around a waiting job (of the higher priority among a few picked at random).
    const waiting = servable.length > current.served && rng.nextFloat() < VRP_DEFAULTS.waitingSeedRate ? pickWaitingJob(s, rng) : -1;
    ruinStrings(s, rng, removed, waiting);
    const candidates = removed.slice();
    if (waiting >= 0) candidates.push(waiting);
    for (const j of candidates) offered[j] = 1;
    if (servable.length > current.served) offerWaitingJobs(s, rng, removed, candidates, offered);
    for (const j of candidates) offered[j] = 0;
    sortForRecreate(model, candidates, rng);
    recreate(s, candidates, rng);
    ls.pushChanged();
    ls.run(timeUp);

    const candidate = scoreOf(s);
    const temperature = t0 * Math.pow(t1 / t0, budget.progress());
    const accept =
      candidate.priority !== current.priority
        ? candidate.priority > current.priority
        : candidate.served !== current.served
          ? candidate.served > current.served
          : candidate.cost < current.cost - temperature * Math.log(rng.nextFloat());
    if (accept) {
      s.commit();
      current = candidate;
      if (isBetter(current, best)) {
        best = current;
        bestRoutes = s.snapshot();
      }
    } else {
      s.rollback();
    }
  }
  if (options.stats) options.stats.iterations += budget.done;
  return bestRoutes;
}

/** An unassigned servable job: the highest priority of a few random picks; -1 if none found. */
function pickWaitingJob(s: RouteState, rng: Rng): number {
  const model = s.model;
  let best = -1;
  for (let tries = 0, found = 0; tries < 20 && found < 3; tries++) {
    const v = rng.nextInt(model.m);
    if (s.jobRoute[v] >= 0 || model.neverFits[v] !== null) continue;
    found++;
    if (best < 0 || model.jobPriority[v] > model.jobPriority[best]) best = v;
  }
  return best;
}

function offerWaitingJobs(s: RouteState, rng: Rng, removed: readonly number[], candidates: number[], offered: Uint8Array): void {
  const model = s.model;
  const near = Math.min(VRP_DEFAULTS.waitingNearRemoved, model.adjacency);
  for (const j of removed) {
    for (let q = 0; q < near; q++) {
      const v = model.neighbours[j * model.adjacency + q];
      if (s.jobRoute[v] < 0 && !offered[v] && model.neverFits[v] === null) {
        offered[v] = 1;
        candidates.push(v);
      }
    }
  }
  for (let tries = 0, found = 0; tries < 4 * VRP_DEFAULTS.waitingRandom && found < VRP_DEFAULTS.waitingRandom; tries++) {
    const v = rng.nextInt(model.m);
    if (s.jobRoute[v] < 0 && !offered[v] && model.neverFits[v] === null) {
      offered[v] = 1;
      candidates.push(v);
      found++;
    }
  }
}

/** Savings routes when the fleet allows (keeping the fullest if too many), then cheapest insertion. */
function construct(s: RouteState, servable: number[], rng: Rng): void {
  const model = s.model;
  let pending: number[] = servable.slice();
  if (isSavingsApplicable(model)) {
    const routes = clarkeWrightSavings(model, servable);
    const load = (r: number[]) => r.reduce((t, j) => t + model.jobDemand[j], 0);
    routes.sort((a, b) => load(b) - load(a) || b.length - a.length);
    pending = [];
    routes.forEach((r, i) => {
      if (i < model.vehicles) s.setRoute(i, r);
      else pending.push(...r);
    });
    pending.sort((a, b) => model.jobPriority[b] - model.jobPriority[a] || model.jobDemand[b] - model.jobDemand[a] || a - b);
  } else {
    sortForRecreate(model, pending, rng);
  }
  recreate(s, pending, null);
}

/** Builds the public solution; every figure recomputed from the matrices. */
export function solutionFromRoutes(model: Model, routes: readonly (readonly number[])[]): VrpSolution {
  const n = model.size;
  const out: VrpRoute[] = [];
  let total = 0;
  const assigned = new Uint8Array(model.m);
  for (let v = 0; v < model.vehicles; v++) {
    const jobs = (routes[v] ?? []).slice();
    const start = model.vShiftStart[v];
    let t = start;
    let distance = 0;
    let travel = 0;
    let service = 0;
    let last = model.vStart[v];
    const arrivalSeconds: number[] = [];
    for (const j of jobs) {
      assigned[j] = 1;
      const l = model.jobLoc[j];
      t += model.dur[last * n + l];
      travel += model.dur[last * n + l];
      distance += model.dist[last * n + l];
      arrivalSeconds.push(t);
      t += model.jobService[j];
      service += model.jobService[j];
      last = l;
    }
    if (jobs.length > 0) {
      const e = model.vEnd[v];
      t += model.dur[last * n + e];
      travel += model.dur[last * n + e];
      distance += model.dist[last * n + e];
    }
    total += distance;
    out.push({ vehicle: v, jobs, arrivalSeconds, endSeconds: t, distance, travelSeconds: travel, serviceSeconds: service });
  }
  const unassigned: { job: number; reason: UnassignedReason }[] = [];
  for (let j = 0; j < model.m; j++) if (!assigned[j]) unassigned.push({ job: j, reason: model.neverFits[j] ?? 'not_enough_time' });
  return { routes: out, unassigned, distance: total };
}

/** Travel + service seconds of a job list driven by vehicle v (0 when empty). */
function routeDuration(model: Model, v: number, jobs: readonly number[]): number {
  if (jobs.length === 0) return 0;
  const n = model.size;
  let last = model.vStart[v];
  let total = 0;
  for (const j of jobs) {
    total += model.dur[last * n + model.jobLoc[j]] + model.jobService[j];
    last = model.jobLoc[j];
  }
  return total + model.dur[last * n + model.vEnd[v]];
}

function makespanOf(model: Model, routes: readonly (readonly number[])[]): number {
  let worst = 0;
  routes.forEach((r, v) => (worst = Math.max(worst, routeDuration(model, v, r))));
  return worst;
}

function servedScore(model: Model, routes: readonly (readonly number[])[]): [number, number] {
  let priority = 0;
  let served = 0;
  for (const r of routes) {
    for (const j of r) priority += model.jobPriority[j];
    served += r.length;
  }
  return [priority, served];
}

/**
 * Makespan: solve for distance, then repeatedly cap every shift just below
 * the longest crew day and re-solve from the previous routes (trimmed to fit);
 * keep a cap as long as it serves as much as before. The step adapts: grows
 * after a success, halves after a failure. With a backlog (some job that could
 * be served is not), the days are full anyway and the rest of the budget goes
 * to serving more.
 */
export function solveMakespan(model: Model, options: VrpSolveOptions = {}): number[][] {
  const full = resolveBudget(model, options);
  const master = new Budget({ ...full, iterations: undefined }, full.startMs);
  const phase = (fraction: number, round: number): VrpSolveOptions => ({
    ...full,
    startMs: undefined,
    seed: (full.seed ?? VRP_DEFAULTS.seed) + round,
    timeMs: full.timeMs === undefined ? undefined : Math.max(1, full.timeMs * fraction),
    iterations: full.iterations === undefined ? undefined : Math.max(1, Math.floor(full.iterations * fraction)),
  });
  let routes = solveModel(model, { ...phase(0.5, 0), startMs: full.startMs });
  const target = servedScore(model, routes);
  let servable = 0;
  for (let j = 0; j < model.m; j++) if (model.neverFits[j] === null) servable++;
  if (target[1] < servable) {
    // A backlog: every crew's day is full, so no cap can hold what is served. Spend the rest on serving more.
    return solveModel(model, { ...phase(0.5, 0), seed: (full.seed ?? VRP_DEFAULTS.seed) + 1 }, routes);
  }
  let makespan = makespanOf(model, routes);
  let step = Math.max(1, Math.floor(makespan * 0.05));
  const roundFraction = 0.5 / 8;
  for (let round = 1; round <= 8 && step >= 1 && makespan > 0; round++) {
    if (full.timeMs !== undefined && master.elapsedMs() >= full.timeMs) break;
    const cap = makespan - step;
    const capped: Model = { ...model, vMaxDuration: model.vMaxDuration.map((d) => Math.min(d, cap)) };
    const trimmed = routes.map((r, v) => {
      const out = r.slice();
      while (out.length > 0 && routeDuration(model, v, out) > cap) out.pop();
      return out;
    });
    const candidate = solveModel(capped, phase(roundFraction, round), trimmed);
    const score = servedScore(model, candidate);
    if (score[0] === target[0] && score[1] === target[1]) {
      routes = candidate;
      makespan = makespanOf(model, routes);
      step *= 2;
    } else {
      step = Math.floor(step / 2);
    }
  }
  return routes;
}
