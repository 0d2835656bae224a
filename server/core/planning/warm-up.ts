/**
 * A solver thread's first plan runs its code cold (compiled on the way), and
 * overruns a small time budget by the compile time. Planning a small, fixed,
 * over-full synthetic day once, on both paths of the pipeline (the group
 * solves and the prize search alone), compiles them before the first real
 * plan. Pure: about 0.4 s.
 */
import type { TravelModel } from '../zoning/travel.js';
import type { PlanCrew, PlanTicket } from './model.js';
import { planDay } from './plan-day.js';

export function warmUpPlanner(travel: TravelModel): void {
  // 240 tickets and 4 crews spread evenly (a low-discrepancy sequence) over about 10 km of a city
  // (Makassar's centre): a day twice over-full.
  const frac = (v: number) => v - Math.floor(v);
  const at = (i: number, spread: number) => ({ lat: -5.14 + (frac(i * 0.6180339887) - 0.5) * spread, lon: 119.43 + (frac(i * 0.7548776662) - 0.5) * spread });
  const tickets: PlanTicket[] = Array.from({ length: 240 }, (_, i) => ({
    id: i + 1,
    ...at(i + 1, 0.1),
    priority: i % 20 === 0 ? 'high' : 'normal',
    serviceSeconds: [1200, 1800, 2700][i % 3],
    dueSeconds: null,
    receivedSeconds: i,
  }));
  const crews: PlanCrew[] = Array.from({ length: 4 }, (_, k) => ({ id: k + 1, base: at(1000 + k, 0.06), shiftStartSeconds: 8 * 3600, shiftEndSeconds: 16 * 3600, capacityJobs: null }));
  const input = { tickets, crews, travel, objective: 'distance' as const, resolution: 8, maxReachMetres: 60_000, seed: 1 };
  // The group solves and the prize search at a fixed work (a quarter of a day's: their loops run long enough to
  // be compiled, so the first real plan is not cut short by the compiler), then the prize search alone (a
  // budget too small for the group solves).
  planDay({ ...input, iterationScale: 0.25 });
  planDay({ ...input, budgetMs: 60 });
}
