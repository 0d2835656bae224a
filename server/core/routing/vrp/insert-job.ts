/**
 * Urgent insertion: put one more job into existing routes where it costs
 * least (or where it is reached soonest), without moving anything else.
 */
import { invalidProblem } from '../base/errors.js';
import type { VrpProblem, VrpSolution } from '../base/types.js';
import { buildModel, isAllowed } from './model/model.js';
import { RouteState } from './model/state.js';

export interface InsertJobOptions {
  /** 'cost' (default): least added distance. 'earliestArrival': reach the job soonest (Critical tickets). */
  prefer?: 'cost' | 'earliestArrival';
}

export interface JobInsertion {
  vehicle: number;
  /** Index in routes[vehicle].jobs the job takes (0 = first visit). */
  position: number;
  arrivalSeconds: number;
  /** Added travel + service seconds of that route. */
  addedSeconds: number;
  /** Added distance of that route. */
  addedDistance: number;
}

/** Cheapest feasible insertion of `job` into the routes of `solution`; null if it fits nowhere. */
export function insertJob(problem: VrpProblem, solution: VrpSolution, job: number, options: InsertJobOptions = {}): JobInsertion | null {
  const model = buildModel(problem, { adjacency: 0 });
  if (!Number.isInteger(job) || job < 0 || job >= model.m) throw invalidProblem(`job ${job} outside 0..${model.m - 1}`, { job });
  const s = new RouteState(model);
  const seen = new Uint8Array(model.m);
  for (const route of solution.routes) {
    const v = route.vehicle;
    if (!Number.isInteger(v) || v < 0 || v >= model.vehicles) throw invalidProblem(`route vehicle ${v} outside 0..${model.vehicles - 1}`);
    for (const j of route.jobs) {
      if (!Number.isInteger(j) || j < 0 || j >= model.m) throw invalidProblem(`route of vehicle ${v} has job ${j} outside 0..${model.m - 1}`);
      if (seen[j]++) throw invalidProblem(`job ${j} appears twice in the solution`, { job: j });
    }
    s.setRoute(v, route.jobs);
  }
  if (seen[job]) throw invalidProblem(`job ${job} is already in a route`, { job });

  const n = model.size;
  const { dist, dur } = model;
  const l = model.jobLoc[job];
  const service = model.jobService[job];
  const byArrival = options.prefer === 'earliestArrival';
  let best: JobInsertion | null = null;
  for (let v = 0; v < model.vehicles; v++) {
    if (!isAllowed(model, v, job)) continue;
    if (s.load(v) + model.jobDemand[job] > model.vCap[v]) continue;
    const len = s.len[v];
    const b = v * s.stride;
    for (let p = 0; p <= len; p++) {
      const a = s.locs[b + p];
      const c = s.locs[b + p + 1];
      let addedDistance = dist[a * n + l] + dist[l * n + c];
      let addedTravel = dur[a * n + l] + dur[l * n + c];
      if (len > 0) {
        addedDistance -= dist[a * n + c];
        addedTravel -= dur[a * n + c];
      }
      if (s.duration(v) + addedTravel + service > model.vMaxDuration[v]) continue;
      const arrivalSeconds = model.vShiftStart[v] + s.ft[b + p] + s.sv[b + p] + dur[a * n + l];
      const candidate = { vehicle: v, position: p, arrivalSeconds, addedSeconds: addedTravel + service, addedDistance };
      if (best === null || isPreferred(candidate, best, byArrival)) best = candidate;
    }
  }
  return best;
}

function isPreferred(a: JobInsertion, b: JobInsertion, byArrival: boolean): boolean {
  if (byArrival && a.arrivalSeconds !== b.arrivalSeconds) return a.arrivalSeconds < b.arrivalSeconds;
  if (a.addedDistance !== b.addedDistance) return a.addedDistance < b.addedDistance;
  if (a.addedSeconds !== b.addedSeconds) return a.addedSeconds < b.addedSeconds;
  return a.arrivalSeconds < b.arrivalSeconds;
}
