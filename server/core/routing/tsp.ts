/**
 * The public TSP entry, above both solvers: a symmetric matrix goes to the TSP
 * solver (tsp/), an asymmetric one (one-way streets) to one vehicle of the VRP
 * solver (vrp/), which prices reversed segments exactly. Living here keeps the
 * imports one way: vrp/ uses tsp/ (single-tour), tsp/ uses neither.
 */
import { tourLength } from './base/metrics.js';
import { checkTspInput, isSymmetric, solveSymmetricTsp, type TspOptions, type TspResult } from './tsp/solve-tsp.js';
import { solveVrp } from './vrp/solve-vrp.js';

export function solveTsp(matrix: Int32Array, n: number, options: TspOptions = {}): TspResult {
  const start = checkTspInput(matrix, n, options);
  if (isSymmetric(matrix, n)) return solveSymmetricTsp(matrix, n, options);
  const others = Array.from({ length: n }, (_, i) => i).filter((c) => c !== start);
  const solution = solveVrp(
    {
      size: n,
      durations: matrix,
      vehicles: [{ start, end: start, shiftStartSeconds: 0, shiftEndSeconds: Infinity }],
      jobs: others.map((c) => ({ location: c, serviceSeconds: 0 })),
    },
    options.localSearchOnly ? { ...options, iterations: 0 } : options,
  );
  const tour = [start, ...solution.routes[0].jobs.map((j) => others[j])];
  return { tour, length: tourLength(matrix, n, tour) };
}
