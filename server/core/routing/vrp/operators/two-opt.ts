/**
 * Intra-route 2-opt: reverse part of u's route so that u and a near job v of
 * the same route become adjacent. Reversed parts are priced with the backward
 * prefix sums, so asymmetric matrices are handled exactly.
 *
 * Move: r1 = route, a..b = positions reversed.
 */
import type { RouteState } from '../model/state.js';
import { recordMove, type Move, type VrpOperator } from './operator.js';

function search(s: RouteState, u: number, best: Move): void {
  const model = s.model;
  const ev = s.ev;
  const r = s.jobRoute[u];
  if (r < 0) return;
  const len = s.len[r];
  if (len < 3) return;
  const i = s.jobPos[u];
  const cost = s.distance(r);
  const service = s.service(r);
  const n = model.size;
  const b = r * s.stride;
  const lu = model.jobLoc[u];
  const afterU = model.dist[lu * n + s.locs[b + i + 1]];
  const beforeU = model.dist[s.locs[b + i - 1] * n + lu];
  for (let q = 0; q < model.localNeighbours; q++) {
    const v = model.neighbours[u * model.adjacency + q];
    if (s.jobRoute[v] !== r) continue;
    const j = s.jobPos[v];
    // Positive partial gain: u-v must be shorter than the edge at u it replaces.
    const duv = i < j ? model.dist[lu * n + model.jobLoc[v]] : model.dist[model.jobLoc[v] * n + lu];
    if (duv >= (i < j ? afterU : beforeU)) continue;
    // Reversing x..y joins x-1 to y and x to y+1.
    for (let variant = 0; variant < 2; variant++) {
      let x: number;
      let y: number;
      if (i < j) {
        x = variant === 0 ? i + 1 : i;
        y = variant === 0 ? j : j - 1;
      } else {
        x = variant === 0 ? j + 1 : j;
        y = variant === 0 ? i : i - 1;
      }
      if (y - x < 1) continue;
      ev.begin(model.vStart[r]);
      ev.segment(r, 1, x - 1);
      ev.segmentReversed(r, x, y);
      ev.segment(r, y + 1, len);
      ev.location(model.vEnd[r]);
      const gain = cost - ev.distance;
      if (gain <= best.gain) continue;
      if (ev.travel + service > model.vMaxDuration[r]) continue;
      recordMove(best, twoOpt, gain, r, r, x, y, 0, 0);
    }
  }
}

function apply(s: RouteState, m: Move): void {
  const jobs = s.routeJobs(m.r1);
  const mid = jobs.slice(m.a - 1, m.b).reverse();
  jobs.splice(m.a - 1, m.b - m.a + 1, ...mid);
  s.setRoute(m.r1, jobs);
}

export const twoOpt: VrpOperator = { name: '2-opt', search, apply };
