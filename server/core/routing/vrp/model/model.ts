/**
 * A VrpProblem checked and flattened into typed arrays: what every VRP
 * operator reads. Built once per solve.
 */
import { invalidProblem } from '../../base/errors.js';
import { nearestLists } from '../../base/neighbours.js';
import type { UnassignedReason, VrpProblem } from '../../base/types.js';

/** Travel cost standing in for "no path": far beyond any shift, still exact in doubles. */
export const NO_PATH = 1_000_000_000;

export const MODEL_DEFAULTS = {
  /** Nearest jobs kept per job (ruin adjacency; construction). */
  adjacency: 50,
  /** Of those, how many the local-search operators try. */
  localNeighbours: 12,
};

export interface Model {
  size: number;
  /** Number of jobs. */
  m: number;
  /** Number of vehicles. */
  vehicles: number;
  dist: Int32Array;
  dur: Int32Array;
  symmetric: boolean;
  jobLoc: Int32Array;
  jobService: Float64Array;
  jobDemand: Float64Array;
  jobPriority: Float64Array;
  /** allowed[v*m + j]; null when every job may use every vehicle. */
  allowed: Uint8Array | null;
  vStart: Int32Array;
  vEnd: Int32Array;
  vCap: Float64Array;
  vMaxDuration: Float64Array;
  vShiftStart: Float64Array;
  /** Nearest jobs per job, flat, `adjacency` per row. */
  neighbours: Int32Array;
  adjacency: number;
  localNeighbours: number;
  /** Distance from the nearest vehicle start (SISR's "far" order). */
  jobFar: Float64Array;
  /** Per job: why it can never be served, or null if some vehicle could serve it alone. */
  neverFits: (UnassignedReason | null)[];
  totalPriority: number;
  /**
   * Smallest detour t(a,l) + t(l,c) - t(a,c) of the durations (<= 0; below 0
   * where the triangle inequality fails, e.g. rounding or one-way streets).
   * Exact up to TRIANGLE_EXACT_UP_TO locations, else from a seeded sample.
   * Lets insertion skip a full day without missing a shortcut.
   */
  minDetourSeconds: number;
}

export const TRIANGLE_EXACT_UP_TO = 130;
const TRIANGLE_SAMPLES = 400_000;

function minDetour(dur: Int32Array, n: number): number {
  let worst = 0;
  if (n <= TRIANGLE_EXACT_UP_TO) {
    for (let a = 0; a < n; a++)
      for (let l = 0; l < n; l++) {
        const al = dur[a * n + l];
        for (let c = 0; c < n; c++) {
          const d = al + dur[l * n + c] - dur[a * n + c];
          if (d < worst) worst = d;
        }
      }
    return worst;
  }
  // Sampled: a missed shortcut only costs an insertion, never feasibility.
  let x = 0x2545f491;
  for (let k = 0; k < TRIANGLE_SAMPLES; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const a = (x >>> 0) % n;
    const l = ((x >>> 0) / n) % n | 0;
    const c = (k * 7919 + a) % n;
    const d = dur[a * n + l] + dur[l * n + c] - dur[a * n + c];
    if (d < worst) worst = d;
  }
  return 2 * worst;
}

function checkMatrix(name: string, a: unknown, size: number): Int32Array {
  if (!(a instanceof Int32Array)) throw invalidProblem(`${name} must be an Int32Array`);
  if (a.length !== size * size) throw invalidProblem(`${name} has ${a.length} entries, expected ${size * size}`, { name });
  return a;
}

function sanitize(a: Int32Array): Int32Array {
  let negative = false;
  for (let i = 0; i < a.length; i++) if (a[i] < 0) negative = true;
  if (!negative) return a;
  const out = Int32Array.from(a);
  for (let i = 0; i < out.length; i++) if (out[i] < 0) out[i] = NO_PATH;
  return out;
}

function isSymmetric(a: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (a[i * n + j] !== a[j * n + i]) return false;
  return true;
}

export interface BuildModelOptions {
  /** Nearest jobs kept per job; 0 skips the O(m^2) neighbour lists (one-off insertions). */
  adjacency?: number;
  /**
   * Judge which jobs can never be served (neverFits; default true). Where the
   * triangle inequality fails that takes a Dijkstra per vehicle start and end,
   * O(vehicles x size^2): callers that only move jobs between routes they know
   * to be feasible (insertion, local search) skip it; neverFits is then all null.
   */
  neverFits?: boolean;
}

