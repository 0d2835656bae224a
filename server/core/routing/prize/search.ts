/**
 * The prize-collecting search: ruin and recreate around random seeds
 * (ruin.ts, recreate.ts), accepted by simulated annealing on
 * prize x prizeCost - cost, keeping the best day found on the best's score
 * (bestPrizeCost). When that score weighs prize more (a day with room: the
 * most prize before any metre), the last part of the search restarts from
 * the best day and anneals on the best's score itself: no prize given up,
 * the same prize on fewer metres. The best day's routes are polished at the
 * end, then unserved jobs swapped in where that gains (polish.ts), then
 * (best's score weighing prize more) free time gathered until a waiting job
 * fits (gather.ts). Every step is
 * local (a seed, its nearest jobs, the routes they are on, the vehicles
 * based nearest it), so one step costs the same on 100 jobs as on 20,000.
 *
 * Never serves a job twice, never breaks a time limit or a capacity, never
 * takes a kept job (pin) out of its route, never gives a job to a vehicle it
 * is not allowed on. Seeded: an iteration budget gives the same answer every time.
 */
import { Budget } from '../base/budget.js';
import { Rng } from '../base/random.js';
import { gatherSlack } from './gather.js';
import { polishRoute, swapWithUnserved } from './polish.js';
import { neighbourhoods, type Neighbourhoods, type PrizeProblem } from './problem.js';
import { orderCandidates, RECREATE_ORDERS, recreate } from './recreate.js';
import { ruinAround } from './ruin.js';
import { emptyInsertion, PrizeRoutes, type SavedRoute } from './routes.js';

export const PRIZE_SEARCH_DEFAULTS = {
  /** Nearest jobs per job (seeds' neighbourhoods, recreate candidates). */
  nearJobs: 40,
  /** Nearest vehicle bases per job. */
  nearVehicles: 4,
  /** Unserved jobs near the seed offered to the recreate. */
  candidates: 15,
  maxRoutes: 3,
  maxString: 12,
  blink: 0.02,
  /** Cost one unit of prize is worth: the search maximises prize x prizeCost - cost. */
  prizeCost: 100,
  /** Annealing temperature, in cost units, from start to end. */
  startTemperature: 100,
  endTemperature: 1,
  /** Share of a time budget kept for the served <-> unserved swaps after the search, and their most rounds. */
  swapShare: 0.05,
  swapRounds: 5,
  /**
   * When the best day is kept on another score than the search's (bestPrizeCost above prizeCost): the last
   * share of the search restarts from the best day and anneals on the best's score (no prize lost, then cost),
   * and a larger share of the time is kept for the end (polish, swaps, gathering slack, gather.ts).
   */
  bestPhaseShare: 0.3,
  endShare: 0.15,
  /**
   * The best phase's start temperature: this share of what the least job is worth in the exploring score
   * (its prize x prizeCost), cooling to endTemperature. A day whose crews are full changes its served set
   * only by moves of hundreds of metres: a best phase as cold as the exploring phase's end accepts none.
   */
  bestStartWorth: 0.5,
};

export interface PrizeSearchOptions {
  timeMs?: number;
  iterations?: number;
  seed?: number;
  now?: () => number;
  /** With both budgets: how far the clock may run ahead of the iterations before it drives the cooling (Budget; default 0). */
  timeLead?: number;
  near?: Neighbourhoods;
  /** Cost one unit of prize is worth (default PRIZE_SEARCH_DEFAULTS.prizeCost): a job is served when it adds less cost than its prize x prizeCost. */
  prizeCost?: number;
  /**
   * The same for the day kept as best (default prizeCost). Larger than prizeCost: the search may wander
   * through days with less prize (exploring), but keeps the day with the most.
   */
  bestPrizeCost?: number;
}

export interface PrizeSearchResult {
  routes: number[][];
  prize: number;
  cost: number;
  iterations: number;
  /** Iterations that found a new best day. */
  improvements: number;
}


