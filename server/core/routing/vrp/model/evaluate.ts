/**
 * Cost of a route built from pieces of existing routes, without building it:
 * start at a location, append segments (forwards or reversed) and single
 * locations, end at a location. One instance per RouteState (state.ev),
 * holding that state's matrices; allocation-free.
 */
import type { Model } from './model.js';

/**
 * What the evaluator reads of a route state (state.ts): the matrices and the
 * per-position prefix sums. Named here so that state.ts depends on this file,
 * not the other way round.
 */
export interface RoutePrefixSums {
  readonly model: Pick<Model, 'size' | 'dist' | 'dur'>;
  readonly stride: number;
  readonly locs: Int32Array;
  readonly fd: Float64Array;
  readonly bd: Float64Array;
  readonly ft: Float64Array;
  readonly bt: Float64Array;
}

export class RouteEvaluator {
  /** Distance of the route built so far. */
  distance = 0;
  /** Travel seconds of the route built so far. */
  travel = 0;
  private last = 0;
  private readonly n: number;
  private readonly d: Int32Array;
  private readonly t: Int32Array;
  private readonly s: RoutePrefixSums;

  constructor(s: RoutePrefixSums) {
    this.s = s;
    this.n = s.model.size;
    this.d = s.model.dist;
    this.t = s.model.dur;
  }

  begin(startLoc: number): void {
    this.distance = 0;
    this.travel = 0;
    this.last = startLoc;
  }

  /** Appends positions i..j of route r (jobs only, 1 <= i), forwards. Empty when i > j. */
  segment(r: number, i: number, j: number): void {
    if (i > j) return;
    const s = this.s;
    const b = r * s.stride;
    const first = s.locs[b + i];
    const e = this.last * this.n + first;
    this.distance += this.d[e] + s.fd[b + j] - s.fd[b + i];
    this.travel += this.t[e] + s.ft[b + j] - s.ft[b + i];
    this.last = s.locs[b + j];
  }

  /** Appends positions i..j of route r visited from j down to i. */
  segmentReversed(r: number, i: number, j: number): void {
    if (i > j) return;
    const s = this.s;
    const b = r * s.stride;
    const first = s.locs[b + j];
    const e = this.last * this.n + first;
    this.distance += this.d[e] + s.bd[b + j] - s.bd[b + i];
    this.travel += this.t[e] + s.bt[b + j] - s.bt[b + i];
    this.last = s.locs[b + i];
  }

  /** Appends one location (a job's, or the route's end). */
  location(loc: number): void {
    const e = this.last * this.n + loc;
    this.distance += this.d[e];
    this.travel += this.t[e];
    this.last = loc;
  }
}
