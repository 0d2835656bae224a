/**
 * One closed tour through every city: nearest neighbour, then iterated local
 * search (2-opt + Or-opt under don't-look bits) with local "segment double
 * bridge" kicks; a kick that does not pay is undone from the tour's change log.
 */
import { Budget, type SolveOptions } from '../base/budget.js';
import { invalidProblem } from '../base/errors.js';
import { tourLength } from '../base/metrics.js';
import { matrixNeighbourLists } from '../base/neighbours.js';
import { Rng } from '../base/random.js';
import { CityQueue, type TspContext } from './context.js';
import { runTspLocalSearch, TSP_OPERATORS } from './local-search.js';
import { nearestNeighbourTour } from './nearest-neighbour.js';
import { ArrayTour } from './tour.js';

export interface TspOptions extends SolveOptions {
  /** City the returned tour starts (and ends) at. */
  start?: number;
  /** Only the construction and one local search (the benchmark's baseline). */
  localSearchOnly?: boolean;
  /** Start from this tour (a permutation of 0..n-1) instead of nearest neighbour. */
  initialTour?: readonly number[];
  /** If given, receives the number of kicks run. */
  stats?: { iterations: number };
  /** Enumerate every tour up to this many cities (default TSP_DEFAULTS.exactUpTo). */
  exactUpTo?: number;
  /** Operators of the local search; default 2-opt then Or-opt. */
  operators?: typeof TSP_OPERATORS;
}

/** Defaults of solveTsp. */
export const TSP_DEFAULTS = {
  /** Used when neither timeMs nor iterations is given. */
  timeMs: 1000,
  /** Candidate-list length. */
  neighbours: 10,
  /** Longest segment a kick swaps; small kicks (<= 10) stall. */
  maxKickSegment: 50,
  /** Up to this many cities, enumerate every tour. */
  exactUpTo: 8,
  seed: 1,
};

export interface TspResult {
  tour: number[];
  length: number;
}

/** Checks n, the matrix size and the start city; returns the start. */
export function checkTspInput(matrix: Int32Array, n: number, options: TspOptions): number {
  if (!Number.isInteger(n) || n < 1) throw invalidProblem(`n must be a positive integer, got ${n}`);
  if (matrix.length !== n * n) throw invalidProblem(`matrix has ${matrix.length} entries, expected ${n * n}`);
  const start = options.start ?? 0;
  if (!Number.isInteger(start) || start < 0 || start >= n) throw invalidProblem(`start ${start} outside 0..${n - 1}`);
  return start;
}

/**
 * The TSP solver proper, for a symmetric matrix (the caller checks: see
 * solveTsp in ../tsp.ts, which sends asymmetric matrices to the VRP solver).
 */
export function solveSymmetricTsp(matrix: Int32Array, n: number, options: TspOptions = {}): TspResult {
  const start = checkTspInput(matrix, n, options);
  const budget = new Budget(
    options.timeMs === undefined && options.iterations === undefined ? { ...options, timeMs: TSP_DEFAULTS.timeMs } : options,
  );
  if (n <= 3) {
    const tour = Array.from({ length: n }, (_, i) => (start + i) % n);
    return { tour, length: tourLength(matrix, n, tour) };
  }
  if (n <= (options.exactUpTo ?? TSP_DEFAULTS.exactUpTo)) return exactTsp(matrix, n, start);

  if (options.initialTour && (options.initialTour.length !== n || new Set(options.initialTour).size !== n))
    throw invalidProblem('initialTour must visit every city once');
  const rng = new Rng(options.seed ?? TSP_DEFAULTS.seed);
  const k = Math.min(TSP_DEFAULTS.neighbours, n - 1);
  const ctx: TspContext = {
    n,
    matrix,
    neighbours: matrixNeighbourLists(matrix, n, k, true),
    k,
    tour: new ArrayTour(options.initialTour ?? nearestNeighbourTour(matrix, n, start)),
    queue: new CityQueue(n),
  };
  const operators = options.operators ?? TSP_OPERATORS;
  const { tour, queue } = ctx;
  for (let c = 0; c < n; c++) queue.push(tour.order[c]);
  let length = tourLength(matrix, n, tour.order) - runTspLocalSearch(ctx, operators);
  tour.logLength = 0;

  if (!options.localSearchOnly) {
    const maxSeg = Math.max(1, Math.min(TSP_DEFAULTS.maxKickSegment, Math.floor((n - 2) / 2)));
    const order = tour.order;
    while (budget.tick()) {
      const i = rng.nextInt(n);
      const l1 = 1 + rng.nextInt(maxSeg);
      const l2 = 1 + rng.nextInt(maxSeg);
      // p [a1..a2] [b1..b2] q  ->  p [b1..b2] [a1..a2] q
      const p = order[i];
      const a1 = order[(i + 1) % n];
      const a2 = order[(i + l1) % n];
      const b1 = order[(i + l1 + 1) % n];
      const b2 = order[(i + l1 + l2) % n];
      const q = order[(i + l1 + l2 + 1) % n];
      const kick =
        matrix[p * n + b1] + matrix[b2 * n + a1] + matrix[a2 * n + q] -
        matrix[p * n + a1] - matrix[a2 * n + b1] - matrix[b2 * n + q];
      tour.move2opt(p, a1, b2, q);
      tour.move2opt(p, b2, b1, a2);
      tour.move2opt(b2, a2, a1, q);
      queue.push(p);
      queue.push(a1);
      queue.push(a2);
      queue.push(b1);
      queue.push(b2);
      queue.push(q);
      const candidate = length + kick - runTspLocalSearch(ctx, operators);
      if (candidate <= length) {
        length = candidate;
        tour.logLength = 0;
      } else {
        tour.undoTo(0);
      }
    }
  }
  if (options.stats) options.stats.iterations += budget.done;
  const result = tour.toArray(start);
  return { tour: result, length: tourLength(matrix, n, result) };
}

/** Every tour that starts at `start` (n <= 9 or so). */
export function exactTsp(matrix: Int32Array, n: number, start = 0): TspResult {
  const rest = Array.from({ length: n }, (_, i) => i).filter((c) => c !== start);
  let best = Infinity;
  let bestTour: number[] = [start, ...rest];
  const current = [start];
  const used = new Uint8Array(n);
  used[start] = 1;
  const visit = (last: number, cost: number): void => {
    if (cost >= best) return;
    if (current.length === n) {
      const total = cost + matrix[last * n + start];
      if (total < best) {
        best = total;
        bestTour = current.slice();
      }
      return;
    }
    for (const c of rest) {
      if (used[c]) continue;
      used[c] = 1;
      current.push(c);
      visit(c, cost + matrix[last * n + c]);
      current.pop();
      used[c] = 0;
    }
  };
  visit(start, 0);
  return { tour: bestTour, length: best };
}

export function isSymmetric(matrix: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (matrix[i * n + j] !== matrix[j * n + i]) return false;
  return true;
}
