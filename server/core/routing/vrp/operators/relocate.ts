/**
 * Relocate (and, within one route, Or-opt): move a segment of 1-3 jobs that
 * starts or ends at job u so that u lands next to a near job v, in either
 * orientation, into v's route or elsewhere in u's own route; or into an
 * empty vehicle.
 *
 * Move: r1/r2 = from/to route, a..b = segment positions in r1, c = gap in r2
 * (insert between positions c and c+1, positions as before the move), d = 1 if reversed.
 */
import type { RouteState } from '../model/state.js';
import { recordMove, segmentAllowed, segmentJobs, type Move, type VrpOperator } from './operator.js';

const MAX_SEGMENT = 3;

function search(s: RouteState, u: number, best: Move): void {
  const model = s.model;
  const r1 = s.jobRoute[u];
  if (r1 < 0) return;
  const S = s.stride;
  const b1 = r1 * S;
  const len1 = s.len[r1];
  const i = s.jobPos[u];
  const cost1 = s.distance(r1);
  const service1 = s.service(r1);
  const n = model.size;
  const dist = model.dist;
  const dur = model.dur;
  for (let L = 1; L <= MAX_SEGMENT && L <= len1; L++) {
    for (let uLast = 0; uLast < 2; uLast++) {
      if (L === 1 && uLast === 1) break;
      const x = uLast ? i - L + 1 : i;
      const y = x + L - 1;
      if (x < 1 || y > len1) continue;
      const segLoad = s.ld[b1 + y] - s.ld[b1 + x - 1];
      const segService = s.sv[b1 + y] - s.sv[b1 + x - 1];
      const firstLoc = s.locs[b1 + x];
      const lastLoc = s.locs[b1 + y];
      const segDist = s.fd[b1 + y] - s.fd[b1 + x];
      const segDistRev = s.bd[b1 + y] - s.bd[b1 + x];
      const segTravel = s.ft[b1 + y] - s.ft[b1 + x];
      const segTravelRev = s.bt[b1 + y] - s.bt[b1 + x];
      // Route r1 without the segment: p-first and last-nx become p-nx.
      let removeGain = cost1;
      let removedTravel = 0;
      if (len1 > L) {
        const p = s.locs[b1 + x - 1];
        const nx = s.locs[b1 + y + 1];
        const fl = s.locs[b1 + x];
        const ll = s.locs[b1 + y];
        removeGain = dist[p * n + fl] + s.fd[b1 + y] - s.fd[b1 + x] + dist[ll * n + nx] - dist[p * n + nx];
        removedTravel = s.travel(r1) - (dur[p * n + fl] + s.ft[b1 + y] - s.ft[b1 + x] + dur[ll * n + nx] - dur[p * n + nx]);
      }
      // Inserting costs at least 0 under the triangle inequality.
      if (removeGain <= best.gain) continue;
      for (let q = 0; q < model.localNeighbours; q++) {
        const v = model.neighbours[u * model.adjacency + q];
        const r2 = s.jobRoute[v];
        if (r2 < 0) continue;
        const pv = s.jobPos[v];
        // Gap after v (u next to v): forwards if u heads the segment. Gap before v: the opposite.
        for (let side = 0; side < 2; side++) {
          const gap = side === 0 ? pv : pv - 1;
          const reversed = (side === 0) === (uLast === 1);
          const same = r2 === r1;
          if (same ? gap >= x - 1 && gap <= y : s.load(r2) + segLoad > model.vCap[r2]) continue;
          // O(1): new edges a-first, last-c replace a-c (nothing for an empty route). Within
          // one route the pieces between keep their direction, so the same sum holds.
          const b2 = r2 * S;
          const a = s.locs[b2 + gap];
          const c = s.locs[b2 + gap + 1];
          const first = reversed ? lastLoc : firstLoc;
          const last = reversed ? firstLoc : lastLoc;
          const nonEmpty = s.len[r2] > 0;
          let added = dist[a * n + first] + (reversed ? segDistRev : segDist) + dist[last * n + c];
          if (nonEmpty) added -= dist[a * n + c];
          const gain = removeGain - added;
          if (gain <= best.gain) continue;
          let addedTravel = dur[a * n + first] + (reversed ? segTravelRev : segTravel) + dur[last * n + c];
          if (nonEmpty) addedTravel -= dur[a * n + c];
          if (same) {
            if (removedTravel + addedTravel + service1 > model.vMaxDuration[r1]) continue;
          } else {
            if (s.duration(r2) + addedTravel + segService > model.vMaxDuration[r2]) continue;
            if (len1 > L && removedTravel + service1 - segService > model.vMaxDuration[r1]) continue;
            if (!segmentAllowed(s, r1, x, y, r2)) continue;
          }
          recordMove(best, relocate, gain, r1, r2, x, y, gap, reversed ? 1 : 0);
        }
      }
      // Empty vehicles have no neighbours to be found by: try each of them directly.
      for (let r2 = 0; s.emptyRoutes > 0 && r2 < model.vehicles; r2++) {
        if (s.len[r2] !== 0 || r2 === r1 || segLoad > model.vCap[r2]) continue;
        const st = model.vStart[r2];
        const en = model.vEnd[r2];
        for (let rev = 0; rev < 2; rev++) {
          const first = rev ? lastLoc : firstLoc;
          const last = rev ? firstLoc : lastLoc;
          const gain = removeGain - (dist[st * n + first] + (rev ? segDistRev : segDist) + dist[last * n + en]);
          if (gain <= best.gain) continue;
          const travel = dur[st * n + first] + (rev ? segTravelRev : segTravel) + dur[last * n + en];
          if (travel + segService > model.vMaxDuration[r2]) continue;
          if (len1 > L && removedTravel + service1 - segService > model.vMaxDuration[r1]) continue;
          if (!segmentAllowed(s, r1, x, y, r2)) continue;
          recordMove(best, relocate, gain, r1, r2, x, y, 0, rev);
        }
      }
    }
  }
}

function apply(s: RouteState, m: Move): void {
  const { r1, r2, a: x, b: y, c: gap } = m;
  const seg = segmentJobs(s, r1, x, y, m.d === 1);
  const from = s.routeJobs(r1);
  if (r1 !== r2) {
    from.splice(x - 1, y - x + 1);
    const to = s.routeJobs(r2);
    to.splice(gap, 0, ...seg);
    s.setRoute(r1, from);
    s.setRoute(r2, to);
  } else {
    // Positions are 1-based; gap g means "after position g" before the move.
    let out: number[];
    if (gap < x) out = [...from.slice(0, gap), ...seg, ...from.slice(gap, x - 1), ...from.slice(y)];
    else out = [...from.slice(0, x - 1), ...from.slice(y, gap), ...seg, ...from.slice(gap)];
    s.setRoute(r1, out);
  }
}

export const relocate: VrpOperator = { name: 'relocate', search, apply };
