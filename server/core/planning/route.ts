/**
 * One crew's closed trip: timing from its base through the stops and back,
 * and cheapest feasible insertion of one more stop. Used by the fill pass of
 * the daily plan and by immediate dispatch.
 */
import type { LatLon, TravelModel } from '../zoning/travel.js';
import type { DayMetrics, PlanCrew, PlannedRoute, PlannedStop, PlanTicket } from './model.js';

export interface RouteStopInput extends LatLon {
  serviceSeconds: number;
}

/** Times a route: stops in order from `from` (the base) at startSeconds, back to `to` (default: from). */
export function timeRoute(
  crewIndex: number,
  from: LatLon,
  startSeconds: number,
  stops: readonly number[],
  tickets: readonly RouteStopInput[],
  travel: TravelModel,
  zoneId: string | null = null,
  to: LatLon = from,
): PlannedRoute {
  let t = startSeconds;
  let at: LatLon = from;
  let distance = 0;
  let travelSeconds = 0;
  let service = 0;
  const out: PlannedStop[] = [];
  for (const i of stops) {
    const p = tickets[i];
    const m = travel.metres(at, p);
    const s = travel.seconds(at, p);
    t += s;
    const arrival = t;
    t += p.serviceSeconds;
    out.push({ ticket: i, arrivalSeconds: arrival, departSeconds: t, travelSeconds: s, distanceMetres: m, serviceSeconds: p.serviceSeconds });
    distance += m;
    travelSeconds += s;
    service += p.serviceSeconds;
    at = p;
  }
  if (out.length > 0 || from !== to) {
    const m = travel.metres(at, to);
    const s = travel.seconds(at, to);
    t += s;
    distance += m;
    travelSeconds += s;
  }
  return { crew: crewIndex, zoneId, from, to, startSeconds, endSeconds: t, stops: out, distanceMetres: distance, travelSeconds, serviceSeconds: service };
}

export interface InsertionOption {
  /** Insert before the stop at this index (stops.length: last). */
  position: number;
  arrivalSeconds: number;
  addedSeconds: number;
  addedMetres: number;
  endSeconds: number;
}

/**
 * Every feasible insertion of point p into the route (back at the base by
 * shiftEndSeconds, within the job capacity), from `firstPosition` on (stops
 * before it are done or under way). Empty when none fits.
 */
export function insertionOptions(
  route: PlannedRoute,
  tickets: readonly RouteStopInput[],
  p: RouteStopInput,
  crew: Pick<PlanCrew, 'shiftEndSeconds' | 'capacityJobs'>,
  travel: TravelModel,
  firstPosition = 0,
): InsertionOption[] {
  const stops = route.stops;
  if (crew.capacityJobs !== null && stops.length + 1 > crew.capacityJobs) return [];
  // Detours are never negative (triangle inequality): a route without room for the repair itself has none.
  if (route.endSeconds + p.serviceSeconds > crew.shiftEndSeconds) return [];
  const out: InsertionOption[] = [];
  for (let pos = firstPosition; pos <= stops.length; pos++) {
    const prev: LatLon = pos === 0 ? route.from : tickets[stops[pos - 1].ticket];
    const next: LatLon = pos === stops.length ? route.to : tickets[stops[pos].ticket];
    const leave = pos === 0 ? route.startSeconds : stops[pos - 1].departSeconds;
    // An empty closed route has not left its base: there is no edge to replace.
    const idle = stops.length === 0 && route.from === route.to;
    const toP = travel.metres(prev, p);
    const fromP = travel.metres(p, next);
    const direct = idle ? 0 : travel.metres(prev, next);
    const toPs = travel.seconds(prev, p);
    const fromPs = travel.seconds(p, next);
    const directS = idle ? 0 : travel.seconds(prev, next);
    const added = toPs + p.serviceSeconds + fromPs - directS;
    const end = route.endSeconds + added;
    if (end > crew.shiftEndSeconds) continue;
    out.push({ position: pos, arrivalSeconds: leave + toPs, addedSeconds: added, addedMetres: toP + fromP - direct, endSeconds: end });
  }
  return out;
}

/** What the day's figures read of a route: its stops (each a ticket key) and its totals. */
export type RouteFigures = Pick<PlannedRoute, 'distanceMetres' | 'travelSeconds' | 'serviceSeconds' | 'startSeconds' | 'endSeconds'> & { stops: readonly { ticket: number }[] };

/** The day's figures; `tickets` gives each stop's priority by its ticket key (an array index, or any key a map holds). */
export function metricsOf(routes: readonly RouteFigures[], tickets: readonly Pick<PlanTicket, 'priority'>[] | ReadonlyMap<number, Pick<PlanTicket, 'priority'>>): DayMetrics {
  const priorityOf = (i: number) => (Array.isArray(tickets) ? (tickets as readonly Pick<PlanTicket, 'priority'>[])[i] : (tickets as ReadonlyMap<number, Pick<PlanTicket, 'priority'>>).get(i)!).priority;
  const served = { critical: 0, high: 0, normal: 0, total: 0 };
  let distance = 0;
  let work = 0;
  let travelSeconds = 0;
  let longest = 0;
  let used = 0;
  for (const r of routes) {
    if (r.stops.length === 0) continue;
    used++;
    for (const s of r.stops) served[priorityOf(s.ticket)]++;
    served.total += r.stops.length;
    distance += r.distanceMetres;
    travelSeconds += r.travelSeconds;
    work += r.travelSeconds + r.serviceSeconds;
    longest = Math.max(longest, r.endSeconds - r.startSeconds);
  }
  return { served, distanceMetres: distance, workSeconds: work, travelSeconds, longestDaySeconds: longest, crewsUsed: used };
}
