/**
 * Cost of a route built from pieces of existing routes, without building it:
 * start at a location, append segments (forwards or reversed) and single jobs,
 * end at a location. Module-level scratch; allocation-free.
 */
import type { RouteState } from './state.js';

let evDist = 0;
let evTravel = 0;
let evLast = 0;
let evN = 0;
let evD: Int32Array = new Int32Array(0);
let evT: Int32Array = new Int32Array(0);

export function evBegin(s: RouteState, startLoc: number): void {
  evDist = 0;
  evTravel = 0;
  evLast = startLoc;
  evN = s.model.size;
  evD = s.model.dist;
  evT = s.model.dur;
}

/** Appends positions i..j of route r (jobs only, 1 <= i), forwards. Empty when i > j. */
export function evSegment(s: RouteState, r: number, i: number, j: number): void {
  if (i > j) return;
  const b = r * s.stride;
  const first = s.locs[b + i];
  evDist += evD[evLast * evN + first] + s.fd[b + j] - s.fd[b + i];
  evTravel += evT[evLast * evN + first] + s.ft[b + j] - s.ft[b + i];
  evLast = s.locs[b + j];
}

/** Appends positions i..j of route r visited from j down to i. */
export function evSegmentReversed(s: RouteState, r: number, i: number, j: number): void {
  if (i > j) return;
  const b = r * s.stride;
  const first = s.locs[b + j];
  evDist += evD[evLast * evN + first] + s.bd[b + j] - s.bd[b + i];
  evTravel += evT[evLast * evN + first] + s.bt[b + j] - s.bt[b + i];
  evLast = s.locs[b + i];
}

export function evLocation(loc: number): void {
  evDist += evD[evLast * evN + loc];
  evTravel += evT[evLast * evN + loc];
  evLast = loc;
}

/** Closes at `endLoc`; read the result with evDistance() / evTravelSeconds(). */
export function evEnd(endLoc: number): void {
  evLocation(endLoc);
}

export function evDistance(): number {
  return evDist;
}

export function evTravelSeconds(): number {
  return evTravel;
}
