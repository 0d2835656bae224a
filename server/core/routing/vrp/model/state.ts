/**
 * Routes of a VRP solution with cached prefix sums per position, so that any
 * move's cost and feasibility are evaluated in O(1) per route segment.
 *
 * Route r has positions 0..len+1: 0 is the vehicle's start, 1..len its jobs,
 * len+1 its end. Per position p (flat index r*stride + p):
 *   fd/ft  distance/travel seconds from the start to p, driving forwards;
 *   bd/bt  the same path driven backwards (for reversed segments, asymmetric matrices);
 *   sv/ld  service seconds and load of jobs 1..p.
 * A route without jobs costs nothing, even when start != end.
 */
import { RouteEvaluator } from './evaluate.js';
import type { Model } from './model.js';

export class RouteState {
  readonly model: Model;
  readonly stride: number;
  readonly len: Int32Array;
  readonly jobs: Int32Array;
  readonly locs: Int32Array;
  readonly fd: Float64Array;
  readonly bd: Float64Array;
  readonly ft: Float64Array;
  readonly bt: Float64Array;
  readonly sv: Float64Array;
  readonly ld: Float64Array;
  readonly routePriority: Float64Array;
  /** Route of each job, -1 when unassigned. */
  readonly jobRoute: Int32Array;
  /** Position of each assigned job in its route (1-based). */
  readonly jobPos: Int32Array;
  /** Number of vehicles without jobs. */
  emptyRoutes = 0;
  /** Scratch evaluator of candidate routes. */
  readonly ev: RouteEvaluator;

  // Undo support: routes changed since begin(), with their former jobs.
  private inTransaction = false;
  private readonly dirty: Uint8Array;
  readonly dirtyRoutes: number[] = [];
  private readonly backupJobs: Int32Array;
  private readonly backupLen: Int32Array;

  constructor(model: Model) {
    this.model = model;
    const K = model.vehicles;
    const S = (this.stride = model.m + 2);
    this.len = new Int32Array(K);
    this.jobs = new Int32Array(K * S).fill(-1);
    this.locs = new Int32Array(K * S);
    this.fd = new Float64Array(K * S);
    this.bd = new Float64Array(K * S);
    this.ft = new Float64Array(K * S);
    this.bt = new Float64Array(K * S);
    this.sv = new Float64Array(K * S);
    this.ld = new Float64Array(K * S);
    this.routePriority = new Float64Array(K);
    this.jobRoute = new Int32Array(model.m).fill(-1);
    this.jobPos = new Int32Array(model.m);
    this.dirty = new Uint8Array(K);
    this.backupJobs = new Int32Array(K * S);
    this.backupLen = new Int32Array(K);
    this.ev = new RouteEvaluator(this);
    this.emptyRoutes = K;
    for (let r = 0; r < K; r++) this.writeRoute(r, [], 0);
  }

  distance(r: number): number {
    const n = this.len[r];
    return n === 0 ? 0 : this.fd[r * this.stride + n + 1];
  }

  travel(r: number): number {
    const n = this.len[r];
    return n === 0 ? 0 : this.ft[r * this.stride + n + 1];
  }

  service(r: number): number {
    return this.sv[r * this.stride + this.len[r]];
  }

  /** Travel plus service seconds; 0 for an empty route. */
  duration(r: number): number {
    const n = this.len[r];
    return n === 0 ? 0 : this.ft[r * this.stride + n + 1] + this.sv[r * this.stride + n];
  }

  load(r: number): number {
    return this.ld[r * this.stride + this.len[r]];
  }

  /** Job indexes of route r in visit order. */
  routeJobs(r: number): number[] {
    const b = r * this.stride;
    const n = this.len[r];
    const out = new Array<number>(n);
    for (let p = 0; p < n; p++) out[p] = this.jobs[b + 1 + p];
    return out;
  }

  totalDistance(): number {
    let total = 0;
    for (let r = 0; r < this.len.length; r++) total += this.distance(r);
    return total;
  }

  servedCount(): number {
    let total = 0;
    for (let r = 0; r < this.len.length; r++) total += this.len[r];
    return total;
  }

  servedPriority(): number {
    let total = 0;
    for (let r = 0; r < this.len.length; r++) total += this.routePriority[r];
    return total;
  }

  /**
   * Jobs whose predecessor or successor changed since the list was last
   * cleared (the jobs local search must look at again). Filled by setRoute.
   */
  readonly changedJobs: number[] = [];

