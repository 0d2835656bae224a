/**
 * Recreate: greedy cheapest insertion of removed and waiting jobs, higher
 * priority first, then in one of SISR's orders (random, larger demand first,
 * farther first, closer first), with blinks.
 */
import type { Rng } from '../base/random.js';
import { applyInsertion, emptyInsertion, findCheapestInsertion } from './insertion.js';
import type { Model } from './model/model.js';
import type { RouteState } from './model/state.js';

export const RECREATE_DEFAULTS = {
  /** Chance to skip a candidate position that would be the best so far. */
  blinkRate: 0.01,
  /** Share of recreates that insert higher-priority jobs first. */
  priorityFirstRate: 0.7,
  /** Relative weights of the orders: random, demand, far, close. */
  orderWeights: [4, 4, 2, 1] as const,
};

const insertion = emptyInsertion();

export function sortForRecreate(model: Model, jobs: number[], rng: Rng): void {
  const w = RECREATE_DEFAULTS.orderWeights;
  // Higher priority first most of the time; not always, or a cheap low-priority placement could
  // never make room for a job that fits in one place only (acceptance stays lexicographic anyway).
  const byPriority = rng.nextFloat() < RECREATE_DEFAULTS.priorityFirstRate;
  const priority = (a: number, b: number) => (byPriority ? model.jobPriority[b] - model.jobPriority[a] : 0);
  let pick = rng.nextFloat() * (w[0] + w[1] + w[2] + w[3]);
  let order = 0;
  while (order < 3 && pick >= w[order]) pick -= w[order++];
  if (order === 0) rng.shuffle(jobs);
  const key = (j: number): number =>
    order === 1 ? -model.jobDemand[j] : order === 2 ? -model.jobFar[j] : order === 3 ? model.jobFar[j] : 0;
  if (order === 0) {
    if (byPriority) jobs.sort(priority);
  } else jobs.sort((a, b) => priority(a, b) || key(a) - key(b) || a - b);
}

/** Inserts each job where it is cheapest; jobs that fit nowhere stay unassigned. Returns how many were inserted. */
export function recreate(s: RouteState, jobs: number[], rng: Rng | null, blinkRate = RECREATE_DEFAULTS.blinkRate): number {
  let inserted = 0;
  for (const j of jobs) {
    if (s.jobRoute[j] >= 0) continue;
    if (findCheapestInsertion(s, j, insertion, rng, blinkRate)) {
      applyInsertion(s, j, insertion);
      inserted++;
    }
  }
  return inserted;
}
