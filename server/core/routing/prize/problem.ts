/**
 * The prize-collecting VRP (team orienteering with service times): more jobs
 * than the vehicles can do, each job with a prize; choose which jobs each
 * vehicle does, and in what order, to collect the most prize and then drive
 * the least. No travel matrix: legs are asked of the caller (`seconds`,
 * `metres` on point indexes), so a 20,000-job day costs no n² memory; the
 * search only asks for legs between near points (granular neighbour lists,
 * built here on planar coordinates).
 *
 * Pure: plain data and typed arrays in, job lists out.
 */

export interface PrizeVehicle {
  /** Point where the trip starts and where it ends (may be the same point). */
  start: number;
  end: number;
  /** The trip leaves `start` at startSeconds and must be at `end` by endSeconds. */
  startSeconds: number;
  endSeconds: number;
  /** Most jobs; Infinity: only the time limits it. */
  capacity: number;
}

export interface PrizeProblem {
  /** Jobs are points 0 .. jobCount-1; vehicles' start and end points come after them. */
  jobCount: number;
  pointCount: number;
  /** Planar coordinates of every point (any unit; to find near points, and with `planar` to skip hopeless insertions). */
  x: Float64Array;
  y: Float64Array;
  /**
   * Optional: legs are about the straight planar distance times these factors, within `tolerance`
   * (a share of each leg). Insertions whose estimate cannot fit or cannot win are then not asked of
   * `seconds`/`metres`: fewer exact legs, the same answer while the estimate holds.
   */
  planar?: { secondsPerUnit: number; costPerUnit: number; tolerance: number };
  /** Integer driving seconds and metres between two points (0 from a point to itself). */
  seconds(a: number, b: number): number;
  metres(a: number, b: number): number;
  /** Time on site per job, seconds. */
  service: Int32Array;
  /** Prize per job (> 0): the search maximises the total before anything else. */
  prize: Float64Array;
  /** Per job: -1 any vehicle, else the only vehicle that may do it. */
  onlyVehicle: Int32Array;
  /** Per job: 1 = once in a route it never leaves it (a pin): it may change position only. */
  keep: Uint8Array;
  /**
   * Per job, optional: a route visits its jobs in non-decreasing rank (e.g. 0
   * for urgent jobs, which then come first in their trip; 1 for the rest).
   */
  rank?: Uint8Array;
  /** Legs are the same both ways (seconds(a, b) = seconds(b, a), and metres): halves the legs an insertion asks for. */
  symmetric: boolean;
  vehicles: PrizeVehicle[];
  /** What is minimised after the prize: driving metres or driving seconds. */
  costBy: 'metres' | 'seconds';
}

/** Near points per job: the nearest jobs, and the vehicles whose start is nearest. */
export interface Neighbourhoods {
  k: number;
  /** Row j: the k nearest other jobs of job j, nearest first (flat, -1 padded). */
  jobs: Int32Array;
  kv: number;
  /** Row j: the kv vehicles whose start point is nearest job j, nearest first. */
  vehicles: Int32Array;
}

/**
 * k nearest jobs (a uniform grid over the planar coordinates, searched ring
 * by ring) and kv nearest vehicle starts, per job. O(n k) for spread points.
 */
export function neighbourhoods(p: PrizeProblem, k: number, kv: number): Neighbourhoods {
  const n = p.jobCount;
  const kk = Math.max(0, Math.min(k, n - 1));
  const jobs = new Int32Array(n * kk).fill(-1);
  const V = p.vehicles.length;
  const kvv = Math.min(kv, V);
  const vehicles = new Int32Array(n * kvv);
  if (n === 0) return { k: kk, jobs, kv: kvv, vehicles };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let j = 0; j < n; j++) {
    minX = Math.min(minX, p.x[j]);
    maxX = Math.max(maxX, p.x[j]);
    minY = Math.min(minY, p.y[j]);
    maxY = Math.max(maxY, p.y[j]);
  }
  // About two jobs per cell.
  const side = Math.max(1e-9, Math.sqrt(((maxX - minX) * (maxY - minY)) / Math.max(1, n / 2)) || 1e-9);
  const cols = Math.max(1, Math.min(4096, Math.floor((maxX - minX) / side) + 1));
  const rows = Math.max(1, Math.min(4096, Math.floor((maxY - minY) / side) + 1));
  const cellOf = (j: number) => Math.min(rows - 1, Math.floor((p.y[j] - minY) / side)) * cols + Math.min(cols - 1, Math.floor((p.x[j] - minX) / side));
  const count = new Int32Array(cols * rows + 1);
  for (let j = 0; j < n; j++) count[cellOf(j) + 1]++;
  for (let c = 0; c < cols * rows; c++) count[c + 1] += count[c];
  const fill = count.slice(0, cols * rows);
  const inCell = new Int32Array(n);
  for (let j = 0; j < n; j++) inCell[fill[cellOf(j)]++] = j;
  const bestD = new Float64Array(kk);
  for (let j = 0; j < n; j++) {
    const cx = Math.min(cols - 1, Math.floor((p.x[j] - minX) / side));
    const cy = Math.min(rows - 1, Math.floor((p.y[j] - minY) / side));
    let filled = 0;
    const row = j * kk;
    for (let ring = 0; ; ring++) {
      // Every point outside ring r is further than r * side: stop once the list is full and beaten.
      if (filled === kk && bestD[kk - 1] <= (ring - 1) * side * ((ring - 1) * side)) break;
      if (ring > cols && ring > rows) break;
      for (let gy = cy - ring; gy <= cy + ring; gy++) {
        if (gy < 0 || gy >= rows) continue;
        const edge = gy === cy - ring || gy === cy + ring;
        for (let gx = cx - ring; gx <= cx + ring; gx += edge ? 1 : 2 * ring) {
          if (gx >= 0 && gx < cols) {
            const c = gy * cols + gx;
            for (let q = count[c]; q < count[c + 1]; q++) {
              const o = inCell[q];
              if (o === j) continue;
              const dx = p.x[o] - p.x[j];
              const dy = p.y[o] - p.y[j];
              const d = dx * dx + dy * dy;
              if (filled === kk && d >= bestD[kk - 1]) continue;
              let s = filled < kk ? filled++ : kk - 1;
              while (s > 0 && (bestD[s - 1] > d || (bestD[s - 1] === d && jobs[row + s - 1] > o))) {
                bestD[s] = bestD[s - 1];
                jobs[row + s] = jobs[row + s - 1];
                s--;
              }
              bestD[s] = d;
              jobs[row + s] = o;
            }
          }
          if (ring === 0) break;
        }
      }
    }
  }
  const vd = new Float64Array(kvv);
  for (let j = 0; j < n; j++) {
    let filled = 0;
    const row = j * kvv;
    for (let v = 0; v < V; v++) {
      const s0 = p.vehicles[v].start;
      const dx = p.x[s0] - p.x[j];
      const dy = p.y[s0] - p.y[j];
      const d = dx * dx + dy * dy;
      if (filled === kvv && d >= vd[kvv - 1]) continue;
      let s = filled < kvv ? filled++ : kvv - 1;
      while (s > 0 && vd[s - 1] > d) {
        vd[s] = vd[s - 1];
        vehicles[row + s] = vehicles[row + s - 1];
        s--;
      }
      vd[s] = d;
      vehicles[row + s] = v;
    }
  }
  return { k: kk, jobs, kv: kvv, vehicles };
}
