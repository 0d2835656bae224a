/**
 * Cheapest feasible insertion of one job into the current routes (recreate,
 * construction and urgent-job insertion all use it).
 */
import type { Rng } from '../base/random.js';
import { isAllowed } from './model/model.js';
import type { RouteState } from './model/state.js';

export interface Insertion {
  route: number;
  /** Insert between positions gap and gap+1 (0 = right after the start). */
  gap: number;
  /** Added distance. */
  cost: number;
  /** Added travel + service seconds. */
  addedSeconds: number;
}

export function emptyInsertion(): Insertion {
  return { route: -1, gap: -1, cost: Infinity, addedSeconds: 0 };
}

/**
 * Finds the cheapest feasible insertion of job j into `out`; false if none.
 * With an rng, each candidate that would become the best is skipped with
 * probability blinkRate (SISR "blinks"). Ties keep the first route and gap.
 */
export function findCheapestInsertion(s: RouteState, j: number, out: Insertion, rng: Rng | null = null, blinkRate = 0): boolean {
  const model = s.model;
  const n = model.size;
  const dist = model.dist;
  const dur = model.dur;
  const l = model.jobLoc[j];
  const demand = model.jobDemand[j];
  const service = model.jobService[j];
  out.route = -1;
  out.cost = Infinity;
  for (let r = 0; r < model.vehicles; r++) {
    if (!isAllowed(model, r, j)) continue;
    if (s.load(r) + demand > model.vCap[r]) continue;
    const len = s.len[r];
    const slack = model.vMaxDuration[r] - s.duration(r) - service;
    // No detour is below minDetourSeconds (0 under the triangle inequality): a full day takes no more jobs.
    if (slack < model.minDetourSeconds) continue;
    const b = r * s.stride;
    const locs = s.locs;
    for (let p = 0; p <= len; p++) {
      const a = locs[b + p];
      const c = locs[b + p + 1];
      let dd = dist[a * n + l] + dist[l * n + c];
      let dt = dur[a * n + l] + dur[l * n + c];
      if (len > 0) {
        dd -= dist[a * n + c];
        dt -= dur[a * n + c];
      }
      if (dd >= out.cost || dt > slack) continue;
      if (rng !== null && rng.nextFloat() < blinkRate) continue;
      out.route = r;
      out.gap = p;
      out.cost = dd;
      out.addedSeconds = dt + service;
    }
  }
  return out.route >= 0;
}

/** Inserts job j as found by findCheapestInsertion. */
export function applyInsertion(s: RouteState, j: number, ins: Insertion): void {
  const jobs = s.routeJobs(ins.route);
  jobs.splice(ins.gap, 0, j);
  s.setRoute(ins.route, jobs);
}