export function buildModel(problem: VrpProblem, options: BuildModelOptions = {}): Model {
  const size = problem.size;
  if (!Number.isInteger(size) || size < 1) throw invalidProblem(`size must be a positive integer, got ${size}`);
  const rawDur = checkMatrix('durations', problem.durations, size);
  const rawDist = problem.distances ? checkMatrix('distances', problem.distances, size) : rawDur;
  const dur = sanitize(rawDur);
  const dist = rawDist === rawDur ? dur : sanitize(rawDist);
  const vs = problem.vehicles;
  const js = problem.jobs;
  const K = vs.length;
  const m = js.length;
  const loc = (v: number, what: string, details: Record<string, unknown>) => {
    if (!Number.isInteger(v) || v < 0 || v >= size) throw invalidProblem(`${what} ${v} outside 0..${size - 1}`, details);
    return v;
  };
  const vStart = new Int32Array(K);
  const vEnd = new Int32Array(K);
  const vCap = new Float64Array(K);
  const vMaxDuration = new Float64Array(K);
  const vShiftStart = new Float64Array(K);
  vs.forEach((v, i) => {
    vStart[i] = loc(v.start, 'vehicle start', { vehicle: i });
    vEnd[i] = loc(v.end, 'vehicle end', { vehicle: i });
    const cap = v.capacity ?? Infinity;
    if (!(cap >= 0)) throw invalidProblem(`vehicle ${i}: capacity must be >= 0`, { vehicle: i });
    vCap[i] = cap;
    if (!Number.isFinite(v.shiftStartSeconds) || Number.isNaN(v.shiftEndSeconds) || v.shiftEndSeconds < v.shiftStartSeconds)
      throw invalidProblem(`vehicle ${i}: shift must satisfy start <= end`, { vehicle: i });
    vShiftStart[i] = v.shiftStartSeconds;
    vMaxDuration[i] = v.shiftEndSeconds - v.shiftStartSeconds;
  });
  const jobLoc = new Int32Array(m);
  const jobService = new Float64Array(m);
  const jobDemand = new Float64Array(m);
  const jobPriority = new Float64Array(m);
  let allowed: Uint8Array | null = null;
  let totalPriority = 0;
  js.forEach((j, i) => {
    jobLoc[i] = loc(j.location, 'job location', { job: i });
    if (!(j.serviceSeconds >= 0) || !Number.isFinite(j.serviceSeconds))
      throw invalidProblem(`job ${i}: serviceSeconds must be a finite number >= 0`, { job: i });
    jobService[i] = Math.round(j.serviceSeconds);
    const demand = j.demand ?? 1;
    if (!(demand >= 0) || !Number.isFinite(demand)) throw invalidProblem(`job ${i}: demand must be >= 0`, { job: i });
    jobDemand[i] = demand;
    const priority = j.priority ?? 0;
    if (!Number.isInteger(priority) || priority < 0) throw invalidProblem(`job ${i}: priority must be an integer >= 0`, { job: i });
    jobPriority[i] = priority;
    totalPriority += priority;
    if (j.allowedVehicles) {
      if (!allowed) allowed = new Uint8Array(K * m).fill(1);
      for (let v = 0; v < K; v++) allowed[v * m + i] = 0;
      for (const v of j.allowedVehicles) {
        if (!Number.isInteger(v) || v < 0 || v >= K) throw invalidProblem(`job ${i}: allowed vehicle ${v} outside 0..${K - 1}`, { job: i });
        allowed[v * m + i] = 1;
      }
    }
  });
  const n = size;
  const adjacency = Math.min(options.adjacency ?? MODEL_DEFAULTS.adjacency, Math.max(0, m - 1));
  const neighbours = nearestLists(m, adjacency, (a, b) => {
    const la = jobLoc[a];
    const lb = jobLoc[b];
    return dist[la * n + lb] + dist[lb * n + la];
  });
  const jobFar = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let far = Infinity;
    for (let v = 0; v < K; v++) far = Math.min(far, dist[vStart[v] * n + jobLoc[j]]);
    jobFar[j] = far;
  }
  const model: Model = {
    size,
    m,
    vehicles: K,
    dist,
    dur,
    symmetric: isSymmetric(dist, n) && (dur === dist || isSymmetric(dur, n)),
    jobLoc,
    jobService,
    jobDemand,
    jobPriority,
    allowed,
    vStart,
    vEnd,
    vCap,
    vMaxDuration,
    vShiftStart,
    neighbours,
    adjacency,
    localNeighbours: Math.min(MODEL_DEFAULTS.localNeighbours, adjacency),
    jobFar,
    neverFits: [],
    totalPriority,
    minDetourSeconds: minDetour(dur, n),
  };
  // Where the triangle inequality fails, going via other stops can be quicker than going direct:
  // judge "fits alone" on shortest-path times then, a lower bound on any route through the job.
  if (options.neverFits === false) {
    for (let j = 0; j < m; j++) model.neverFits.push(null);
    return model;
  }
  const viaFastest = model.minDetourSeconds < 0 ? shortestTimes(model) : null;
  for (let j = 0; j < m; j++) model.neverFits.push(reasonJobNeverFits(model, rawDur, j, viaFastest));
  return model;
}

