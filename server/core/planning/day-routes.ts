/**
 * The day's trips as one problem of the routing core: crews as vehicles
 * (start and end where the trip does, its start time, the crew's shift end
 * and job capacity), the stops of the trips as jobs (a pinned stop allowed
 * only in the crew that has it). The matrices come from the
 * planner's own travel model, so the core's seconds are timeRoute's seconds.
 * The moves between crews (improve.ts) work on this, and only timeRoute turns
 * the result back into timed trips.
 */
import type { VrpJob, VrpProblem, VrpVehicle } from '../routing/index.js';
import { travelMatrices, type LatLon, type TravelModel } from '../zoning/travel.js';
import type { PlanCrew, PlannedRoute, PlanObjective, PlanTicket } from './model.js';
import { timeRoute } from './route.js';

export interface DayProblem {
  problem: VrpProblem;
  /** Ticket of each job: the routes' stops, route by route. */
  jobTicket: number[];
  /** Each route's jobs, in visit order. */
  routeJobs: number[][];
}

export function dayProblemOf(
  routes: readonly PlannedRoute[],
  tickets: readonly PlanTicket[],
  crews: readonly PlanCrew[],
  travel: TravelModel,
  objective: PlanObjective,
): DayProblem {
  const points: LatLon[] = [];
  const vehicles: VrpVehicle[] = routes.map((r, k) => {
    const start = points.push(r.from) - 1;
    const end = r.to === r.from ? start : points.push(r.to) - 1;
    // A trip starting after its shift's end (a day planned late) has no time: an empty shift, not an invalid one.
    const shiftEndSeconds = Math.max(crews[k].shiftEndSeconds, r.startSeconds);
    return { start, end, capacity: crews[k].capacityJobs ?? undefined, shiftStartSeconds: r.startSeconds, shiftEndSeconds };
  });
  const jobTicket: number[] = [];
  const jobs: VrpJob[] = [];
  const addJob = (i: number, crew: number | null) => {
    const t = tickets[i];
    jobTicket.push(i);
    jobs.push({ location: points.push(t) - 1, serviceSeconds: t.serviceSeconds, ...(crew !== null ? { allowedVehicles: [crew] } : {}) });
    return jobs.length - 1;
  };
  const routeJobs = routes.map((r, k) => r.stops.map((s) => addJob(s.ticket, tickets[s.ticket].pinnedCrew != null ? k : null)));
  const { distances, durations } = travelMatrices(points, travel);
  return { problem: { size: points.length, distances, durations, vehicles, jobs, objective }, jobTicket, routeJobs };
}

/** Re-times the routes whose jobs changed (zone: `zoneOf[k]`, default the route's own). */
export function retimeRoutes(
  routes: PlannedRoute[],
  day: DayProblem,
  jobsAfter: readonly (readonly number[])[],
  tickets: readonly PlanTicket[],
  travel: TravelModel,
  zoneOf: readonly (string | null)[] = routes.map((r) => r.zoneId),
): void {
  jobsAfter.forEach((jobs, k) => {
    const before = day.routeJobs[k];
    const r = routes[k];
    if (zoneOf[k] === r.zoneId && jobs.length === before.length && jobs.every((j, p) => j === before[p])) return;
    routes[k] = timeRoute(k, r.from, r.startSeconds, jobs.map((j) => day.jobTicket[j]), tickets, travel, zoneOf[k], r.to);
  });
}
