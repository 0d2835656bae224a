/**
 * 2-opt*: exchange the tails of two routes so that job u is followed by a near
 * job v of another route (variant 0), or v is followed by u (variant 1).
 *
 * Move: r1/r2 = routes of u and v, a/b = their positions, c = variant.
 *   variant 0: r1 = r1[1..a] + r2[b..],   r2 = r2[1..b-1] + r1[a+1..]
 *   variant 1: r1 = r1[1..a-1] + r2[b+1..], r2 = r2[1..b] + r1[a..]
 */
import type { RouteState } from '../model/state.js';
import { recordMove, segmentAllowed, type Move, type VrpOperator } from './operator.js';

function search(s: RouteState, u: number, best: Move): void {
  const model = s.model;
  const ev = s.ev;
  const r1 = s.jobRoute[u];
  if (r1 < 0) return;
  const S = s.stride;
  const i = s.jobPos[u];
  const len1 = s.len[r1];
  const cost1 = s.distance(r1);
  const b1 = r1 * S;
  const n = model.size;
  const lu = model.jobLoc[u];
  // Positive partial gain: the new edge at u must beat the edge it replaces.
  const afterU = model.dist[lu * n + s.locs[b1 + i + 1]];
  const beforeU = model.dist[s.locs[b1 + i - 1] * n + lu];
  for (let q = 0; q < model.localNeighbours; q++) {
    const v = model.neighbours[u * model.adjacency + q];
    const r2 = s.jobRoute[v];
    if (r2 < 0 || r2 === r1) continue;
    const len2 = s.len[r2];
    const b2 = r2 * S;
    const j = s.jobPos[v];
    const lv = model.jobLoc[v];
    for (let variant = 0; variant < 2; variant++) {
      if (variant === 0 ? model.dist[lu * n + lv] >= afterU : model.dist[lv * n + lu] >= beforeU) continue;
      // Heads end at h1 (in r1) and h2 (in r2); tails start right after.
      const h1 = variant === 0 ? i : i - 1;
      const h2 = variant === 0 ? j - 1 : j;
      const load1 = s.ld[b1 + h1] + s.ld[b2 + len2] - s.ld[b2 + h2];
      const load2 = s.ld[b2 + h2] + s.ld[b1 + len1] - s.ld[b1 + h1];
      if (load1 > model.vCap[r1] || load2 > model.vCap[r2]) continue;
      const count1 = h1 + len2 - h2;
      const count2 = h2 + len1 - h1;
      let dist1 = 0;
      let travel1 = 0;
      if (count1 > 0) {
        ev.begin(model.vStart[r1]);
        ev.segment(r1, 1, h1);
        ev.segment(r2, h2 + 1, len2);
        ev.location(model.vEnd[r1]);
        dist1 = ev.distance;
        travel1 = ev.travel;
      }
      let dist2 = 0;
      let travel2 = 0;
      if (count2 > 0) {
        ev.begin(model.vStart[r2]);
        ev.segment(r2, 1, h2);
        ev.segment(r1, h1 + 1, len1);
        ev.location(model.vEnd[r2]);
        dist2 = ev.distance;
        travel2 = ev.travel;
      }
      const gain = cost1 + s.distance(r2) - dist1 - dist2;
      if (gain <= best.gain) continue;
      const service1 = s.sv[b1 + h1] + s.sv[b2 + len2] - s.sv[b2 + h2];
      const service2 = s.sv[b2 + h2] + s.sv[b1 + len1] - s.sv[b1 + h1];
      if (count1 > 0 && travel1 + service1 > model.vMaxDuration[r1]) continue;
      if (count2 > 0 && travel2 + service2 > model.vMaxDuration[r2]) continue;
      if (!segmentAllowed(s, r2, h2 + 1, len2, r1) || !segmentAllowed(s, r1, h1 + 1, len1, r2)) continue;
      recordMove(best, twoOptStar, gain, r1, r2, i, j, variant, 0);
    }
  }
}

function apply(s: RouteState, m: Move): void {
  const a = s.routeJobs(m.r1);
  const b = s.routeJobs(m.r2);
  const h1 = m.c === 0 ? m.a : m.a - 1;
  const h2 = m.c === 0 ? m.b - 1 : m.b;
  s.setRoute(m.r1, [...a.slice(0, h1), ...b.slice(h2)]);
  s.setRoute(m.r2, [...b.slice(0, h2), ...a.slice(h1)]);
}

export const twoOptStar: VrpOperator = { name: '2-opt*', search, apply };