export function solvePrizeRoutes(p: PrizeProblem, initial: readonly (readonly number[])[], options: PrizeSearchOptions = {}): PrizeSearchResult {
  const D = PRIZE_SEARCH_DEFAULTS;
  let s = new PrizeRoutes(p, initial);
  const prizeCost = options.prizeCost ?? D.prizeCost;
  const bestPrizeCost = options.bestPrizeCost ?? prizeCost;
  // The best day on a score of its own (e.g. the most prize before any cost): a phase that searches on it.
  const bestPhase = bestPrizeCost > prizeCost ? D.bestPhaseShare : 0;
  // A share of the time is kept for the end (swaps, gathering); an iteration budget runs it in full.
  const endBudget = new Budget({ timeMs: options.timeMs, now: options.now });
  const endShare = bestPhase > 0 ? D.endShare : D.swapShare;
  const budget = new Budget({ timeMs: options.timeMs === undefined ? undefined : options.timeMs * (1 - endShare), iterations: options.iterations, now: options.now, timeLead: options.timeLead });
  const rng = new Rng(options.seed ?? 1);
  const near = options.near ?? neighbourhoods(p, D.nearJobs, D.nearVehicles);
  let best = s.snapshot();
  let bestPrize = s.prize;
  let bestCost = s.totalCost;
  let improvements = 0;
  const better = (prize: number, cost: number, bestPrize: number, bestCost: number) => {
    const d = (prize - bestPrize) * bestPrizeCost - (cost - bestCost);
    return d > 0 || (d === 0 && prize > bestPrize);
  };
  const touched: number[] = [];
  const saved: SavedRoute[] = [];
  const removed: number[] = [];
  const candidates: number[] = [];
  const key = new Float64Array(p.jobCount);
  const random = () => rng.nextFloat();
  const slot = emptyInsertion();
  // The best phase starts at this share of the budget; the exploring phase cools from startTemperature, the best
  // phase from bestStartWorth of the least job's worth, both to endTemperature.
  const phaseAt = 1 - bestPhase;
  let leastPrize = Infinity;
  for (let j = 0; j < p.jobCount; j++) leastPrize = Math.min(leastPrize, p.prize[j]);
  const bestStart = Math.max(D.endTemperature, D.bestStartWorth * leastPrize * prizeCost);
  const exploreRatio = Math.log(D.endTemperature / D.startTemperature);
  const bestRatio = Math.log(D.endTemperature / bestStart);
  let inBestPhase = false;
  let scoreCost = prizeCost;
  if (p.jobCount > 0 && p.vehicles.length > 0) {
    while (budget.tick()) {
      const progress = budget.progress();
      if (bestPhase > 0 && !inBestPhase && progress >= phaseAt) {
        s = new PrizeRoutes(p, best);
        scoreCost = bestPrizeCost;
        inBestPhase = true;
      }
      const phaseProgress = bestPhase === 0 ? progress : inBestPhase ? (progress - phaseAt) / bestPhase : progress / phaseAt;
      const temperature = inBestPhase ? bestStart * Math.exp(bestRatio * phaseProgress) : D.startTemperature * Math.exp(exploreRatio * phaseProgress);
      const prize0 = s.prize;
      const cost0 = s.totalCost;
      touched.length = 0;
      saved.length = 0;
      removed.length = 0;
      const seed = rng.nextInt(p.jobCount);
      ruinAround(s, near, seed, rng, D, touched, saved, removed);
      candidates.length = 0;
      for (const j of removed) candidates.push(j);
      if (s.routeOf[seed] < 0 && !removed.includes(seed)) candidates.push(seed);
      for (let q = 0, added = 0; q < near.k && added < D.candidates; q++) {
        const j = near.jobs[seed * near.k + q];
        if (j < 0) break;
        if (s.routeOf[j] < 0 && !removed.includes(j)) {
          candidates.push(j);
          added++;
        }
      }
      orderCandidates(s, candidates, RECREATE_ORDERS[rng.nextInt(RECREATE_ORDERS.length)], rng, key);
      recreate(s, candidates, touched, random, D.blink, slot);
      const delta = (s.prize - prize0) * scoreCost - (s.totalCost - cost0);
      if (delta >= 0 || delta > temperature * Math.log(rng.nextFloat())) {
        if (better(s.prize, s.totalCost, bestPrize, bestCost)) {
          best = s.snapshot();
          bestPrize = s.prize;
          bestCost = s.totalCost;
          improvements++;
        }
      } else {
        // Undo: the touched routes as they were.
        for (let q = 0; q < touched.length; q++) {
          const v = touched[q];
          for (const j of s.jobs[v]) s.routeOf[j] = -1;
        }
        for (let q = 0; q < touched.length; q++) s.restore(touched[q], saved[q]);
        s.prize = prize0;
      }
    }
  }
  const out = new PrizeRoutes(p, best);
  for (let v = 0; v < p.vehicles.length; v++) polishRoute(out, v);
  // Then unserved jobs take the place of served ones where that gains, each round polished, in the time kept for it.
  const swapRounds = () => {
    for (let round = 0; round < D.swapRounds && !endBudget.timeUp() && swapWithUnserved(out, near, bestPrizeCost, slot, () => endBudget.timeUp()) > 0; round++) {
      for (let v = 0; v < p.vehicles.length; v++) polishRoute(out, v);
    }
  };
  swapRounds();
  // Then, when the best day counts prize first: free time gathered in few routes until a waiting job fits.
  if (bestPhase > 0 && !endBudget.timeUp() && gatherSlack(out, near, better, { timeUp: () => endBudget.timeUp() }) > 0) swapRounds();
  return { routes: out.snapshot(), prize: out.prize, cost: out.totalCost, iterations: budget.done, improvements };
}
