/**
 * Route exchange: give u's whole route to another vehicle, and that vehicle's
 * route (possibly empty) to u's. With crews starting and ending in different
 * places this is the move that matches routes to crews; no neighbour-based
 * move can make it. Tried only from the first job of a route, against every
 * other vehicle.
 *
 * Each route may also be driven backwards by its new vehicle (whichever is
 * cheaper and fits the shift).
 *
 * Move: r1/r2 = the two vehicles, a/b = 1 if r1's / r2's jobs are reversed.
 */
import type { RouteState } from '../model/state.js';
import { recordMove, segmentAllowed, type Move, type VrpOperator } from './operator.js';

/**
 * Route r's jobs driven by vehicle v, in the cheaper of the two directions that
 * fits v's shift: out = [distance, travel, reversed 0/1]; distance Infinity if neither fits.
 */
function drivenBy(s: RouteState, r: number, v: number, out: Float64Array): void {
  const model = s.model;
  const len = s.len[r];
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  if (len === 0) return;
  const n = model.size;
  const b = r * s.stride;
  const start = model.vStart[v];
  const end = model.vEnd[v];
  const first = s.locs[b + 1];
  const last = s.locs[b + len];
  const limit = model.vMaxDuration[v] - s.service(r);
  const fwdDist = model.dist[start * n + first] + s.fd[b + len] - s.fd[b + 1] + model.dist[last * n + end];
  const fwdTravel = model.dur[start * n + first] + s.ft[b + len] - s.ft[b + 1] + model.dur[last * n + end];
  const revDist = model.dist[start * n + last] + s.bd[b + len] - s.bd[b + 1] + model.dist[first * n + end];
  const revTravel = model.dur[start * n + last] + s.bt[b + len] - s.bt[b + 1] + model.dur[first * n + end];
  const fwdOk = fwdTravel <= limit;
  const revOk = revTravel <= limit;
  if (revOk && (!fwdOk || revDist < fwdDist)) {
    out[0] = revDist;
    out[1] = revTravel;
    out[2] = 1;
  } else {
    out[0] = fwdOk ? fwdDist : Infinity;
    out[1] = fwdTravel;
  }
}

const a = new Float64Array(3);
const c = new Float64Array(3);

function search(s: RouteState, u: number, best: Move): void {
  const model = s.model;
  const r1 = s.jobRoute[u];
  if (r1 < 0 || s.jobPos[u] !== 1) return;
  const cost1 = s.distance(r1);
  for (let r2 = 0; r2 < model.vehicles; r2++) {
    if (r2 === r1) continue;
    if (
      model.allowed === null &&
      model.vStart[r2] === model.vStart[r1] &&
      model.vEnd[r2] === model.vEnd[r1] &&
      model.vCap[r2] === model.vCap[r1] &&
      model.vMaxDuration[r2] === model.vMaxDuration[r1]
    )
      continue; // identical vehicles: exchanging their routes changes nothing
    drivenBy(s, r1, r2, a);
    drivenBy(s, r2, r1, c);
    const gain = cost1 + s.distance(r2) - a[0] - c[0];
    if (gain <= best.gain) continue;
    if (s.load(r1) > model.vCap[r2] || s.load(r2) > model.vCap[r1]) continue;
    if (!segmentAllowed(s, r1, 1, s.len[r1], r2) || !segmentAllowed(s, r2, 1, s.len[r2], r1)) continue;
    recordMove(best, routeExchange, gain, r1, r2, a[2], c[2], 0, 0);
  }
}

function apply(s: RouteState, m: Move): void {
  const jobs1 = s.routeJobs(m.r1);
  const jobs2 = s.routeJobs(m.r2);
  if (m.a === 1) jobs1.reverse();
  if (m.b === 1) jobs2.reverse();
  s.setRoute(m.r1, jobs2);
  s.setRoute(m.r2, jobs1);
}

export const routeExchange: VrpOperator = { name: 'route-exchange', search, apply };
