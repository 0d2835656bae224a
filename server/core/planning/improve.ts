/**
 * Step 8 of the day: moves between crews after the per-group solves, which
 * cannot see each other. The day's routes become one VRP (the crews as
 * vehicles, their stops as jobs, a pinned stop allowed only in its crew) and
 * the routing core's local search improves it (core/routing improveRoutes:
 * its operators, one per file, behind one contract):
 *
 * - 'distance': relocate, swap, 2-opt*, 2-opt and whole trips traded between
 *   two crews, each move saving metres;
 * - 'makespan': a stop moved off the longest day, each move shortening it.
 *
 * Never drops a stop, never breaks a shift or a job capacity, never moves a
 * pinned stop to another crew. Pure.
 */
import { improveRoutes, type VrpJob, type VrpProblem, type VrpVehicle } from '../routing/index.js';
import { travelMatrices, type LatLon, type TravelModel } from '../zoning/travel.js';
import type { PlanCrew, PlannedRoute, PlanObjective, PlanTicket } from './model.js';
import { timeRoute } from './route.js';

/** Improves `routes` in place; returns the number of moves made. */
export function improveAcrossCrews(routes: PlannedRoute[], tickets: readonly PlanTicket[], crews: readonly PlanCrew[], travel: TravelModel, objective: PlanObjective): number {
  const { problem, jobTicket } = routesToProblem(routes, tickets, crews, travel, objective);
  if (jobTicket.length === 0) return 0;
  let job = 0;
  const initial = routes.map((r) => r.stops.map(() => job++));
  const improved = improveRoutes(problem, initial);
  if (improved.moves === 0) return 0;
  const zoneOf = zoneFollowsStops(routes, initial, improved.routes);
  improved.routes.forEach((jobs, k) => {
    const r = routes[k];
    routes[k] = timeRoute(k, r.from, r.startSeconds, jobs.map((j) => jobTicket[j]), tickets, travel, zoneOf[k], r.to);
  });
  return improved.moves;
}

/** The day's routes as a VRP over their own stops; job j is ticket jobTicket[j], numbered route by route. */
function routesToProblem(
  routes: readonly PlannedRoute[],
  tickets: readonly PlanTicket[],
  crews: readonly PlanCrew[],
  travel: TravelModel,
  objective: PlanObjective,
): { problem: VrpProblem; jobTicket: number[] } {
  const points: LatLon[] = [];
  const vehicles: VrpVehicle[] = routes.map((r, k) => {
    const start = points.push(r.from) - 1;
    const end = r.to === r.from ? start : points.push(r.to) - 1;
    return { start, end, capacity: crews[k].capacityJobs ?? undefined, shiftStartSeconds: r.startSeconds, shiftEndSeconds: crews[k].shiftEndSeconds };
  });
  const jobTicket: number[] = [];
  const jobs: VrpJob[] = [];
  routes.forEach((r, k) => {
    for (const s of r.stops) {
      const t = tickets[s.ticket];
      jobTicket.push(s.ticket);
      jobs.push({ location: points.push(t) - 1, serviceSeconds: t.serviceSeconds, ...(t.pinnedCrew != null ? { allowedVehicles: [k] } : {}) });
    }
  });
  const { distances, durations } = travelMatrices(points, travel);
  return { problem: { size: points.length, distances, durations, vehicles, jobs, objective }, jobTicket };
}

/** A route keeps the zone of the route most of its stops came from (its own when it has none). */
function zoneFollowsStops(before: readonly PlannedRoute[], initial: readonly number[][], after: readonly number[][]): (string | null)[] {
  const routeOfJob: number[] = [];
  initial.forEach((jobs, k) => jobs.forEach((j) => (routeOfJob[j] = k)));
  return after.map((jobs, k) => {
    if (jobs.length === 0) return before[k].zoneId;
    const count = new Map<number, number>();
    for (const j of jobs) count.set(routeOfJob[j], (count.get(routeOfJob[j]) ?? 0) + 1);
    let from = k;
    for (const [r, c] of count) if (c > (count.get(from) ?? 0)) from = r;
    return before[from].zoneId;
  });
}