  /** Replaces route r by the first `count` jobs of `seq`. */
  setRoute(r: number, seq: ArrayLike<number>, count = seq.length): void {
    if (this.inTransaction && !this.dirty[r]) this.saveRoute(r);
    const b = r * this.stride;
    const len = this.len[r];
    for (let p = 0; p < count; p++) {
      const j = seq[p];
      const prev = p > 0 ? seq[p - 1] : -1;
      const next = p < count - 1 ? seq[p + 1] : -1;
      if (this.jobRoute[j] !== r) {
        this.changedJobs.push(j);
        continue;
      }
      const q = this.jobPos[j];
      const oldPrev = q > 1 ? this.jobs[b + q - 1] : -1;
      const oldNext = q < len ? this.jobs[b + q + 1] : -1;
      if (prev !== oldPrev || next !== oldNext) this.changedJobs.push(j);
    }
    for (let p = 1; p <= this.len[r]; p++) {
      const j = this.jobs[b + p];
      if (this.jobRoute[j] === r) this.jobRoute[j] = -1;
    }
    this.writeRoute(r, seq, count);
  }

  private writeRoute(r: number, seq: ArrayLike<number>, count: number): void {
    const { model, jobs, locs, fd, bd, ft, bt, sv, ld } = this;
    const n = model.size;
    const dist = model.dist;
    const dur = model.dur;
    const b = r * this.stride;
    locs[b] = model.vStart[r];
    let priority = 0;
    for (let p = 1; p <= count; p++) {
      const j = seq[p - 1];
      jobs[b + p] = j;
      locs[b + p] = model.jobLoc[j];
      this.jobRoute[j] = r;
      this.jobPos[j] = p;
      priority += model.jobPriority[j];
    }
    jobs[b + count + 1] = -1;
    locs[b + count + 1] = model.vEnd[r];
    for (let p = 1; p <= count + 1; p++) {
      const a = locs[b + p - 1];
      const c = locs[b + p];
      fd[b + p] = fd[b + p - 1] + dist[a * n + c];
      bd[b + p] = bd[b + p - 1] + dist[c * n + a];
      ft[b + p] = ft[b + p - 1] + dur[a * n + c];
      bt[b + p] = bt[b + p - 1] + dur[c * n + a];
      if (p <= count) {
        const j = jobs[b + p];
        sv[b + p] = sv[b + p - 1] + model.jobService[j];
        ld[b + p] = ld[b + p - 1] + model.jobDemand[j];
      } else {
        sv[b + p] = sv[b + p - 1];
        ld[b + p] = ld[b + p - 1];
      }
    }
    if ((this.len[r] === 0) !== (count === 0)) this.emptyRoutes += count === 0 ? 1 : -1;
    this.len[r] = count;
    this.routePriority[r] = priority;
  }

  private saveRoute(r: number): void {
    this.dirty[r] = 1;
    this.dirtyRoutes.push(r);
    const b = r * this.stride;
    this.backupLen[r] = this.len[r];
    this.backupJobs.set(this.jobs.subarray(b + 1, b + 1 + this.len[r]), b);
  }

  /** Starts recording changes so that rollback() can restore this moment. */
  begin(): void {
    this.commit();
    this.inTransaction = true;
  }

  /** Keeps every change since begin(). */
  commit(): void {
    for (const r of this.dirtyRoutes) this.dirty[r] = 0;
    this.dirtyRoutes.length = 0;
    this.inTransaction = false;
  }

  /** Restores the routes as they were at begin(). */
  rollback(): void {
    this.inTransaction = false;
    const S = this.stride;
    for (const r of this.dirtyRoutes) {
      for (let p = 1; p <= this.len[r]; p++) {
        const j = this.jobs[r * S + p];
        if (this.jobRoute[j] === r) this.jobRoute[j] = -1;
      }
    }
    for (const r of this.dirtyRoutes) {
      this.writeRoute(r, this.backupJobs.subarray(r * S, r * S + this.backupLen[r]), this.backupLen[r]);
      this.dirty[r] = 0;
    }
    this.dirtyRoutes.length = 0;
  }

  /** All routes' jobs, for keeping a best solution. */
  snapshot(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.len.length; r++) out.push(this.routeJobs(r));
    return out;
  }

  restore(routes: readonly (readonly number[])[]): void {
    this.commit();
    for (let r = 0; r < routes.length; r++) this.setRoute(r, [], 0);
    for (let r = 0; r < routes.length; r++) this.setRoute(r, routes[r]);
  }
}
