/**
 * A re-plan's input preparation and finishing, pure (no database, no clock):
 * what the planner may move and what it may not, around one solve.
 *
 * Before the solve: work under way (on site, escalated, fixed today) is kept
 * as the first stops of its crew and is not the planner's; tickets committed
 * to another day's published plan, tickets the dispatcher took out and
 * tickets off the road network (unless pinned) are left alone; pins, hand assignments and each crew's next stop (once its day
 * began) are pinned to their crew; a crew whose order is locked keeps exactly
 * its locked stops in that order and is not given to the solver; each crew's
 * rest of the day starts where it is now (its last stop, or its reported
 * position) and not before it is free.
 *
 * After the solve: each route is timed from that position (the next stop
 * first), stops that no longer fit the shift are dropped from the end; then
 * a Critical or High ticket left out takes the place of Normal stops of a crew
 * that can reach it within its SLA (core/planning/invariants.ts urgentSlot),
 * and one no crew can reach in time is given the reason 'no_crew_within_sla'.
 */
import type { TicketStatus } from '../../core/domain/tickets.js';
import type { LatLon, TravelModel } from '../../core/zoning/travel.js';
import type { Zone } from '../../core/zoning/zones.js';
import type { DayMetrics, PlanCrew, PlanInput, PlannedRoute, PlanObjective, PlanTicket, UnplannedReason } from '../../core/planning/model.js';
import { isUrgent, PRIORITY_RANK } from '../../core/planning/model.js';
import { metricsOf, timeRoute } from '../../core/planning/route.js';
import { firstComeFirstServed } from '../../core/planning/baseline.js';
import { meetsSla, urgentSlot, type CrewReach } from '../../core/planning/invariants.js';
import type { DayPlan } from '../../core/planning/plan-day.js';

export type ReplanReason = UnplannedReason | 'held_out' | 'no_crew_within_sla' | 'off_road_network';

export const UNDER_WAY: readonly TicketStatus[] = ['on_site', 'escalated', 'fixed', 'closed'];

export interface ReplanTicket extends Omit<PlanTicket, 'pinnedCrew'> {
  status: TicketStatus;
  crewId: number | null;
  /** Assigned by hand (not by a plan): stays with its crew. */
  handAssigned: boolean;
  /** On a road network: farther than the snap limit from every road; planned only when pinned to a crew. */
  offNetwork?: boolean;
}

export interface ReplanCrew {
  id: number;
  base: LatLon;
  shiftStartSeconds: number;
  shiftEndSeconds: number;
  capacityJobs: number | null;
  /** Ticket ids of its stops done or under way today, in order: kept as its first stops. */
  done: number[];
  /** Where and when its rest of the day starts (its last stop, or a reported position); null: its base at shift start. */
  position: (LatLon & { seconds: number }) | null;
  /** Its next stop, once its day began (ticket id): stays with it, first. */
  next: number | null;
}

export interface ReplanDay {
  tickets: ReplanTicket[];
  crews: ReplanCrew[];
  /** Standing pins and the draft's edits folded: ticket -> crew, or null: taken out of the day. */
  pins: ReadonlyMap<number, number | null>;
  /** Crews whose order is locked: crew -> ticket ids in order. */
  locks: ReadonlyMap<number, readonly number[]>;
  /**
   * A local edit (a pin, a removal, a lock): crews not locked keep their stops of the plan being edited, in
   * order, with their zone; a ticket pinned to one goes in at its cheapest place, and no solve runs, so the edit
   * changes only the crews it names. Absent: the planner solves every crew not locked.
   */
  keep?: ReadonlyMap<number, { ticketIds: readonly number[]; zoneId: string | null; zoneCells: readonly string[] }>;
  /** With keep: why each ticket was left out of the plan being edited (it stays left out for that reason). */
  previousReasons?: ReadonlyMap<number, ReplanReason>;
  committedElsewhere: ReadonlySet<number>;
  nowSeconds: number;
  travel: TravelModel;
  objective: PlanObjective;
  resolution: number;
  maxReachMetres: number;
  budgetMs?: number;
  clockMs?: () => number;
}

export interface ReplanStop {
  ticketId: number;
  arrivalSeconds: number;
  departSeconds: number;
  travelSeconds: number;
  distanceMetres: number;
  serviceSeconds: number;
  pinned: boolean;
}

export interface ReplanRoute {
  crewId: number;
  zoneId: string | null;
  /** A kept crew's zone cells (the solver's zones do not hold it). */
  zoneCells?: readonly string[];
  /** Ticket ids under way or done, kept first. */
  done: number[];
  from: LatLon;
  to: LatLon;
  startSeconds: number;
  endSeconds: number;
  stops: ReplanStop[];
  distanceMetres: number;
  travelSeconds: number;
  serviceSeconds: number;
}

