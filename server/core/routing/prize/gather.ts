/**
 * Gather slack: on a day where every crew has some free time but no unserved
 * job fits into any one crew's (each needs more than the most free), served
 * jobs are moved between routes (relocate one, or exchange two) so that the
 * free time gathers in few routes: each move is the one that raises the sum
 * of the squared free seconds per route the most. After each move the routes
 * it freed are tried for an unserved job; the first that fits goes in (most
 * prize, then cheapest), the touched routes are polished, and the day is kept
 * when it beats the day before on prize x prizeCost - cost. When none fits
 * before the moves run out, every move is undone.
 *
 * Never breaks a time limit or a capacity, never moves a kept job (pin) or
 * gives a job to a vehicle it is not allowed on, never serves a job twice.
 * No random choice: the same day gives the same moves.
 */
import { polishRoute } from './polish.js';
import type { Neighbourhoods } from './problem.js';
import { bestInsertion, emptyInsertion, insertBest, removeRange, type Insertion, type PrizeRoutes, type SavedRoute } from './routes.js';

export const GATHER_DEFAULTS = {
  /** Most moves before one job goes in (undone when none did). */
  maxMoves: 60,
  /** Most jobs added in one call. */
  maxJobs: 5,
};

/** A move found by the scan: relocate job j into route `to`, or exchange j with job k (k >= 0). */
interface Move {
  gain: number;
  j: number;
  k: number;
  to: number;
}

/**
 * Adds unserved jobs by gathering slack (see above); returns how many went in. `better(prize, cost, prize0, cost0)`:
 * whether a day beats another (the search's rule for its best day). Stops early when timeUp() says so.
 */
export function gatherSlack(
  s: PrizeRoutes,
  near: Neighbourhoods,
  better: (prize: number, cost: number, prize0: number, cost0: number) => boolean,
  options: { maxMoves?: number; maxJobs?: number; timeUp?: () => boolean } = {},
): number {
  const maxMoves = options.maxMoves ?? GATHER_DEFAULTS.maxMoves;
  const maxJobs = options.maxJobs ?? GATHER_DEFAULTS.maxJobs;
  const timeUp = options.timeUp ?? (() => false);
  let added = 0;
  while (added < maxJobs && !timeUp() && gatherOne(s, near, better, maxMoves, timeUp)) added++;
  return added;
}

/** One round: moves until an unserved job fits (kept when the day is better), else all undone. */
function gatherOne(
  s: PrizeRoutes,
  near: Neighbourhoods,
  better: (prize: number, cost: number, prize0: number, cost0: number) => boolean,
  maxMoves: number,
  timeUp: () => boolean,
): boolean {
  const p = s.p;
  const V = p.vehicles.length;
  const unserved: number[] = [];
  for (let u = 0; u < p.jobCount; u++) if (s.routeOf[u] < 0) unserved.push(u);
  if (unserved.length === 0 || V < 2) return false;
  // Most prize first: the job tried first where several fit.
  unserved.sort((a, b) => p.prize[b] - p.prize[a] || p.service[a] - p.service[b] || a - b);
  const prize0 = s.prize;
  const cost0 = s.totalCost;
  const saved: (SavedRoute | null)[] = new Array<SavedRoute | null>(V).fill(null);
  const touch = (v: number) => {
    if (saved[v] === null) saved[v] = s.save(v);
  };
  const slot = emptyInsertion();
  const move: Move = { gain: 0, j: -1, k: -1, to: -1 };
  const changed: number[] = [];
  for (let moves = 0; moves <= maxMoves && !timeUp(); moves++) {
    // Does an unserved job fit where the last move freed time (anywhere, before the first move)?
    const fitted = fitOne(s, unserved, moves === 0 ? null : changed, slot);
    if (fitted >= 0) {
      touch(slot.route);
      insertBest(s, fitted, slot);
      for (let v = 0; v < V; v++) if (saved[v] !== null) polishRoute(s, v);
      if (better(s.prize, s.totalCost, prize0, cost0)) return true;
      break;
    }
    if (moves === maxMoves || !bestMove(s, near, move)) break;
    changed.length = 0;
    const from = s.routeOf[move.j];
    changed.push(from, move.to);
    touch(from);
    touch(move.to);
    applyMove(s, move);
  }
  // Nothing fitted (or the day was no better): every touched route as it was.
  for (let v = 0; v < V; v++) if (saved[v] !== null) for (const j of s.jobs[v]) s.routeOf[j] = -1;
  for (let v = 0; v < V; v++) if (saved[v] !== null) s.restore(v, saved[v]!);
  s.prize = prize0;
  return false;
}

/** The first of `unserved` (in order) that fits into one of `routes` (null: all), its cheapest place in `slot`; -1 if none. */
function fitOne(s: PrizeRoutes, unserved: readonly number[], routes: readonly number[] | null, slot: Insertion): number {
  for (const u of unserved) {
    if (s.routeOf[u] >= 0) continue;
    slot.route = -1;
    slot.cost = Infinity;
    if (routes === null) for (let v = 0; v < s.p.vehicles.length; v++) bestInsertion(s, v, u, slot);
    else for (const v of routes) bestInsertion(s, v, u, slot);
    if (slot.route >= 0) return u;
  }
  return -1;
}

