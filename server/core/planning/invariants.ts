/**
 * The invariants of every re-plan (issue 10), each a pure check that returns
 * what breaks it (empty: it holds). They read a re-plan by ticket and crew ids:
 * what was under way or committed before, the pins, and the routes and
 * unplanned tickets after. The plans service prepares the planner's input so
 * that they hold, and the property tests check them over random days.
 *
 *   1. work under way never moves: a ticket on site, escalated or fixed stays with its crew;
 *   2. a stop a crew has started, or its next stop once its day began, stays with that crew;
 *   3. pins (and urgent dispatches, which are pins) are kept unless the dispatcher lifts them;
 *   4. planning day D never touches a ticket committed to another day;
 *   5. no Critical or High ticket is left unplanned while a crew that could reach it within
 *      its SLA serves a Normal one; when none can, its reason is 'no_crew_within_sla'.
 */
import type { LatLon, TravelModel } from '../zoning/travel.js';
import type { PlannedRoute, PlanTicket } from './model.js';
import { isUrgent } from './model.js';
import { timeRoute } from './route.js';

/** A re-plan's outcome by ids: each crew's stops in order (work under way included) and the tickets left out. */
export interface ReplanOutcome {
  routes: readonly { crewId: number; ticketIds: readonly number[] }[];
  unplanned: readonly { ticketId: number; reason: string }[];
}

export interface Violation {
  invariant: 'under_way_moved' | 'started_stop_moved' | 'pin_lost' | 'other_day_touched' | 'urgent_left_for_normal' | 'urgent_reason_wrong';
  ticketId: number;
  detail: string;
}

function crewOfTicket(outcome: ReplanOutcome): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of outcome.routes) for (const t of r.ticketIds) out.set(t, r.crewId);
  return out;
}

/** 1. Tickets on site, escalated or fixed (ticket -> its crew) are in their crew's route, nowhere else, and not unplanned. */
export function underWayKept(underWay: ReadonlyMap<number, number>, outcome: ReplanOutcome): Violation[] {
  const crewOf = crewOfTicket(outcome);
  const left = new Set(outcome.unplanned.map((u) => u.ticketId));
  const out: Violation[] = [];
  for (const [ticketId, crewId] of underWay) {
    const now = crewOf.get(ticketId);
    if (now !== crewId || left.has(ticketId)) out.push({ invariant: 'under_way_moved', ticketId, detail: `under way with crew ${crewId}, now ${left.has(ticketId) ? 'unplanned' : `with crew ${now ?? 'none'}`}` });
  }
  return out;
}

/** 2. Each crew's started or next stop (ticket -> crew) stays in that crew's route. */
export function startedStopsKept(started: ReadonlyMap<number, number>, outcome: ReplanOutcome): Violation[] {
  const crewOf = crewOfTicket(outcome);
  const out: Violation[] = [];
  for (const [ticketId, crewId] of started) {
    if (crewOf.get(ticketId) !== crewId) out.push({ invariant: 'started_stop_moved', ticketId, detail: `next stop of crew ${crewId}, now with crew ${crewOf.get(ticketId) ?? 'none'}` });
  }
  return out;
}

/**
 * 3. Pins (ticket -> crew; null: taken out of the day) are kept: a pinned ticket is in its crew's route, or left out
 * only because that crew is full ('pinned_crew_full') or no road leads there ('no_crew_in_reach'); a ticket taken
 * out is in no route.
 */
export function pinsKept(pins: ReadonlyMap<number, number | null>, outcome: ReplanOutcome): Violation[] {
  const crewOf = crewOfTicket(outcome);
  const reason = new Map(outcome.unplanned.map((u) => [u.ticketId, u.reason]));
  const out: Violation[] = [];
  for (const [ticketId, crewId] of pins) {
    const now = crewOf.get(ticketId);
    if (crewId === null) {
      if (now !== undefined) out.push({ invariant: 'pin_lost', ticketId, detail: `taken out of the day, yet with crew ${now}` });
    } else if (now !== crewId && reason.get(ticketId) !== 'pinned_crew_full' && reason.get(ticketId) !== 'no_crew_in_reach') {
      out.push({ invariant: 'pin_lost', ticketId, detail: `pinned to crew ${crewId}, now ${now !== undefined ? `with crew ${now}` : `unplanned (${reason.get(ticketId) ?? 'absent'})`}` });
    }
  }
  return out;
}

/** 4. Tickets committed to another day appear neither in the routes nor in the unplanned list. */
export function otherDaysUntouched(committedElsewhere: ReadonlySet<number>, outcome: ReplanOutcome): Violation[] {
  const crewOf = crewOfTicket(outcome);
  const left = new Set(outcome.unplanned.map((u) => u.ticketId));
  return [...committedElsewhere]
    .filter((t) => crewOf.has(t) || left.has(t))
    .map((ticketId) => ({ invariant: 'other_day_touched' as const, ticketId, detail: 'committed to another day, yet in this plan' }));
}

