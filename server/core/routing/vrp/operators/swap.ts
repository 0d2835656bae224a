/**
 * Swap: exchange job u with a job w of another route, where w is a near job v
 * or v's neighbour in its route (so that u lands next to v).
 *
 * Move: r1/r2 = routes of u and w, a/b = their positions.
 */
import { isAllowed } from '../model/model.js';
import type { RouteState } from '../model/state.js';
import { recordMove, type Move, type VrpOperator } from './operator.js';

function search(s: RouteState, u: number, best: Move): void {
  const model = s.model;
  const r1 = s.jobRoute[u];
  if (r1 < 0) return;
  const S = s.stride;
  const n = model.size;
  const dist = model.dist;
  const dur = model.dur;
  const i = s.jobPos[u];
  const b1 = r1 * S;
  const lu = model.jobLoc[u];
  const pu = s.locs[b1 + i - 1];
  const nu = s.locs[b1 + i + 1];
  const out1 = dist[pu * n + lu] + dist[lu * n + nu];
  const outTravel1 = dur[pu * n + lu] + dur[lu * n + nu];
  for (let q = 0; q < model.localNeighbours; q++) {
    const v = model.neighbours[u * model.adjacency + q];
    const r2 = s.jobRoute[v];
    if (r2 < 0 || r2 === r1) continue;
    const len2 = s.len[r2];
    const b2 = r2 * S;
    const pv = s.jobPos[v];
    for (let k = -1; k <= 1; k++) {
      const j = pv + k;
      if (j < 1 || j > len2) continue;
      const w = s.jobs[b2 + j];
      // w takes u's place between pu and nu; u takes w's between pw and nw.
      const lw = model.jobLoc[w];
      const pw = s.locs[b2 + j - 1];
      const nw = s.locs[b2 + j + 1];
      const gain =
        out1 + dist[pw * n + lw] + dist[lw * n + nw] - dist[pu * n + lw] - dist[lw * n + nu] - dist[pw * n + lu] - dist[lu * n + nw];
      if (gain <= best.gain) continue;
      const dLoad = model.jobDemand[w] - model.jobDemand[u];
      if (s.load(r1) + dLoad > model.vCap[r1] || s.load(r2) - dLoad > model.vCap[r2]) continue;
      const dService = model.jobService[w] - model.jobService[u];
      const travel1 = dur[pu * n + lw] + dur[lw * n + nu] - outTravel1;
      const travel2 = dur[pw * n + lu] + dur[lu * n + nw] - dur[pw * n + lw] - dur[lw * n + nw];
      if (s.duration(r1) + travel1 + dService > model.vMaxDuration[r1]) continue;
      if (s.duration(r2) + travel2 - dService > model.vMaxDuration[r2]) continue;
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
