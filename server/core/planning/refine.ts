/**
 * Step 8b of the day: which tickets get served. The days are over-full, so
 * after the group solves and the fill pass the question is a prize-collecting
 * one: the routing core's prize search (core/routing/prize) ruins a corner of
 * the day (strings of stops of the crews working near a random ticket) and
 * rebuilds it from the stops taken out and the waiting tickets nearby, most
 * weight first, each at its cheapest feasible place; the best day (most
 * weight, then least distance) is kept. So a crew gives up a far ticket for
 * two near ones, and a slow repair for two quick ones, when that serves more.
 *
 * Pinned tickets stay with their crew; nothing breaks a shift or a capacity.
 * On the budget's clock, at most refineIterationsPerCrewSecond iterations per crew and second of the
 * budget (counted between 1 and 2 s); or a fixed number of iterations (iterationScale, for tests).
 */
import { neighbourhoods, PRIZE_SEARCH_DEFAULTS, solvePrizeRoutes, type PrizeProblem } from '../routing/index.js';
import type { TravelMatrix } from '../zoning/matrix-travel.js';
import type { LatLon, Leg, TravelModel } from '../zoning/travel.js';

const EARTH_RADIUS_METRES = 6_371_000;
import { PLAN_DEFAULTS, type Day } from './day.js';
import type { PlannedRoute } from './model.js';
import { timeRoute } from './route.js';
import type { Pool } from './screen.js';

/** Prize per weight unit when every ticket that fits comes before any metre: above any day's metres. */
const LEXICOGRAPHIC = 1e5;

/** Improves `routes` in place; returns the search's iterations. */
export function refineDay(day: Day, pool: Pool, routes: PlannedRoute[], time: { timeMs: number; clock: () => number }): number {
  const enteredMs = time.clock();
  const { tickets, crews, travel, objective } = day.input;
  const jobTicket: number[] = [...pool.pinnedTo.flat(), ...pool.urgent, ...pool.normal];
  const n = jobTicket.length;
  const K = crews.length;
  if (n === 0 || K === 0) return 0;
  // An over-full day (more repair time than the crews have): the crews' days fill up either way, and a
  // Normal ticket is served when it costs fewer metres than it is worth (a near 45-minute repair rather
  // than a 20-minute one across town). Otherwise every ticket that fits is served, the metres come after.
  let service = 0;
  for (const i of jobTicket) service += tickets[i].serviceSeconds;
  const overFull = service >= PLAN_DEFAULTS.overFullRatio * day.available.reduce((a, b) => a + b, 0);
  // Makespan: finishing early matters on a day with room, which the prize search does not weigh.
  if (objective === 'makespan' && !overFull) return 0;
  const jobOf = new Map<number, number>();
  jobTicket.forEach((i, j) => jobOf.set(i, j));
  const points: LatLon[] = jobTicket.map((i) => tickets[i]);
  for (const r of routes) points.push(r.from, r.to);
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  // Metres on a local plane (equirectangular at the mean latitude): within 0.1 % of the haversine across a city.
  const rad = Math.PI / 180;
  const cosLat = Math.cos((points.reduce((s, q) => s + q.lat, 0) / points.length) * rad);
  points.forEach((q, a) => {
    x[a] = EARTH_RADIUS_METRES * q.lon * rad * cosLat;
    y[a] = EARTH_RADIUS_METRES * q.lat * rad;
  });
  const metresPerSecond = (travel.speedKmh * 1000) / 3600;
  const serviceOf = new Int32Array(n);
  const prize = new Float64Array(n);
  const onlyVehicle = new Int32Array(n).fill(-1);
  const keep = new Uint8Array(n);
  jobTicket.forEach((i, j) => {
    serviceOf[j] = tickets[i].serviceSeconds;
    prize[j] = day.weightOf(i);
    const pin = tickets[i].pinnedCrew;
    if (pin != null) {
      onlyVehicle[j] = pin;
      keep[j] = 1;
    }
  });
  // A road network: legs read straight from its matrices when every point is in its set.
  const onMatrix = travel.matrix ? matrixLegs(travel.matrix, points) : null;
  const legs = onMatrix ?? modelLegs(travel, points);
  const problem: PrizeProblem = {
    jobCount: n,
    pointCount: points.length,
    x,
    y,
    // The straight-line travel model: a leg is the planar distance x detour factor (at the city speed). Not on roads.
    planar: travel.matrix
      ? undefined
      : { secondsPerUnit: travel.detourFactor / metresPerSecond, costPerUnit: objective === 'makespan' ? travel.detourFactor / metresPerSecond : travel.detourFactor, tolerance: 0.01 },
    seconds: legs.seconds,
    metres: legs.metres,
    service: serviceOf,
    prize,
    onlyVehicle,
    keep,
    // Urgent stops due today first in their trip (step 9's rule), so the search counts the kilometres it costs.
    rank: Uint8Array.from(jobTicket, (i) => (day.visitFirst(i) ? 0 : 1)),
    // One-way streets: a leg may differ from its way back.
    symmetric: !travel.matrix,
    vehicles: routes.map((r, k) => ({ start: n + 2 * k, end: n + 2 * k + 1, startSeconds: r.startSeconds, endSeconds: crews[k].shiftEndSeconds, capacity: crews[k].capacityJobs ?? Infinity })),
    costBy: objective === 'makespan' ? 'seconds' : 'metres',
  };
  // Stops the search cannot see (none today) keep their route as it is.
  const initial = routes.map((r) => r.stops.map((s) => jobOf.get(s.ticket) ?? -1));
  if (initial.some((list) => list.includes(-1))) return 0;
  const near = neighbourhoods(problem, PRIZE_SEARCH_DEFAULTS.nearJobs, PRIZE_SEARCH_DEFAULTS.nearVehicles);
  // What a Normal ticket is worth: a few of the day's typical hops (the mean leg from a ticket to its nearest
  // neighbour), so the trade follows the density of the day: on a dense day a ticket is worth fewer metres.
  let hops = 0;
  for (let j = 0; j < n; j++) hops += near.k > 0 ? problem.metres(j, near.jobs[j * near.k]) : 0;
  const worthMetres = day.input.normalTicketMetres ?? Math.round((PLAN_DEFAULTS.normalTicketHops * hops) / n);
  const worth = objective === 'makespan' ? travel.secondsForMetres(worthMetres) : worthMetres;
  const prizeCost = worth / PLAN_DEFAULTS.weight.normal;
  const bestPrizeCost = overFull ? prizeCost : LEXICOGRAPHIC;
  const seconds = PLAN_DEFAULTS.refineBudgetSeconds;
  const scale = day.input.iterationScale ?? Math.min(seconds.max, Math.max(seconds.min, (day.input.budgetMs ?? PLAN_DEFAULTS.budgetMs) / 1000));
  const iterations = Math.max(1, Math.round(scale * PLAN_DEFAULTS.refineIterationsPerCrewSecond * K));
  // The budget counts from this step's start: the set-up (neighbourhoods) is spent, and as much again is kept
  // for the end (the routes polished and timed), so the step ends within its time.
  const setupMs = time.clock() - enteredMs;
  const deadline = enteredMs + time.timeMs - Math.min(setupMs, 0.2 * time.timeMs);
  const result = solvePrizeRoutes(problem, initial, { near, timeMs: Math.max(0, deadline - time.clock()), iterations, seed: day.input.seed ?? PLAN_DEFAULTS.seed, now: time.clock, timeLead: PLAN_DEFAULTS.timeLead, prizeCost, bestPrizeCost });
  day.input.onRefine?.(result.iterations, result.improvements, overFull ? worthMetres : null);
  for (let k = 0; k < K; k++) {
    const r = routes[k];
    routes[k] = timeRoute(k, r.from, r.startSeconds, result.routes[k].map((j) => jobTicket[j]), tickets, travel, r.zoneId, r.to);
  }
  return result.iterations;
}