const square = (x: number) => x * x;

/**
 * The move that raises the sum of squared slack the most: each served job (not kept) relocated to the routes
 * of its near jobs and its near vehicles, or exchanged with a near job on another route. False when none raises it.
 */
function bestMove(s: PrizeRoutes, near: Neighbourhoods, out: Move): boolean {
  const p = s.p;
  out.gain = 0;
  out.j = -1;
  const slot = emptyInsertion();
  const routes: number[] = [];
  const removed: number[] = [];
  for (let j = 0; j < p.jobCount; j++) {
    const a = s.routeOf[j];
    if (a < 0 || p.keep[j] === 1) continue;
    routes.length = 0;
    for (let q = 0; q < near.k; q++) {
      const o = near.jobs[j * near.k + q];
      if (o < 0) break;
      const v = s.routeOf[o];
      if (v >= 0 && v !== a && !routes.includes(v)) routes.push(v);
    }
    for (let q = 0; q < near.kv; q++) {
      const v = near.vehicles[j * near.kv + q];
      if (v !== a && !routes.includes(v)) routes.push(v);
    }
    if (routes.length === 0) continue;
    const slackA = s.slack(a);
    // Relocate j: out of a (its legs joined), into each route at its cheapest place.
    const savedA = s.save(a);
    const at = s.jobs[a].indexOf(j);
    removed.length = 0;
    removeRange(s, a, at, at + 1, removed);
    const freedA = s.slack(a);
    if (freedA >= 0) {
      for (const b of routes) {
        slot.route = -1;
        slot.cost = Infinity;
        bestInsertion(s, b, j, slot);
        if (slot.route < 0) continue;
        const slackB = s.slack(b);
        const usedB = slot.inS + slot.outS - legBefore(s, b, slot.position) + p.service[j];
        const gain = square(freedA) + square(slackB - usedB) - square(slackA) - square(slackB);
        if (gain > out.gain) keepMove(out, gain, j, -1, b);
      }
    }
    // Exchange j with a near job k on another route: each at its cheapest place in the other's route.
    for (let q = 0; q < near.k; q++) {
      const k = near.jobs[j * near.k + q];
      if (k < 0) break;
      const b = s.routeOf[k];
      if (b < 0 || b === a || p.keep[k] === 1) continue;
      const gain = exchangeGain(s, a, j, b, k, slackA, slot, removed);
      if (gain > out.gain) keepMove(out, gain, j, k, b);
    }
    s.restore(a, savedA);
    s.prize += p.prize[j];
  }
  return out.j >= 0;
}

/** Seconds of the leg route v drives today at `position` (0 for an idle trip, as bestInsertion counts it). */
function legBefore(s: PrizeRoutes, v: number, position: number): number {
  const veh = s.p.vehicles[v];
  return s.jobs[v].length === 0 && veh.start === veh.end ? 0 : s.legSeconds(v, position);
}

/** Gain in squared slack of exchanging j (already out of route a) and k (on route b); -Infinity when infeasible. Routes as found on return. */
function exchangeGain(s: PrizeRoutes, a: number, j: number, b: number, k: number, slackA: number, slot: Insertion, removed: number[]): number {
  const slackB = s.slack(b);
  const prize = s.prize;
  const savedA = s.save(a);
  const savedB = s.save(b);
  const atK = s.jobs[b].indexOf(k);
  removed.length = 0;
  removeRange(s, b, atK, atK + 1, removed);
  let gain = -Infinity;
  slot.route = -1;
  slot.cost = Infinity;
  bestInsertion(s, b, j, slot);
  if (slot.route >= 0) {
    insertBest(s, j, slot);
    slot.route = -1;
    slot.cost = Infinity;
    bestInsertion(s, a, k, slot);
    if (slot.route >= 0) {
      insertBest(s, k, slot);
      if (s.slack(b) >= 0 && s.slack(a) >= 0) gain = square(s.slack(a)) + square(s.slack(b)) - square(slackA) - square(slackB);
    }
  }
  for (const v of [a, b]) for (const o of s.jobs[v]) s.routeOf[o] = -1;
  s.restore(a, savedA);
  s.restore(b, savedB);
  s.prize = prize;
  return gain;
}

function keepMove(out: Move, gain: number, j: number, k: number, to: number): void {
  out.gain = gain;
  out.j = j;
  out.k = k;
  out.to = to;
}

/** Applies a move found by bestMove. */
function applyMove(s: PrizeRoutes, m: Move): void {
  const a = s.routeOf[m.j];
  const removed: number[] = [];
  const slot = emptyInsertion();
  let at = s.jobs[a].indexOf(m.j);
  removeRange(s, a, at, at + 1, removed);
  if (m.k >= 0) {
    at = s.jobs[m.to].indexOf(m.k);
    removeRange(s, m.to, at, at + 1, removed);
  }
  bestInsertion(s, m.to, m.j, slot);
  insertBest(s, m.j, slot);
  if (m.k >= 0) {
    slot.route = -1;
    slot.cost = Infinity;
    bestInsertion(s, a, m.k, slot);
    insertBest(s, m.k, slot);
  }
}
