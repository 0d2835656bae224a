/**
 * The routes of a prize-collecting search: each vehicle's job list with its
 * totals (driving seconds, cost, time on site), where each job is, and the
 * cheapest feasible insertion of one job into one route.
 */
import type { PrizeProblem } from './problem.js';

export class PrizeRoutes {
  readonly jobs: number[][];
  /** Driving seconds per route. */
  readonly travel: Float64Array;
  /** Cost per route (metres or seconds, as the problem says). */
  readonly cost: Float64Array;
  /** Time on site per route. */
  readonly service: Float64Array;
  /** Route of each job, -1: not served. */
  readonly routeOf: Int32Array;
  /** Per route, the leg into position q (q = length: the leg back to the end), seconds and cost. */
  private readonly legS: number[][];
  private readonly legC: number[][];
  prize = 0;
  totalCost = 0;

  constructor(
    readonly p: PrizeProblem,
    initial: readonly (readonly number[])[],
  ) {
    const V = p.vehicles.length;
    this.jobs = Array.from({ length: V }, (_, v) => (initial[v] ?? []).slice());
    this.travel = new Float64Array(V);
    this.cost = new Float64Array(V);
    this.service = new Float64Array(V);
    this.routeOf = new Int32Array(p.jobCount).fill(-1);
    this.legS = this.jobs.map(() => []);
    this.legC = this.jobs.map(() => []);
    for (let v = 0; v < V; v++) {
      for (const j of this.jobs[v]) {
        this.routeOf[j] = v;
        this.prize += p.prize[j];
      }
      this.retotal(v);
    }
  }

  /** Recomputes route v's totals from its job list (and the day's total cost). */
  retotal(v: number): void {
    const p = this.p;
    const veh = p.vehicles[v];
    const list = this.jobs[v];
    let travel = 0;
    let cost = 0;
    let service = 0;
    const legS = this.legS[v];
    const legC = this.legC[v];
    legS.length = list.length + 1;
    legC.length = list.length + 1;
    let at = veh.start;
    for (let q = 0; q <= list.length; q++) {
      const to = q < list.length ? list[q] : veh.end;
      const ls = p.seconds(at, to);
      const lc = p.costBy === 'metres' ? p.metres(at, to) : ls;
      legS[q] = ls;
      legC[q] = lc;
      if (list.length > 0) {
        travel += ls;
        cost += lc;
      }
      if (q < list.length) service += p.service[list[q]];
      at = to;
    }
    this.totalCost += cost - this.cost[v];
    this.travel[v] = travel;
    this.cost[v] = cost;
    this.service[v] = service;
  }

  /** Seconds of the leg into position q of route v (q = length: back to the end). */
  legSeconds(v: number, q: number): number {
    return this.legS[v][q];
  }

  legCost(v: number, q: number): number {
    return this.legC[v][q];
  }

  /** Seconds route v may still grow by. */
  slack(v: number): number {
    const veh = this.p.vehicles[v];
    return veh.endSeconds - veh.startSeconds - this.travel[v] - this.service[v];
  }

  /** Snapshot of the routes (job lists only). */
  snapshot(): number[][] {
    return this.jobs.map((r) => r.slice());
  }
}

/** Result slot of `bestInsertion`. */
export interface Insertion {
  route: number;
  position: number;
  cost: number;
}

/**
 * Cheapest feasible position of job u in route v (cost added), written into
 * `best` when cheaper than best.cost. `blink`: chance to skip a position
 * (randomised recreate), with `random` in [0, 1). With symmetric legs each
 * stop's leg to u is asked once (it serves the gap before and after the stop).
 */
export function bestInsertion(s: PrizeRoutes, v: number, u: number, best: Insertion, blink = 0, random: () => number = Math.random): void {
  const p = s.p;
  const veh = p.vehicles[v];
  const list = s.jobs[v];
  if (list.length + 1 > veh.capacity) return;
  if (p.onlyVehicle[u] >= 0 && p.onlyVehicle[u] !== v) return;
  const room = s.slack(v) - p.service[u];
  if (room < 0) return;
  const byMetres = p.costBy === 'metres';
  const rank = p.rank;
  const ru = rank ? rank[u] : 0;
  const n = list.length;
  const idle = n === 0 && veh.start === veh.end;
  const seconds = p.seconds;
  const metres = p.metres;
  // Legs prev -> u (a) carried over from the previous gap's u -> next when symmetric.
  let aS = seconds(veh.start, u);
  let aC = byMetres ? metres(veh.start, u) : aS;
  let prevRank = 0;
  for (let pos = 0; pos <= n; pos++) {
    const next = pos < n ? list[pos] : veh.end;
    const nextRank = pos < n && rank ? rank[next] : 255;
    const bS = seconds(u, next);
    const bC = byMetres ? metres(u, next) : bS;
    if (prevRank <= ru && ru <= nextRank && !(blink > 0 && random() < blink)) {
      const added = aS + bS - (idle ? 0 : s.legSeconds(v, pos));
      if (added <= room) {
        const c = aC + bC - (idle ? 0 : s.legCost(v, pos));
        if (c < best.cost) {
          best.cost = c;
          best.route = v;
          best.position = pos;
        }
      }
    }
    if (pos < n) {
      prevRank = rank ? rank[next] : 0;
      if (p.symmetric) {
        aS = bS;
        aC = bC;
      } else {
        aS = seconds(next, u);
        aC = byMetres ? metres(next, u) : aS;
      }
    }
  }
}

/** Inserts job u into route v at `position` (totals updated). */
export function insertAt(s: PrizeRoutes, v: number, u: number, position: number): void {
  s.jobs[v].splice(position, 0, u);
  s.routeOf[u] = v;
  s.prize += s.p.prize[u];
  s.retotal(v);
}

/** Removes the jobs at positions [from, to) of route v that may leave (not kept); returns them. */
export function removeRange(s: PrizeRoutes, v: number, from: number, to: number, out: number[]): void {
  const list = s.jobs[v];
  const stay: number[] = [];
  for (let q = from; q < to; q++) {
    const j = list[q];
    if (s.p.keep[j]) stay.push(j);
    else {
      out.push(j);
      s.routeOf[j] = -1;
      s.prize -= s.p.prize[j];
    }
  }
  list.splice(from, to - from, ...stay);
}