/** Points up to which the travel model's legs are kept once asked (two Float64Array of points², 36 MB at most). */
const MEMO_MAX_POINTS = 1500;

/**
 * Legs by point index from the travel model. The search asks for the same legs again and again (a ruined
 * corner is rebuilt from the same stops): on a day of up to MEMO_MAX_POINTS points each leg is computed once,
 * on its first ask (NaN: not yet); above that, from one call of the model per leg (metres, then seconds).
 */
function modelLegs(travel: TravelModel, points: readonly LatLon[]): { seconds: (a: number, b: number) => number; metres: (a: number, b: number) => number } {
  const legOf =
    travel.leg?.bind(travel) ??
    ((a: LatLon, b: LatLon, leg: Leg) => {
      leg.metres = travel.metres(a, b);
      leg.seconds = travel.seconds(a, b);
    });
  const N = points.length;
  const out: Leg = { metres: 0, seconds: 0 };
  if (N <= MEMO_MAX_POINTS) {
    const seconds = new Float64Array(N * N).fill(NaN);
    const metres = new Float64Array(N * N);
    const at = (a: number, b: number): number => {
      const i = a * N + b;
      if (seconds[i] !== seconds[i]) {
        legOf(points[a], points[b], out);
        seconds[i] = out.seconds;
        metres[i] = out.metres;
      }
      return i;
    };
    return { seconds: (a, b) => (a === b ? 0 : seconds[at(a, b)]), metres: (a, b) => (a === b ? 0 : metres[at(a, b)]) };
  }
  // The search asks for a leg's metres and seconds in turn: the last one is kept.
  let lastA = -1;
  let lastB = -1;
  const at = (a: number, b: number): Leg => {
    if (lastA !== a || lastB !== b) {
      legOf(points[a], points[b], out);
      lastA = a;
      lastB = b;
    }
    return out;
  };
  return { seconds: (a, b) => (a === b ? 0 : at(a, b).seconds), metres: (a, b) => (a === b ? 0 : at(a, b).metres) };
}

/** Legs by point index on a road matrix (null when a point is not in its set or a leg between them has no path: the model's fallback is asked then). */
function matrixLegs(m: TravelMatrix, points: readonly LatLon[]): { seconds: (a: number, b: number) => number; metres: (a: number, b: number) => number } | null {
  const col = new Int32Array(points.length);
  const row = new Int32Array(points.length);
  for (let a = 0; a < points.length; a++) {
    col[a] = m.indexOf(points[a]);
    if (col[a] < 0) return null;
    row[a] = col[a] * m.size;
  }
  // Every leg the search may ask for has a path (a point off the network elsewhere in the matrix does not matter).
  const { distances, durations } = m;
  for (let a = 0; a < points.length; a++) {
    for (let b = 0; b < points.length; b++) if (durations[row[a] + col[b]] < 0 || distances[row[a] + col[b]] < 0) return null;
  }
  return {
    seconds: (a, b) => (a === b ? 0 : durations[row[a] + col[b]]),
    metres: (a, b) => (a === b ? 0 : distances[row[a] + col[b]]),
  };
}
