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
      // An empty trip from a point back to it has not left; one between two points drives that leg.
      if (list.length > 0 || veh.start !== veh.end) {
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

  /** Inserts job u at `position` of route v, whose legs from the stop before and to the stop after are given. */
  insert(v: number, u: number, position: number, inS: number, inC: number, outS: number, outC: number): void {
    const legS = this.legS[v];
    const legC = this.legC[v];
    const dS = inS + outS - legS[position];
    const dC = inC + outC - legC[position];
    this.jobs[v].splice(position, 0, u);
    legS[position] = outS;
    legS.splice(position, 0, inS);
    legC[position] = outC;
    legC.splice(position, 0, inC);
    this.routeOf[u] = v;
    this.prize += this.p.prize[u];
    this.travel[v] += dS;
    this.cost[v] += dC;
    this.totalCost += dC;
    this.service[v] += this.p.service[u];
  }

  /** Legs and totals of route v without its jobs at [from, to) (the job list is the caller's to splice). */
  cut(v: number, from: number, to: number): void {
    const p = this.p;
    const veh = p.vehicles[v];
    const list = this.jobs[v];
    const legS = this.legS[v];
    const legC = this.legC[v];
    const a = from === 0 ? veh.start : list[from - 1];
    const b = to === list.length ? veh.end : list[to];
    const empty = to - from === list.length;
    const ls = p.seconds(a, b);
    const lc = p.costBy === 'metres' ? p.metres(a, b) : ls;
    let oldS = 0;
    let oldC = 0;
    let service = 0;
    for (let q = from; q <= to; q++) {
      oldS += legS[q];
      oldC += legC[q];
      if (q < to) service += p.service[list[q]];
    }
    // An emptied trip from a point back to it drives nothing.
    const newS = empty && veh.start === veh.end ? 0 : ls;
    const newC = empty && veh.start === veh.end ? 0 : lc;
    legS.splice(from, to - from + 1, newS);
    legC.splice(from, to - from + 1, newC);
    this.travel[v] += newS - oldS;
    this.cost[v] += newC - oldC;
    this.totalCost += newC - oldC;
    this.service[v] -= service;
  }

  /** A route's state, to put back with restore(). */
  save(v: number): SavedRoute {
    return { jobs: this.jobs[v].slice(), legS: this.legS[v].slice(), legC: this.legC[v].slice(), travel: this.travel[v], cost: this.cost[v], service: this.service[v] };
  }

  /** Puts route v back as saved (routeOf of its saved jobs included; the caller clears the others first). */
  restore(v: number, saved: SavedRoute): void {
    this.jobs[v] = saved.jobs;
    this.legS[v] = saved.legS;
    this.legC[v] = saved.legC;
    for (const j of saved.jobs) this.routeOf[j] = v;
    this.totalCost += saved.cost - this.cost[v];
    this.travel[v] = saved.travel;
    this.cost[v] = saved.cost;
    this.service[v] = saved.service;
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

export interface SavedRoute {
  jobs: number[];
  legS: number[];
  legC: number[];
  travel: number;
  cost: number;
  service: number;
}

/** Result slot of `bestInsertion`: where, the cost added, and the legs into and out of the job. */
export interface Insertion {
  route: number;
  position: number;
  cost: number;
  inS: number;
  inC: number;
  outS: number;
  outC: number;
}

export const emptyInsertion = (): Insertion => ({ route: -1, position: -1, cost: Infinity, inS: 0, inC: 0, outS: 0, outC: 0 });

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
  if (p.planar) return bestInsertionPlanar(s, v, u, best, blink, random);
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
        if (c < best.cost) keepInsertion(best, v, pos, c, aS, aC, bS, bC);
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

/** Records the insertion of a job at `position` of route v as the best so far (both searches below). */
function keepInsertion(best: Insertion, v: number, position: number, cost: number, inS: number, inC: number, outS: number, outC: number): void {
  best.cost = cost;
  best.route = v;
  best.position = position;
  best.inS = inS;
  best.inC = inC;
  best.outS = outS;
  best.outC = outC;
}

/** bestInsertion with the planar estimate: exact legs only for the gaps whose estimate could fit and win. */
function bestInsertionPlanar(s: PrizeRoutes, v: number, u: number, best: Insertion, blink: number, random: () => number): void {
  const p = s.p;
  const { secondsPerUnit, costPerUnit, tolerance } = p.planar!;
  const veh = p.vehicles[v];
  const list = s.jobs[v];
  const room = s.slack(v) - p.service[u];
  const byMetres = p.costBy === 'metres';
  const rank = p.rank;
  const ru = rank ? rank[u] : 0;
  const n = list.length;
  const idle = n === 0 && veh.start === veh.end;
  const x = p.x;
  const y = p.y;
  const ux = x[u];
  const uy = y[u];
  let prev = veh.start;
  let dx = x[prev] - ux;
  let dy = y[prev] - uy;
  let dPrev = Math.sqrt(dx * dx + dy * dy);
  let prevRank = 0;
  for (let pos = 0; pos <= n; pos++) {
    const next = pos < n ? list[pos] : veh.end;
    const nextRank = pos < n && rank ? rank[next] : 255;
    dx = x[next] - ux;
    dy = y[next] - uy;
    const dNext = Math.sqrt(dx * dx + dy * dy);
    if (prevRank <= ru && ru <= nextRank && !(blink > 0 && random() < blink)) {
      const ex = x[next] - x[prev];
      const ey = y[next] - y[prev];
      const dDirect = idle ? 0 : Math.sqrt(ex * ex + ey * ey);
      const detour = dPrev + dNext - dDirect;
      const margin = tolerance * (dPrev + dNext + dDirect);
      // Rounding: up to 1.5 per leg sum.
      if ((detour - margin) * secondsPerUnit - 2 <= room && (detour - margin) * costPerUnit - 2 < best.cost) {
        const aS = p.seconds(prev, u);
        const aC = byMetres ? p.metres(prev, u) : aS;
        const bS = p.seconds(u, next);
        const bC = byMetres ? p.metres(u, next) : bS;
        const added = aS + bS - (idle ? 0 : s.legSeconds(v, pos));
        if (added <= room) {
          const c = aC + bC - (idle ? 0 : s.legCost(v, pos));
          if (c < best.cost) keepInsertion(best, v, pos, c, aS, aC, bS, bC);
        }
      }
    }
    if (pos < n) prevRank = rank ? rank[next] : 0;
    prev = next;
    dPrev = dNext;
  }
}

/** Inserts job u where `best` says (totals updated from its legs). */
export function insertBest(s: PrizeRoutes, u: number, best: Insertion): void {
  s.insert(best.route, u, best.position, best.inS, best.inC, best.outS, best.outC);
}

/** Removes the jobs at positions [from, to) of route v that may leave (not kept), into `out`; totals updated. */
export function removeRange(s: PrizeRoutes, v: number, from: number, to: number, out: number[]): void {
  const list = s.jobs[v];
  let kept = false;
  for (let q = from; q < to && !kept; q++) kept = s.p.keep[list[q]] === 1;
  if (!kept && to > from) {
    s.cut(v, from, to);
    for (let q = from; q < to; q++) {
      const j = list[q];
      out.push(j);
      s.routeOf[j] = -1;
      s.prize -= s.p.prize[j];
    }
    list.splice(from, to - from);
    return;
  }
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
  s.retotal(v);
}