/** Fastest travel from each vehicle start (forwards) and to each vehicle end (backwards), by dense Dijkstra. */
function shortestTimes(model: Model): { from: Map<number, Float64Array>; to: Map<number, Float64Array> } {
  const n = model.size;
  const dur = model.dur;
  const run = (source: number, backwards: boolean): Float64Array => {
    const best = new Float64Array(n).fill(Infinity);
    const done = new Uint8Array(n);
    best[source] = 0;
    for (let k = 0; k < n; k++) {
      let u = -1;
      for (let i = 0; i < n; i++) if (!done[i] && (u < 0 || best[i] < best[u])) u = i;
      if (u < 0 || best[u] === Infinity) break;
      done[u] = 1;
      for (let v = 0; v < n; v++) {
        const w = backwards ? dur[v * n + u] : dur[u * n + v];
        if (best[u] + w < best[v]) best[v] = best[u] + w;
      }
    }
    return best;
  };
  const from = new Map<number, Float64Array>();
  const to = new Map<number, Float64Array>();
  for (let v = 0; v < model.vehicles; v++) {
    if (!from.has(model.vStart[v])) from.set(model.vStart[v], run(model.vStart[v], false));
    if (!to.has(model.vEnd[v])) to.set(model.vEnd[v], run(model.vEnd[v], true));
  }
  return { from, to };
}

export function isAllowed(model: Model, vehicle: number, job: number): boolean {
  return model.allowed === null || model.allowed[vehicle * model.m + job] === 1;
}

/**
 * Why job j cannot be served by any allowed vehicle, judged on the job alone
 * (null if some vehicle might serve it). Of several vehicles, the reason of the one that got furthest
 * (reachable, then within capacity, then within its shift).
 */
function reasonJobNeverFits(
  model: Model,
  rawDur: Int32Array,
  j: number,
  viaFastest: { from: Map<number, Float64Array>; to: Map<number, Float64Array> } | null,
): UnassignedReason | null {
  const n = model.size;
  const l = model.jobLoc[j];
  let furthest = -1;
  const reasons: UnassignedReason[] = ['unreachable', 'capacity', 'shift_too_short'];
  for (let v = 0; v < model.vehicles; v++) {
    if (!isAllowed(model, v, j)) continue;
    const s = model.vStart[v];
    const e = model.vEnd[v];
    if (rawDur[s * n + l] < 0 || rawDur[l * n + e] < 0) {
      furthest = Math.max(furthest, 0);
      continue;
    }
    if (model.jobDemand[j] > model.vCap[v]) {
      furthest = Math.max(furthest, 1);
      continue;
    }
    const there = viaFastest ? viaFastest.from.get(s)![l] : model.dur[s * n + l];
    const back = viaFastest ? viaFastest.to.get(e)![l] : model.dur[l * n + e];
    if (there + model.jobService[j] + back > model.vMaxDuration[v]) {
      furthest = 2;
      continue;
    }
    return null;
  }
  return furthest < 0 ? 'no_allowed_vehicle' : reasons[furthest];
}
