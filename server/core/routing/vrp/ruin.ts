/**
 * Ruin by string removal (SISR, Christiaens & Vanden Berghe 2020): from a
 * random seed job, walk its nearest jobs and cut one string (or a split
 * string) out of each of a few nearby routes.
 */
import type { Rng } from '../base/random.js';
import type { RouteState } from './model/state.js';

export const RUIN_DEFAULTS = {
  /** Average number of removed jobs (c-bar). */
  averageRemoved: 15,
  /** Longest string (L-max). */
  maxStringLength: 10,
  /** Chance of a split string instead of a string. */
  splitRate: 0.5,
  /** Chance to stop growing the preserved part of a split string at each step. */
  splitDepth: 0.01,
};

/**
 * Removes strings from the routes; appends the removed jobs to `removed`.
 * `seed`: the job whose surroundings are ruined (default: a random served
 * job); an unassigned seed makes room near a job that is waiting.
 */
export function ruinStrings(s: RouteState, rng: Rng, removed: number[], seed = -1, averageRemoved = RUIN_DEFAULTS.averageRemoved): void {
  const model = s.model;
  let served = 0;
  let nonEmpty = 0;
  for (let r = 0; r < model.vehicles; r++) {
    served += s.len[r];
    if (s.len[r] > 0) nonEmpty++;
  }
  if (served === 0) return;
  const maxString = Math.min(RUIN_DEFAULTS.maxStringLength, served / nonEmpty);
  const maxStrings = (4 * averageRemoved) / (1 + maxString) - 1;
  const strings = Math.floor(rng.nextFloat() * maxStrings) + 1;
  if (seed < 0) {
    seed = rng.nextInt(model.m);
    while (s.jobRoute[seed] < 0) seed = rng.nextInt(model.m);
  }
  const ruined: number[] = [];
  for (let q = -1; q < model.adjacency && ruined.length < strings; q++) {
    const c = q < 0 ? seed : model.neighbours[seed * model.adjacency + q];
    const r = s.jobRoute[c];
    if (r < 0 || ruined.includes(r)) continue;
    ruined.push(r);
    const len = s.len[r];
    const l = Math.floor(rng.nextFloat() * Math.min(len, maxString)) + 1;
    const jobs = s.routeJobs(r);
    const pos = s.jobPos[c] - 1;
    let keep: number[];
    if (l < len && rng.nextFloat() < RUIN_DEFAULTS.splitRate) {
      // Split string: a window of l + kept jobs around c; remove all but `kept` consecutive ones.
      let kept = 1;
      while (l + kept < len && rng.nextFloat() >= RUIN_DEFAULTS.splitDepth) kept++;
      const w = l + kept;
      const lo = Math.max(0, pos - w + 1);
      const hi = Math.min(pos, len - w);
      const start = lo + rng.nextInt(hi - lo + 1);
      const keepAt = start + rng.nextInt(l + 1);
      keep = [];
      for (let p = 0; p < len; p++) {
        if (p < start || p >= start + w || (p >= keepAt && p < keepAt + kept)) keep.push(jobs[p]);
        else removed.push(jobs[p]);
      }
    } else {
      const lo = Math.max(0, pos - l + 1);
      const hi = Math.min(pos, len - l);
      const start = lo + rng.nextInt(hi - lo + 1);
      keep = [];
      for (let p = 0; p < len; p++) {
        if (p < start || p >= start + l) keep.push(jobs[p]);
        else removed.push(jobs[p]);
      }
    }
    s.setRoute(r, keep);
  }
}
