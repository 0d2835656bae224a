/**
 * Immediate dispatch of a Critical or High ticket during the day, pure.
 *
 * Each crew's rest of the day is a route from where it is now (the stop it
 * is working on, its last finished stop, or its base) through the stops it
 * has not started, back to its base. The ticket is tried at every position
 * of every such route within the crew's shift: per crew, the cheapest
 * insertion that still meets the ticket's resolve due time, else the one that
 * arrives first. Crews are ranked by arrival. When no shift has room, a crew
 * may make room by dropping Normal stops from its day (they roll over).
 */
import type { LatLon, TravelModel } from '../zoning/travel.js';
import type { PlannedRoute } from './model.js';
import { insertionOptions, timeRoute, type RouteStopInput } from './route.js';

export interface DispatchStop extends RouteStopInput {
  ticketId: number;
  priority: 'critical' | 'high' | 'normal';
}

export interface CrewDay {
  crewId: number;
  base: LatLon;
  shiftEndSeconds: number;
  capacityJobs: number | null;
  /** Where the crew is free from, and when. */
  position: LatLon;
  freeFromSeconds: number;
  /** Stops not started yet, in order. */
  pending: DispatchStop[];
  /** Stops already done or under way today (they count against the job capacity). */
  doneCount: number;
}

export interface DispatchOption {
  crewId: number;
  /** Insert before this pending stop (pending.length: after the last). */
  position: number;
  arrivalSeconds: number;
  addedSeconds: number;
  addedMetres: number;
  /** Back at the base. */
  endSeconds: number;
  meetsDue: boolean;
  /** Normal stops the crew drops to make room (they roll over). */
  dropped: number[];
  /** The crew's rest of the day with the ticket in it. */
  route: PlannedRoute;
}

export function dispatchOptions(days: readonly CrewDay[], ticket: RouteStopInput & { dueSeconds: number | null }, travel: TravelModel): DispatchOption[] {
  const out: DispatchOption[] = [];
  for (const day of days) {
    const option = bestForCrew(day, ticket, travel, []) ?? withDrops(day, ticket, travel);
    if (option) out.push(option);
  }
  // Earliest arrival first; among equal arrivals the smaller detour.
  return out.sort((a, b) => a.dropped.length - b.dropped.length || a.arrivalSeconds - b.arrivalSeconds || a.addedSeconds - b.addedSeconds || a.crewId - b.crewId);
}

function restOfDay(day: CrewDay, pending: readonly DispatchStop[], travel: TravelModel): PlannedRoute {
  return timeRoute(0, day.position, day.freeFromSeconds, pending.map((_, i) => i), pending, travel, null, day.base);
}

function bestForCrew(day: CrewDay, ticket: RouteStopInput & { dueSeconds: number | null }, travel: TravelModel, dropped: number[]): DispatchOption | null {
  const pending = day.pending.filter((s) => !dropped.includes(s.ticketId));
  const route = restOfDay(day, pending, travel);
  const capacity = day.capacityJobs === null ? null : day.capacityJobs - day.doneCount;
  const options = insertionOptions(route, pending, ticket, { shiftEndSeconds: day.shiftEndSeconds, capacityJobs: capacity }, travel);
  if (options.length === 0) return null;
  const meets = (o: (typeof options)[number]) => ticket.dueSeconds === null || o.arrivalSeconds + ticket.serviceSeconds <= ticket.dueSeconds;
  const onTime = options.filter(meets);
  const chosen = onTime.length > 0 ? onTime.reduce((a, b) => (b.addedSeconds < a.addedSeconds ? b : a)) : options.reduce((a, b) => (b.arrivalSeconds < a.arrivalSeconds ? b : a));
  const stops: RouteStopInput[] = [...pending];
  stops.splice(chosen.position, 0, ticket);
  const withTicket = timeRoute(0, day.position, day.freeFromSeconds, stops.map((_, i) => i), stops, travel, null, day.base);
  return {
    crewId: day.crewId,
    position: chosen.position,
    arrivalSeconds: chosen.arrivalSeconds,
    addedSeconds: chosen.addedSeconds,
    addedMetres: chosen.addedMetres,
    endSeconds: chosen.endSeconds,
    meetsDue: meets(chosen),
    dropped,
    route: withTicket,
  };
}

/** Drops Normal stops from the end of the day, one at a time, until the ticket fits. */
function withDrops(day: CrewDay, ticket: RouteStopInput & { dueSeconds: number | null }, travel: TravelModel): DispatchOption | null {
  const normals = day.pending.filter((s) => s.priority === 'normal').map((s) => s.ticketId);
  const dropped: number[] = [];
  while (normals.length > 0) {
    dropped.push(normals.pop()!);
    const option = bestForCrew(day, ticket, travel, dropped.slice());
    if (option) return option;
  }
  return null;
}
