/**
 * The planner's plain data: tickets and crews on one clock (seconds from the
 * plan day's local midnight), and what a plan returns. No I/O.
 */
import type { Priority } from '../domain/tickets.js';
import type { LatLon, TravelModel } from '../zoning/travel.js';

export interface PlanTicket extends LatLon {
  /** The caller's key (ticket id). */
  id: number;
  priority: Priority;
  serviceSeconds: number;
  /** Resolve SLA due time; null when unknown. */
  dueSeconds: number | null;
  /** Intake time (first come, first served in the baseline). */
  receivedSeconds: number;
  /** In a district no crew can drive to (islands). */
  roadless?: boolean;
  /** Index into crews: the dispatcher pinned the ticket to this crew. */
  pinnedCrew?: number | null;
}

export interface PlanCrew {
  id: number;
  base: LatLon;
  shiftStartSeconds: number;
  shiftEndSeconds: number;
  /** Most jobs a day; null: only the shift limits it. */
  capacityJobs: number | null;
}

export type PlanObjective = 'distance' | 'makespan';

export interface PlanInput {
  tickets: PlanTicket[];
  crews: PlanCrew[];
  travel: TravelModel;
  objective: PlanObjective;
  /** H3 resolution of the zones. */
  resolution: number;
  /** A ticket further than this (straight line) from every base is out of reach. */
  maxReachMetres: number;
  /** No route starts before this (planning a day already under way). */
  notBeforeSeconds?: number;
  /** Solver time for the whole day, ms (split over the crews). */
  budgetMs?: number;
  seed?: number;
  /**
   * Solver iterations per group are scaled by this (default 1). With a large
   * budgetMs it makes a run a fixed amount of work, for comparisons on a
   * loaded machine.
   */
  iterationScale?: number;
  /**
   * Group the Normal tickets into zones, one per crew (default true). Off:
   * every Normal ticket is free to any crew (for measuring the grouping).
   */
  zones?: boolean;
  /** Called after each step of the pipeline with its name and the ms since the start (on the budget's clock). */
  onStep?: (step: string, elapsedMs: number) => void;
  /** Called after each group of crews is solved: crews solved so far, of all crews. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Over-full day (more repair time than the crews have): the metres of driving a Normal ticket is
   * worth (default PLAN_DEFAULTS.normalTicketHops x the mean metres from a ticket to its nearest
   * neighbour). On other days every ticket that fits is served.
   */
  normalTicketMetres?: number;
  /** Called after the prize search (refine.ts) with its iterations, the new best days it found and what a Normal ticket was worth (null: not over-full). */
  onRefine?: (iterations: number, improvements: number, normalTicketMetres: number | null) => void;
  /** Milliseconds clock for the budget; default: the routing core's monotonicMs (core reads no clock of its own). */
  clockMs?: () => number;
}

/**
 * Why a ticket is not in the plan, phrased by the limit it hit:
 * - no_crew_in_reach: no crew can drive there (island) or every base is too far;
 * - shift_too_short: even alone, the trip there, the repair and the way back take longer than every shift;
 * - crew_capacity: the crews that could take it have reached their number of jobs;
 * - shift_full: the crews' hours are used up by more urgent or nearer work; it rolls over to the next day;
 * - pinned_crew_full: the crew it is pinned to has no time left for it.
 */
export type UnplannedReason = 'no_crew_in_reach' | 'shift_too_short' | 'crew_capacity' | 'shift_full' | 'pinned_crew_full';

export const unplannedMessages: Record<UnplannedReason, string> = {
  no_crew_in_reach: 'No crew can reach it by road (island, or too far from every base): send a boat team or assign by hand',
  shift_too_short: 'Even alone, travel there, the repair and the way back take longer than any crew shift: lengthen a shift or split the job',
  crew_capacity: 'The crews that could take it have reached their maximum number of jobs: raise a crew capacity or add a crew',
  shift_full: "No crew has time left today (more urgent or nearer work fills the shifts): it rolls over to the next day's plan",
  pinned_crew_full: 'It is pinned to a crew whose shift is already full: move the pin or unpin it',
};

export interface PlannedStop {
  /** Index into the input tickets. */
  ticket: number;
  arrivalSeconds: number;
  departSeconds: number;
  travelSeconds: number;
  distanceMetres: number;
  serviceSeconds: number;
}

export interface PlannedRoute {
  /** Index into the input crews. */
  crew: number;
  zoneId: string | null;
  /** Where the trip starts (the base, or the crew's position during the day) and ends (the base). */
  from: LatLon;
  to: LatLon;
  startSeconds: number;
  /** Back at the base. */
  endSeconds: number;
  stops: PlannedStop[];
  distanceMetres: number;
  travelSeconds: number;
  serviceSeconds: number;
}

export interface DayMetrics {
  served: { critical: number; high: number; normal: number; total: number };
  distanceMetres: number;
  /** Travel + service of all crews. */
  workSeconds: number;
  travelSeconds: number;
  /** Longest crew day, from its route start to back at the base. */
  longestDaySeconds: number;
  crewsUsed: number;
}

export const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, normal: 2 };

export const isUrgent = (p: Priority) => p === 'critical' || p === 'high';