export interface ReplanResult {
  routes: ReplanRoute[];
  /** Urgent ones no crew can reach in time first, then by priority and ticket id. */
  unplanned: { ticketId: number; reason: ReplanReason }[];
  zones: Zone[];
  metrics: DayMetrics;
  baseline: { metrics: DayMetrics; unplanned: number };
  /** The solver's input (for the record and the tests). */
  input: PlanInput;
  /** The solver's tickets and, after them, the crews' next stops (what the routes were timed on). */
  tickets: PlanTicket[];
  /** Where and when each solver crew's rest of the day starts (input.crews order), with its jobs left. */
  reaches: CrewReach[];
}

export type Solve = (input: PlanInput) => DayPlan | Promise<DayPlan>;

const PLANNABLE: readonly TicketStatus[] = ['spk_issued', 'assigned'];

export async function replan(day: ReplanDay, solve: Solve): Promise<ReplanResult> {
  const { travel } = day;
  const unplanned: { ticketId: number; reason: ReplanReason }[] = [];
  const byId = new Map(day.tickets.map((t) => [t.id, t]));
  const crewById = new Map(day.crews.map((c) => [c.id, c]));
  const pool = day.tickets.filter((t) => PLANNABLE.includes(t.status) && !day.committedElsewhere.has(t.id));
  const inPool = new Set(pool.map((t) => t.id));

  // Who each pool ticket is pinned to: the crew's next stop, else the dispatcher's pin, else a hand assignment.
  const pinOf = new Map<number, number>();
  for (const t of pool) {
    const pin = day.pins.get(t.id);
    if (pin === null) continue;
    if (pin !== undefined) pinOf.set(t.id, pin);
    else if (t.handAssigned && t.crewId !== null) pinOf.set(t.id, t.crewId);
  }
  for (const c of day.crews) if (c.next !== null && inPool.has(c.next)) pinOf.set(c.next, c.id);
  const held = pool.filter((t) => day.pins.get(t.id) === null && !pinOf.has(t.id));
  for (const t of held) unplanned.push({ ticketId: t.id, reason: 'held_out' });
  // Off the road network: no crew drives there by road unless the dispatcher sends one (a pin).
  const offRoad = pool.filter((t) => t.offNetwork && day.pins.get(t.id) !== null && !pinOf.has(t.id));
  for (const t of offRoad) unplanned.push({ ticketId: t.id, reason: 'off_road_network' });
  const heldIds = new Set([...held, ...offRoad].map((t) => t.id));

  // Where and when each crew's rest of the day starts.
  const reach = (c: ReplanCrew): CrewReach => ({
    crewId: c.id,
    base: c.base,
    from: c.position ? { lat: c.position.lat, lon: c.position.lon } : c.base,
    startSeconds: Math.max(c.shiftStartSeconds, c.position?.seconds ?? -Infinity, day.nowSeconds),
    shiftEndSeconds: c.shiftEndSeconds,
    capacityJobs: c.capacityJobs === null ? null : Math.max(0, c.capacityJobs - c.done.length),
  });

  // Locked crews keep exactly their locked stops (plus what is pinned to them), their next stop first.
  const lockedStops = new Map<number, number[]>();
  for (const [crewId, ids] of day.locks) {
    const c = crewById.get(crewId);
    if (!c) continue;
    const mine = ids.filter((id) => inPool.has(id) && !heldIds.has(id) && (pinOf.get(id) ?? crewId) === crewId);
    for (const [t, k] of pinOf) if (k === crewId && !mine.includes(t)) mine.push(t);
    if (c.next !== null && mine.includes(c.next)) {
      mine.splice(mine.indexOf(c.next), 1);
      mine.unshift(c.next);
    }
    lockedStops.set(crewId, mine);
  }
  // Kept crews: their stops as they are (taken out or pinned elsewhere: gone); what is pinned to them goes in at
  // its cheapest place (the next stop stays first).
  const kept = new Set<number>();
  for (const [crewId, k] of day.keep ?? []) {
    const c = crewById.get(crewId);
    if (!c || lockedStops.has(crewId)) continue;
    kept.add(crewId);
    const mine = k.ticketIds.filter((id) => inPool.has(id) && !heldIds.has(id) && (pinOf.get(id) ?? crewId) === crewId);
    if (c.next !== null && mine.includes(c.next)) {
      mine.splice(mine.indexOf(c.next), 1);
      mine.unshift(c.next);
    }
    const r = reach(c);
    for (const [t, owner] of pinOf) {
      if (owner !== crewId || mine.includes(t)) continue;
      const first = c.next !== null && mine[0] === c.next ? 1 : 0;
      let best = { at: mine.length, end: Infinity };
      for (let at = first; at <= mine.length; at++) {
        const order = [...mine.slice(0, at), t, ...mine.slice(at)].map((id) => byId.get(id)!);
        const end = timeRoute(0, r.from, r.startSeconds, order.map((_, j) => j), order, travel, null, c.base).endSeconds;
        if (end < best.end) best = { at, end };
      }
      mine.splice(best.at, 0, t);
    }
    lockedStops.set(crewId, mine);
  }
  const lockedTicket = new Set([...lockedStops.values()].flat());

  // The solver's crews and tickets. Each crew's next stop is fixed before the solve: the solver's day for it starts after it.
  const solverCrews = day.crews.filter((c) => !lockedStops.has(c.id));
  const reaches = solverCrews.map(reach);
  const crewIndex = new Map(solverCrews.map((c, k) => [c.id, k]));
  const nextOf = solverCrews.map((c) => (c.next !== null && inPool.has(c.next) && !lockedTicket.has(c.next) ? byId.get(c.next)! : null));
  const nextIds = new Set(nextOf.flatMap((t) => (t ? [t.id] : [])));
  const crews: PlanCrew[] = solverCrews.map((c, k) => {
    const n = nextOf[k];
    const free = n ? reaches[k].startSeconds + travel.seconds(reaches[k].from, n) + n.serviceSeconds : reaches[k].startSeconds;
    const cap = reaches[k].capacityJobs;
    return { id: c.id, base: c.base, shiftStartSeconds: Math.max(c.shiftStartSeconds, free), shiftEndSeconds: c.shiftEndSeconds, capacityJobs: cap === null ? null : Math.max(0, cap - (n ? 1 : 0)) };
  });
  const solverPool = pool.filter((t) => !heldIds.has(t.id) && !lockedTicket.has(t.id) && !nextIds.has(t.id));
  const tickets: PlanTicket[] = [];
  const plainOf = (t: ReplanTicket): Omit<PlanTicket, 'pinnedCrew'> => ({
    id: t.id,
    lat: t.lat,
    lon: t.lon,
    priority: t.priority,
    serviceSeconds: t.serviceSeconds,
    dueSeconds: t.dueSeconds,
    receivedSeconds: t.receivedSeconds,
    roadless: t.roadless,
  });
  for (const t of solverPool) {
    const pin = pinOf.get(t.id);
    if (pin !== undefined && !crewIndex.has(pin)) {
      unplanned.push({ ticketId: t.id, reason: 'pinned_crew_full' }); // pinned to a crew off shift
      continue;
    }
    tickets.push({ ...plainOf(t), pinnedCrew: pin !== undefined ? crewIndex.get(pin)! : null });
  }
  const input: PlanInput = {
    tickets: tickets.slice(),
    crews,
    travel,
    objective: day.objective,
    resolution: day.resolution,
    maxReachMetres: day.maxReachMetres,
    notBeforeSeconds: day.nowSeconds,
    budgetMs: day.budgetMs,
    clockMs: day.clockMs,
  };
  const plan: DayPlan =
    crews.length > 0 && tickets.length > 0
      ? await solve(input)
      : // No crew to solve for (all locked or kept): what is waiting stays waiting, for the reason it had.
        { routes: [], unplanned: tickets.map((_, i) => ({ ticket: i, reason: 'shift_full' as const })), zones: [], zoneCrew: [] };
  // A pinned ticket left out is left out because of its crew (whatever limit it hit there).
  const solverLeft = new Map(
    plan.unplanned.map((u) => [u.ticket, (tickets[u.ticket].pinnedCrew != null && u.reason !== 'no_crew_in_reach' ? 'pinned_crew_full' : crews.length === 0 ? (day.previousReasons?.get(tickets[u.ticket].id) ?? u.reason) : u.reason) as ReplanReason]),
  );

  // The next stops join the tickets (after the solver's), first in their crew's route.
  const nextIndex = new Map<number, number>();
  nextOf.forEach((n, k) => {
    if (!n) return;
    nextIndex.set(k, tickets.length);
    tickets.push({ ...plainOf(n), pinnedCrew: k });
  });
  const stopsOf: number[][] = crews.map((_, k) => {
    const r = plan.routes.find((x) => x.crew === k);
    const ids = r ? r.stops.map((s) => s.ticket) : [];
    const next = nextIndex.get(k);
    if (next !== undefined) ids.unshift(next);
    return ids;
  });
  const capOf = (k: number) => reaches[k].capacityJobs;
  // Each route from where the crew is now; what no longer fits is dropped from the end (never the next stop:
  // the crew is on its way there, even if that ends its day late).
  const timed = (k: number, stops: readonly number[]) => timeRoute(k, reaches[k].from, reaches[k].startSeconds, stops, tickets, travel, null, reaches[k].base);
  const routes: PlannedRoute[] = crews.map((_, k) => {
    const stops = stopsOf[k];
    const fixed = nextIndex.has(k) ? 1 : 0;
    let r = timed(k, stops);
    while (stops.length > fixed && (r.endSeconds > crews[k].shiftEndSeconds || (capOf(k) !== null && stops.length > capOf(k)!))) {
      let drop = stops.length - 1;
      for (let j = stops.length - 1; j >= fixed; j--) {
        if (tickets[stops[j]].pinnedCrew == null) {
          drop = j;
          break;
        }
      }
      const [gone] = stops.splice(drop, 1);
      solverLeft.set(gone, tickets[gone].pinnedCrew != null ? 'pinned_crew_full' : 'shift_full');
      r = timed(k, stops);
    }
    return r;
  });

  // Urgent work first: a Critical or High ticket left out takes the place of Normal stops of a crew that can reach it in time.
  const yields = (k: number): Set<number> => new Set(stopsOf[k].filter((i) => tickets[i].priority === 'normal' && tickets[i].pinnedCrew == null));
  const waitingUrgent = [...solverLeft.entries()]
    .filter(([i, reason]) => isUrgent(tickets[i].priority) && (reason === 'shift_full' || reason === 'crew_capacity'))
    .map(([i]) => i)
    .sort((a, b) => PRIORITY_RANK[tickets[a].priority] - PRIORITY_RANK[tickets[b].priority] || (tickets[a].dueSeconds ?? Infinity) - (tickets[b].dueSeconds ?? Infinity) || a - b);
  const reachTickets = tickets.map((t, i) => ({ ...t, id: i }));
  for (const i of waitingUrgent) {
    const order = crews.map((_, k) => k).sort((a, b) => travel.seconds(reaches[a].from, tickets[i]) - travel.seconds(reaches[b].from, tickets[i]) || a - b);
    for (const k of order) {
      const give = yields(k);
      if (give.size === 0) continue;
      const keep = stopsOf[k].filter((s) => !give.has(s));
      const slot = urgentSlot(reaches[k], keep, i, reachTickets, travel, day.nowSeconds, nextIndex.has(k) ? 1 : 0);
      if (!slot) continue;
      let stops = slot.stops;
      const inTime = new Set(slot.route.stops.filter((s) => isUrgent(tickets[s.ticket].priority) && meetsSla(tickets[s.ticket], s.arrivalSeconds, day.nowSeconds)).map((s) => s.ticket));
      // The Normal stops given up go back where they still fit without making an urgent stop late.
      const back = stopsOf[k].filter((s) => give.has(s));
      for (const n of back) {
        let best: { stops: number[]; end: number } | null = null;
        if (capOf(k) === null || stops.length + 1 <= capOf(k)!) {
          for (let pos = 0; pos <= stops.length; pos++) {
            const candidate = [...stops.slice(0, pos), n, ...stops.slice(pos)];
            const r = timed(k, candidate);
            if (r.endSeconds > crews[k].shiftEndSeconds) continue;
            if (!r.stops.every((s) => !inTime.has(s.ticket) || meetsSla(tickets[s.ticket], s.arrivalSeconds, day.nowSeconds))) continue;
            if (pos === 0 && nextIndex.get(k) === stops[0]) continue; // the next stop stays first
            if (!best || r.endSeconds < best.end) best = { stops: candidate, end: r.endSeconds };
          }
        }
        if (best) stops = best.stops;
        else solverLeft.set(n, 'shift_full');
      }
      stopsOf[k] = stops;
      routes[k] = timed(k, stops);
      solverLeft.delete(i);
      break;
    }
  }
  // An urgent ticket no crew can reach in time says so.
  for (const [i, reason] of solverLeft) {
    if (!isUrgent(tickets[i].priority) || reason === 'no_crew_in_reach' || reason === 'pinned_crew_full') continue;
    const inTime = crews.some((_, k) => urgentSlot(reaches[k], [], i, reachTickets, travel, day.nowSeconds));
    if (!inTime) solverLeft.set(i, 'no_crew_within_sla');
  }
  for (const [i, reason] of solverLeft) unplanned.push({ ticketId: tickets[i].id, reason });

  // Locked crews: their stops in their order, from where they are; what does not fit is left out.
  const lockedRoutes: ReplanRoute[] = [];
  for (const [crewId, ids] of lockedStops) {
    const c = reach(crewById.get(crewId)!);
    const isKept = kept.has(crewId);
    const stopTickets = ids.map((id) => byId.get(id)!);
    const stops = stopTickets.map((_, j) => j);
    let r = timeRoute(0, c.from, c.startSeconds, stops, stopTickets, travel, null, c.base);
    const fixed = crewById.get(crewId)!.next !== null && ids[0] === crewById.get(crewId)!.next ? 1 : 0;
    // A kept crew over its shift gives up its last stop that is not pinned; a locked one its last stop.
    const pinnedHere = (j: number) => pinOf.get(stopTickets[j].id) === crewId;
    while (stops.length > fixed && (r.endSeconds > c.shiftEndSeconds || (c.capacityJobs !== null && stops.length > c.capacityJobs))) {
      let drop = stops.length - 1;
      if (isKept) for (let q = stops.length - 1; q >= fixed; q--) if (!pinnedHere(stops[q])) {
        drop = q;
        break;
      }
      const [gone] = stops.splice(drop, 1);
      unplanned.push({ ticketId: stopTickets[gone].id, reason: isKept && !pinnedHere(gone) ? 'shift_full' : 'pinned_crew_full' });
      r = timeRoute(0, c.from, c.startSeconds, stops, stopTickets, travel, null, c.base);
    }
    const keptZone = isKept ? day.keep!.get(crewId)! : null;
    const route = toReplanRoute(crewById.get(crewId)!, r, (j) => stopTickets[j].id, isKept ? pinnedHere : () => true);
    if (keptZone) {
      route.zoneId = keptZone.zoneId;
      route.zoneCells = keptZone.zoneCells;
    }
    lockedRoutes.push(route);
  }

  const idOf = (i: number) => tickets[i].id;
  const out: ReplanRoute[] = [];
  for (const c of day.crews) {
    const locked = lockedRoutes.find((r) => r.crewId === c.id);
    if (locked) {
      out.push(locked);
      continue;
    }
    const k = crewIndex.get(c.id)!;
    const zoneIndex = plan.zones.findIndex((_, z) => plan.zoneCrew[z] === k);
    const route = routes[k];
    route.zoneId = zoneIndex >= 0 ? plan.zones[zoneIndex].id : null;
    out.push(toReplanRoute(c, route, idOf, (i) => tickets[i].pinnedCrew != null));
  }

  const never = new Set(plan.unplanned.filter((u) => u.reason === 'no_crew_in_reach' || u.reason === 'shift_too_short').map((u) => u.ticket));
  const baseline = firstComeFirstServed(tickets, crews, { travel, notBeforeSeconds: day.nowSeconds, skip: never });
  const rank = (u: { ticketId: number; reason: ReplanReason }) => (u.reason === 'no_crew_within_sla' ? 0 : 1);
  unplanned.sort((a, b) => rank(a) - rank(b) || PRIORITY_RANK[byId.get(a.ticketId)!.priority] - PRIORITY_RANK[byId.get(b.ticketId)!.priority] || a.ticketId - b.ticketId);
  return {
    routes: out,
    unplanned,
    zones: plan.zones,
    // Every crew's rest of the day, the locked and kept ones too.
    metrics: metricsOf(
      out.map((r) => ({ ...r, stops: r.stops.map((x) => ({ ticket: x.ticketId })) })),
      byId,
    ),
    baseline: { metrics: baseline.metrics, unplanned: tickets.length - baseline.metrics.served.total },
    input,
    tickets,
    reaches,
  };
}

function toReplanRoute(crew: ReplanCrew, r: PlannedRoute, idOf: (i: number) => number, pinned: (i: number) => boolean): ReplanRoute {
  return {
    crewId: crew.id,
    zoneId: r.zoneId,
    done: crew.done.slice(),
    from: r.from,
    to: r.to,
    startSeconds: r.startSeconds,
    endSeconds: r.endSeconds,
    stops: r.stops.map((s) => ({
      ticketId: idOf(s.ticket),
      arrivalSeconds: s.arrivalSeconds,
      departSeconds: s.departSeconds,
      travelSeconds: s.travelSeconds,
      distanceMetres: s.distanceMetres,
      serviceSeconds: s.serviceSeconds,
      pinned: pinned(s.ticket),
    })),
    distanceMetres: r.distanceMetres,
    travelSeconds: r.travelSeconds,
    serviceSeconds: r.serviceSeconds,
  };
}

