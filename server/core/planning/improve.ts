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
import { improveRoutes } from '../routing/index.js';
import type { TravelModel } from '../zoning/travel.js';
import { dayProblemOf, retimeRoutes } from './day-routes.js';
import type { PlanCrew, PlannedRoute, PlanObjective, PlanTicket } from './model.js';

/** Improves `routes` in place; returns the number of moves made. */
export function improveAcrossCrews(
  routes: PlannedRoute[],
  tickets: readonly PlanTicket[],
  crews: readonly PlanCrew[],
  travel: TravelModel,
  objective: PlanObjective,
  time: { timeMs?: number; now?: () => number } = {},
): number {
  const day = dayProblemOf(routes, tickets, crews, travel, objective);
  if (day.jobTicket.length === 0) return 0;
  const improved = improveRoutes(day.problem, day.routeJobs, time);
  if (improved.moves === 0) return 0;
  retimeRoutes(routes, day, improved.routes, tickets, travel, zoneFollowsStops(routes, day.routeJobs, improved.routes));
  return improved.moves;
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
