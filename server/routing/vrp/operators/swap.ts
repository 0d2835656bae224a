/**
 * Swap: exchange job u with a job w of another route, where w is a near job v
 * or v's neighbour in its route (so that u lands next to v).
 *
 * Move: r1/r2 = routes of u and w, a/b = their positions.
 */
import { evBegin, evDistance, evEnd, evLocation, evSegment, evTravelSeconds } from '../evaluate.js';
import { isAllowed } from '../model.js';
import type { RouteState } from '../state.js';
import { recordMove, type Move, type VrpOperator } from './operator.js';

function search(s: RouteState, u: number, best: Move): void {
  const model = s.model;
  const r1 = s.jobRoute[u];
  if (r1 < 0) return;
  const S = s.stride;
  const i = s.jobPos[u];
  const len1 = s.len[r1];
  const cost1 = s.distance(r1);
  const lu = model.jobLoc[u];
  for (let q = 0; q < model.localNeighbours; q++) {
    const v = model.neighbours[u * model.adjacency + q];
    const r2 = s.jobRoute[v];
    if (r2 < 0 || r2 === r1) continue;
    const len2 = s.len[r2];
    const pv = s.jobPos[v];
    for (let k = -1; k <= 1; k++) {
      const j = pv + k;
      if (j < 1 || j > len2) continue;
      const w = s.jobs[r2 * S + j];
      const dLoad = model.jobDemand[w] - model.jobDemand[u];
      if (s.load(r1) + dLoad > model.vCap[r1] || s.load(r2) - dLoad > model.vCap[r2]) continue;
      evBegin(s, model.vStart[r1]);
      evSegment(s, r1, 1, i - 1);
      evLocation(model.jobLoc[w]);
      evSegment(s, r1, i + 1, len1);
      evEnd(model.vEnd[r1]);
      const dist1 = evDistance();
      const travel1 = evTravelSeconds();
      evBegin(s, model.vStart[r2]);
      evSegment(s, r2, 1, j - 1);
      evLocation(lu);
      evSegment(s, r2, j + 1, len2);
      evEnd(model.vEnd[r2]);
      const gain = cost1 + s.distance(r2) - dist1 - evDistance();
      if (gain <= best.gain) continue;
      const dService = model.jobService[w] - model.jobService[u];
      if (travel1 + s.service(r1) + dService > model.vMaxDuration[r1]) continue;
      if (evTravelSeconds() + s.service(r2) - dService > model.vMaxDuration[r2]) continue;
      if (!isAllowed(model, r1, w) || !isAllowed(model, r2, u)) continue;
      recordMove(best, swap, gain, r1, r2, i, j, 0, 0);
    }
  }
}

function apply(s: RouteState, m: Move): void {
  const a = s.routeJobs(m.r1);
  const b = s.routeJobs(m.r2);
  const t = a[m.a - 1];
  a[m.a - 1] = b[m.b - 1];
  b[m.b - 1] = t;
  s.setRoute(m.r1, a);
  s.setRoute(m.r2, b);
}

export const swap: VrpOperator = { name: 'swap', search, apply };
