/**
 * Classic CVRP (one depot, capacity Q, a fixed fleet of k vehicles, no shift
 * limit) on top of the general VRP solver. Routes here are lists of 0-based
 * node indexes without the depot; with the depot at node 1 (index 0), as in
 * CVRPLIB, index c is exactly CVRPLIB's customer number c.
 */
import { invalidProblem } from './base/errors.js';
import type { TsplibInstance } from './tsplib.js';
import type { VrpProblem } from './base/types.js';
import { buildModel } from './vrp/model/model.js';
import { solveModel, type VrpSolveOptions } from './vrp/solve-vrp.js';

export interface CvrpResult {
  routes: number[][];
  /** Recomputed from the routes. */
  cost: number;
  /** Customers that found no room (only when the fleet truly cannot carry them). */
  unassigned: number[];
}

/** The k in a CVRPLIB name such as "A-n45-k6"; null if there is none. */
export function vehiclesFromName(name: string): number | null {
  const m = /-k(\d+)(?:\D|$)/.exec(name);
  return m ? Number(m[1]) : null;
}

export function cvrpToProblem(instance: TsplibInstance, vehicles: number): { problem: VrpProblem; customers: number[] } {
  if (instance.capacity === undefined || !instance.demands) throw invalidProblem('not a CVRP instance (no CAPACITY or DEMAND_SECTION)');
  if (!Number.isInteger(vehicles) || vehicles < 1) throw invalidProblem(`vehicles must be a positive integer, got ${vehicles}`);
  const depot = instance.depots?.[0] ?? 0;
  const customers: number[] = [];
  for (let c = 0; c < instance.dimension; c++) if (c !== depot) customers.push(c);
  const problem: VrpProblem = {
    size: instance.dimension,
    durations: instance.matrix,
    vehicles: Array.from({ length: vehicles }, () => ({
      start: depot,
      end: depot,
      capacity: instance.capacity,
      shiftStartSeconds: 0,
      shiftEndSeconds: Infinity,
    })),
    jobs: customers.map((c) => ({ location: c, serviceSeconds: 0, demand: instance.demands![c] })),
  };
  return { problem, customers };
}

export function solveCvrp(instance: TsplibInstance, options: VrpSolveOptions & { vehicles: number }): CvrpResult {
  const { problem, customers } = cvrpToProblem(instance, options.vehicles);
  const model = buildModel(problem);
  const jobRoutes = solveModel(model, options);
  const routes = jobRoutes.map((r) => r.map((j) => customers[j])).filter((r) => r.length > 0);
  const served = new Set(routes.flat());
  const depot = instance.depots?.[0] ?? 0;
  return {
    routes,
    cost: cvrpRoutesCost(instance.matrix, instance.dimension, depot, routes),
    unassigned: customers.filter((c) => !served.has(c)),
  };
}

/** Sum of integer edge costs of depot -> route -> depot for every route. */
export function cvrpRoutesCost(matrix: Int32Array, n: number, depot: number, routes: readonly (readonly number[])[]): number {
  let total = 0;
  for (const r of routes) {
    if (r.length === 0) continue;
    let last = depot;
    for (const c of r) {
      total += matrix[last * n + c];
      last = c;
    }
    total += matrix[last * n + depot];
  }
  return total;
}

/** Problems with a CVRP answer: customers missing or repeated, overloads, too many routes. Empty when feasible. */
export function cvrpViolations(instance: TsplibInstance, routes: readonly (readonly number[])[], vehicles: number): string[] {
  const out: string[] = [];
  const depot = instance.depots?.[0] ?? 0;
  const seen = new Uint8Array(instance.dimension);
  const used = routes.filter((r) => r.length > 0);
  if (used.length > vehicles) out.push(`${used.length} routes for ${vehicles} vehicles`);
  used.forEach((r, k) => {
    let load = 0;
    for (const c of r) {
      if (!Number.isInteger(c) || c < 0 || c >= instance.dimension || c === depot) {
        out.push(`route ${k + 1}: ${c} is not a customer`);
        continue;
      }
      if (seen[c]++) out.push(`customer ${c} visited twice`);
      load += instance.demands![c];
    }
    if (load > instance.capacity!) out.push(`route ${k + 1}: load ${load} > capacity ${instance.capacity}`);
  });
  for (let c = 0; c < instance.dimension; c++) if (c !== depot && !seen[c]) out.push(`customer ${c} not visited`);
  return out;
}
