/** Shared helpers of the routing tests: instance files and small random problems. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../server/core/routing/base/random.js';
import type { PrizeProblem, VrpProblem } from '../../server/core/routing/index.js';

export const INSTANCES = join(import.meta.dirname, '../../bench/instances');

export function readInstanceFile(set: 'tsplib' | 'cvrp', name: string): string {
  return readFileSync(join(INSTANCES, set, name), 'utf8');
}

export function listInstanceFiles(set: 'tsplib' | 'cvrp', ext: string): string[] {
  return readdirSync(join(INSTANCES, set))
    .filter((f) => f.endsWith(ext))
    .sort();
}

export function readJson<T>(set: 'tsplib' | 'cvrp', name: string): T {
  return JSON.parse(readInstanceFile(set, name)) as T;
}

/** Random points on a 1000 x 1000 square and their rounded Euclidean matrix. */
export function randomEuclidean(n: number, seed: number): Int32Array {
  const rng = new Rng(seed);
  const xs = Array.from({ length: n }, () => rng.nextInt(1000));
  const ys = Array.from({ length: n }, () => rng.nextInt(1000));
  const m = new Int32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) m[i * n + j] = Math.round(Math.sqrt((xs[i] - xs[j]) ** 2 + (ys[i] - ys[j]) ** 2));
  return m;
}

export interface RandomVrpSpec {
  seed: number;
  locations: number;
  jobs: number;
  vehicles: number;
  /** Make durations differ from distances (and be asymmetric). */
  asymmetricDurations?: boolean;
  pins?: boolean;
  priorities?: boolean;
  /** Shift length range in seconds. */
  shift?: [number, number];
  capacity?: [number, number];
}

/** A random multi-depot problem; distances Euclidean, durations correlated. */
export function randomVrp(spec: RandomVrpSpec): VrpProblem {
  const rng = new Rng(spec.seed);
  const n = spec.locations;
  const distances = randomEuclidean(n, spec.seed * 7 + 3);
  const durations = new Int32Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const base = distances[i * n + j];
      durations[i * n + j] = i === j ? 0 : spec.asymmetricDurations ? Math.round(base * (0.8 + 0.6 * rng.nextFloat())) : base;
    }
  const [s0, s1] = spec.shift ?? [1500, 4000];
  const [c0, c1] = spec.capacity ?? [3, 8];
  const vehicles = Array.from({ length: spec.vehicles }, () => {
    const start = 3600 * 8;
    return {
      start: rng.nextInt(n),
      end: rng.nextInt(n),
      capacity: rng.nextIntBetween(c0, c1),
      shiftStartSeconds: start,
      shiftEndSeconds: start + rng.nextIntBetween(s0, s1),
    };
  });
  const jobs = Array.from({ length: spec.jobs }, () => ({
    location: rng.nextInt(n),
    serviceSeconds: rng.nextInt(300),
    demand: rng.nextIntBetween(1, 3),
    priority: spec.priorities ? rng.nextInt(4) : 0,
    allowedVehicles:
      spec.pins && rng.nextFloat() < 0.3 ? Array.from({ length: spec.vehicles }, (_, v) => v).filter(() => rng.nextFloat() < 0.5) : undefined,
  }));
  return { size: n, distances, durations, vehicles, jobs };
}

/**
 * A random prize problem on a plane: `jobs` jobs in a `sideMetres` square, `vehicles` closed trips from
 * random bases (`pointsPerVehicle` points drawn for each: 2 leaves room for open trips), 1 m = 1 metre
 * (x 1.35 for the streets), 5 m/s; services of 1,200, 1,800 or 2,700 s; prizes 100, a `highShare` of them 10,000.
 */
export function prizePlane(
  jobs: number,
  vehicles: number,
  seed: number,
  options: { sideMetres: number; highShare: number; shiftSeconds: number; pointsPerVehicle: 1 | 2 },
  extra: Partial<PrizeProblem> = {},
): PrizeProblem {
  const rng = new Rng(seed);
  const per = options.pointsPerVehicle;
  const n = jobs + per * vehicles;
  const x = Float64Array.from({ length: n }, () => rng.nextFloat() * options.sideMetres);
  const y = Float64Array.from({ length: n }, () => rng.nextFloat() * options.sideMetres);
  const d = (a: number, b: number) => Math.hypot(x[a] - x[b], y[a] - y[b]) * 1.35;
  return {
    jobCount: jobs,
    pointCount: n,
    x,
    y,
    metres: (a, b) => (a === b ? 0 : Math.round(d(a, b))),
    seconds: (a, b) => (a === b ? 0 : Math.round(d(a, b) / 5)),
    service: Int32Array.from({ length: jobs }, () => [1200, 1800, 2700][rng.nextInt(3)]),
    prize: Float64Array.from({ length: jobs }, () => (rng.nextFloat() < options.highShare ? 10_000 : 100)),
    onlyVehicle: new Int32Array(jobs).fill(-1),
    keep: new Uint8Array(jobs),
    symmetric: true,
    vehicles: Array.from({ length: vehicles }, (_, v) => ({ start: jobs + per * v, end: jobs + per * v, startSeconds: 0, endSeconds: options.shiftSeconds, capacity: Infinity })),
    costBy: 'metres',
    ...extra,
  };
}

/** Seconds and cost of a route, recomputed leg by leg. */
export function measureRoute(p: PrizeProblem, v: number, jobs: readonly number[]): { seconds: number; cost: number } {
  const veh = p.vehicles[v];
  if (jobs.length === 0 && veh.start === veh.end) return { seconds: 0, cost: 0 };
  let at = veh.start;
  let seconds = 0;
  let cost = 0;
  for (const j of [...jobs, veh.end]) {
    seconds += p.seconds(at, j);
    cost += p.costBy === 'metres' ? p.metres(at, j) : p.seconds(at, j);
    at = j;
  }
  for (const j of jobs) seconds += p.service[j];
  return { seconds, cost };
}

/** A clock that reads 0 for its first `startReads` reads (the budget's start), then `aheadMs` for good: a slow start. */
export function slowStartClock(startReads: number, aheadMs: number): () => number {
  let reads = 0;
  return () => (reads++ < startReads ? 0 : aheadMs);
}