// ---------------------------------------------------------------- 5. urgent work first

/** A crew as the urgent rule sees it: where and when its remaining day starts, its shift end and job capacity. */
export interface CrewReach {
  crewId: number;
  base: LatLon;
  from: LatLon;
  startSeconds: number;
  shiftEndSeconds: number;
  capacityJobs: number | null;
}

export type ReachTicket = Pick<PlanTicket, 'lat' | 'lon' | 'priority' | 'serviceSeconds' | 'dueSeconds'> & { id: number };

/** Arrival in time: by the due time, or (already late at `nowSeconds`) any arrival today. */
export function meetsSla(t: Pick<PlanTicket, 'dueSeconds'>, arrivalSeconds: number, nowSeconds: number): boolean {
  return t.dueSeconds === null || t.dueSeconds <= nowSeconds || arrivalSeconds <= t.dueSeconds;
}

/**
 * Where the urgent ticket goes into the crew's route after every Normal stop it may give up (`yields`) is taken
 * out: the earliest arrival that meets the SLA with the crew back at its base within its shift, not before
 * `firstPosition` (a next stop the crew is driving to stays first). Null: none.
 */
export function urgentSlot(
  crew: CrewReach,
  keep: readonly number[],
  ticket: number,
  tickets: readonly ReachTicket[],
  travel: TravelModel,
  nowSeconds: number,
  firstPosition = 0,
): { stops: number[]; route: PlannedRoute } | null {
  if (crew.capacityJobs !== null && keep.length + 1 > crew.capacityJobs) return null;
  let best: { stops: number[]; route: PlannedRoute; arrival: number } | null = null;
  for (let pos = Math.min(firstPosition, keep.length); pos <= keep.length; pos++) {
    const stops = [...keep.slice(0, pos), ticket, ...keep.slice(pos)];
    const route = timeRoute(0, crew.from, crew.startSeconds, stops, tickets, travel, null, crew.base);
    if (route.endSeconds > crew.shiftEndSeconds) continue;
    const arrival = route.stops[pos].arrivalSeconds;
    if (!meetsSla(tickets[ticket], arrival, nowSeconds)) continue;
    if (!best || arrival < best.arrival) best = { stops, route, arrival };
  }
  return best ? { stops: best.stops, route: best.route } : null;
}

/**
 * 5. For each Critical or High ticket left unplanned (not taken out, not pinned elsewhere, not out of reach):
 * no crew serving a Normal stop it may give up could take it in time once those Normal stops are out
 * (urgent_left_for_normal); and when no crew at all could reach it in time, its reason says so
 * (urgent_reason_wrong, expecting 'no_crew_within_sla').
 *
 * routes: index-based stops per crew (same order as crews); yields(k): the stops crew k may give up
 * (its Normal stops that are neither pinned, under way nor its next one); firstPosition(k): 1 when crew k's
 * route starts with the next stop it is driving to.
 */
export function urgentServedFirst(
  tickets: readonly ReachTicket[],
  crews: readonly CrewReach[],
  routes: readonly (readonly number[])[],
  unplanned: readonly { ticket: number; reason: string }[],
  yields: (k: number) => ReadonlySet<number>,
  travel: TravelModel,
  nowSeconds: number,
  firstPosition: (k: number) => number = () => 0,
): Violation[] {
  const out: Violation[] = [];
  for (const u of unplanned) {
    const t = tickets[u.ticket];
    if (!isUrgent(t.priority) || ['held_out', 'no_crew_in_reach', 'pinned_crew_full', 'shift_too_short'].includes(u.reason)) continue;
    let anyInTime = false;
    for (let k = 0; k < crews.length; k++) {
      const give = yields(k);
      const keep = routes[k].filter((i) => !give.has(i));
      if (urgentSlot(crews[k], [], u.ticket, tickets, travel, nowSeconds)) anyInTime = true;
      if (give.size > 0 && urgentSlot(crews[k], keep, u.ticket, tickets, travel, nowSeconds, firstPosition(k))) {
        out.push({ invariant: 'urgent_left_for_normal', ticketId: t.id, detail: `crew ${crews[k].crewId} could take it in time instead of ${give.size} Normal stop(s)` });
      }
    }
    if (!anyInTime && u.reason !== 'no_crew_within_sla') {
      out.push({ invariant: 'urgent_reason_wrong', ticketId: t.id, detail: `no crew can reach it in time; reason is ${u.reason}` });
    }
  }
  return out;
}
