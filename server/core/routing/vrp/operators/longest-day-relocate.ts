/**
 * Longest-day relocate (objective 'makespan'): move job u off the longest
 * route into the gap of another route where the longer of the two days is
 * shortest, while that beats the longest day. Every gap of every other route
 * is tried, not only u's neighbours': the crew with time left may be far away.
 *
 * Gain: the longest day now minus the longer of the two changed days, in
 * seconds (integer). Feasibility (shift, capacity, pins) is checked only for
 * a move whose gain would win.
 *
 * Move: r1/r2 = from/to route, a = u's position in r1, c = gap in r2
 * (insert between positions c and c+1).
 */
import { isAllowed } from '../model/model.js';
import type { RouteState } from '../model/state.js';
import { recordMove, type Move, type VrpOperator } from './operator.js';

/** The longest route (travel + service seconds), first of equals; -1 when all are empty. */
export function longestRoute(s: RouteState): number {
  let longest = -1;
  let worst = 0;
  for (let r = 0; r < s.model.vehicles; r++) {
    const d = s.duration(r);
    if (d > worst) {
      worst = d;
      longest = r;
    }
  }
  return longest;
}

function search(s: RouteState, u: number, best: Move): void {
  const model = s.model;
  const r1 = s.jobRoute[u];
  if (r1 < 0 || r1 !== longestRoute(s)) return;
  const n = model.size;
  const dur = model.dur;
  const S = s.stride;
  const worst = s.duration(r1);
  const p = s.jobPos[u];
  const l = model.jobLoc[u];
  const service = model.jobService[u];
  const b1 = r1 * S;
  // A route left without jobs costs nothing.
  let after = 0;
  if (s.len[r1] > 1) {
    const prev = s.locs[b1 + p - 1];
    const next = s.locs[b1 + p + 1];
    after = worst - (dur[prev * n + l] + service + dur[l * n + next] - dur[prev * n + next]);
  }
  if (worst - after <= best.gain) return;
  for (let r2 = 0; r2 < model.vehicles; r2++) {
    if (r2 === r1) continue;
    const len2 = s.len[r2];
    const d2 = s.duration(r2);
    const b2 = r2 * S;
    for (let gap = 0; gap <= len2; gap++) {
      const a = s.locs[b2 + gap];
      const c = s.locs[b2 + gap + 1];
      let added = dur[a * n + l] + service + dur[l * n + c];
      if (len2 > 0) added -= dur[a * n + c];
      const gain = worst - Math.max(after, d2 + added);
      if (gain <= best.gain) continue;
      if (d2 + added > model.vMaxDuration[r2]) continue;
      if (s.load(r2) + model.jobDemand[u] > model.vCap[r2]) continue;
      if (!isAllowed(model, r2, u)) continue;
      recordMove(best, longestDayRelocate, gain, r1, r2, p, p, gap, 0);
    }
  }
}

function apply(s: RouteState, m: Move): void {
  const from = s.routeJobs(m.r1);
  const [job] = from.splice(m.a - 1, 1);
  const to = s.routeJobs(m.r2);
  to.splice(m.c, 0, job);
  s.setRoute(m.r1, from);
  s.setRoute(m.r2, to);
}

export const longestDayRelocate: VrpOperator = { name: 'longest-day-relocate', search, apply };
