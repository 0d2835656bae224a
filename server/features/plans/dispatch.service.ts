/**
 * Immediate dispatch of a Critical or High ticket: crews ranked by when they
 * can be there (from where they are now), and on confirm the ticket goes into
 * the chosen crew's day as a new plan version, later stops re-timed. Normal
 * stops that no longer fit are dropped and roll over. Ticket changes go
 * through the tickets service as the workflow's 'urgent_dispatch' actor; the
 * dispatched ticket is pinned to its crew for the day, so re-plans keep it there.
 * The new version is published at once: a draft of the day made before it is
 * stale (publishing it is refused until it is re-based).
 */
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { findCrew, listCrews } from '../utilities/service.js';
import { getTicket, transitionTickets, type TransitionRequest } from '../tickets/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { localDateOf } from '../../core/domain/time.js';
import type { Priority } from '../../core/domain/tickets.js';
import type { LatLon } from '../../core/zoning/travel.js';
import { dispatchOptions, type CrewDay, type DispatchStop } from '../../core/planning/dispatch.js';
import { isUrgent } from '../../core/planning/model.js';
import * as store from './repository.js';
import { dayClock, dayTravelOf, requirePlannable, serviceSecondsOf, shiftsOfDay, tripPathsOf, type DayClock } from './day.service.js';
import { planView } from './service.js';
import { presentDispatchSuggestions, summaryOf } from './view.js';

async function crewDays(ctx: AppContext, utility: Utility, clock: DayClock, now: Date, excludeTicket: number) {
  const nowSeconds = clock.toSeconds(now);
  const shifts = shiftsOfDay(
    (await listCrews(ctx.db, utility.id)).filter((c) => c.baseLat !== null && c.baseLon !== null),
    clock,
    utility.timeZone,
  ).filter((s) => s.endSeconds > nowSeconds);
  const plan = await store.findPublishedPlanOfDay(ctx.db, utility.id, clock.date);
  const stops = plan ? await store.listStops(ctx.db, plan.id) : [];
  const routes = plan ? await store.listRoutes(ctx.db, plan.id) : [];
  const days: (CrewDay & { shift: (typeof shifts)[number]; done: store.StopRow[] })[] = [];
  for (const s of shifts) {
    const base = { lat: s.crew.baseLat!, lon: s.crew.baseLon! };
    const mine = stops.filter((x) => x.crewId === s.crew.id && x.ticketId !== excludeTicket);
    const done = mine.filter((x) => x.status === 'on_site' || x.status === 'escalated' || x.status === 'fixed' || x.status === 'closed');
    const pending = mine.filter((x) => x.status === 'assigned');
    const current = done.find((x) => x.status === 'on_site');
    const last = done.length > 0 ? done[done.length - 1] : null;
    let position: LatLon = base;
    let freeFrom = Math.max(nowSeconds, s.startSeconds);
    if (current) {
      position = { lat: current.lat, lon: current.lon };
      freeFrom = Math.max(nowSeconds, clock.toSeconds(current.onSiteAt ?? now) + current.serviceSeconds);
    } else if (last) {
      position = { lat: last.lat, lon: last.lon };
    }
    const route = routes.find((r) => r.crewId === s.crew.id);
    days.push({
      crewId: s.crew.id,
      base,
      shiftEndSeconds: s.endSeconds,
      capacityJobs: s.crew.capacityJobs,
      position,
      freeFromSeconds: route ? Math.max(freeFrom, clock.toSeconds(route.startAt)) : freeFrom,
      pending: pending.map<DispatchStop>((x) => ({ ticketId: x.ticketId, priority: x.priority, lat: x.lat, lon: x.lon, serviceSeconds: x.serviceSeconds })),
      doneCount: done.length,
      shift: s,
      done,
    });
  }
  return { plan, days, routes, stops };
}

/** The points an immediate dispatch times legs between: the ticket, and each crew's base, position and stops to come. */
function pointsOfDispatch(ticket: LatLon, days: readonly CrewDay[]): LatLon[] {
  return [ticket, ...days.flatMap((d) => [d.base, d.position, ...d.pending])];
}

async function urgentTicket(ctx: AppContext, utility: Utility, ticketId: number) {
  const ticket = await getTicket(ctx.db, utility.id, ticketId);
  if (!ticket) throw notFound('ticket', ticketId);
  if (ticket.status === 'received') requirePlannable(ticket.status, ticket.number);
  if (ticket.status !== 'spk_issued') {
    throw new DomainError(ErrorCode.conflict, `Ticket ${ticket.number} is already ${ticket.status}${ticket.crewId ? ` (crew ${ticket.crewId})` : ''}: pin it to move it`, { field: 'ticketId', currentStatus: ticket.status });
  }
  if (!ticket.priority || !isUrgent(ticket.priority)) {
    throw validationError([{ field: 'ticketId', message: `ticket ${ticket.number} is ${ticket.priority}: Normal tickets go to the daily zoned plan, not to immediate dispatch` }]);
  }
  return ticket;
}

/** Crews ranked by when they can be at the ticket, each with where it would go in their day. */
export async function suggestDispatch(ctx: AppContext, utility: Utility, ticketId: number) {
  const now = ctx.now();
  const ticket = await urgentTicket(ctx, utility, ticketId);
  const clock = dayClock(localDateOf(now, utility.timeZone), utility.timeZone);
  const { days } = await crewDays(ctx, utility, clock, now, ticket.id);
  const { travel } = await dayTravelOf(ctx, utility, pointsOfDispatch(ticket, days));
  const target = { lat: ticket.lat, lon: ticket.lon, serviceSeconds: serviceSecondsOf(utility, ticket.category, ticket.priority!), dueSeconds: ticket.resolveDueAt ? clock.toSeconds(ticket.resolveDueAt) : null };
  const options = dispatchOptions(days, target, travel);
  const dayOf = new Map(days.map((d) => [d.crewId, d]));
  return presentDispatchSuggestions(
    { id: ticket.id, number: ticket.number, priority: ticket.priority!, resolveDueAt: ticket.resolveDueAt },
    options.map((o) => {
      const d = dayOf.get(o.crewId)!;
      return {
        crewId: o.crewId,
        crewCode: d.shift.crew.code,
        crewName: d.shift.crew.name,
        arrivalAt: clock.toDate(o.arrivalSeconds),
        beforeTicketId: o.position < d.pending.length ? d.pending[o.position].ticketId : null,
        addedSeconds: o.addedSeconds,
        addedMetres: o.addedMetres,
        endAt: clock.toDate(o.endSeconds),
        meetsDue: o.meetsDue,
        dropsTicketIds: o.dropped,
      };
    }),
  );
}

/** Puts the ticket into the crew's day (a new plan version); later stops are re-timed. */
export async function confirmDispatch(ctx: AppContext, utility: Utility, user: StaffUser, input: { ticketId: number; crewId: number }) {
  const now = ctx.now();
  const ticket = await urgentTicket(ctx, utility, input.ticketId);
  const date = localDateOf(now, utility.timeZone);
  const clock = dayClock(date, utility.timeZone);
  const { plan, days, routes: oldRoutes, stops: oldStops } = await crewDays(ctx, utility, clock, now, ticket.id);
  const day = days.find((d) => d.crewId === input.crewId);
  // A crew of another utility (or none) is not found, whatever its shift: ids cannot be probed.
  if (!day && !(await findCrew(ctx.db, utility.id, input.crewId))) throw notFound('crew', input.crewId);
  if (!day) throw new DomainError(ErrorCode.crewNotAvailable, `Crew ${input.crewId} is not on shift now (or has no base)`, { field: 'crewId', crewId: input.crewId });
  const { travel } = await dayTravelOf(ctx, utility, pointsOfDispatch(ticket, [day]));
  const target = { lat: ticket.lat, lon: ticket.lon, serviceSeconds: serviceSecondsOf(utility, ticket.category, ticket.priority!), dueSeconds: ticket.resolveDueAt ? clock.toSeconds(ticket.resolveDueAt) : null };
  const option = dispatchOptions([day], target, travel)[0];
  if (!option) {
    throw new DomainError(ErrorCode.crewNotAvailable, `Crew ${day.shift.crew.code} cannot reach ticket ${ticket.number} and be back at its base within its shift`, { field: 'crewId', crewId: day.crewId });
  }

  // The crew's new day: what is done or under way, then the re-timed rest with the ticket in it.
  const pendingIds = day.pending.filter((p) => !option.dropped.includes(p.ticketId)).map((p) => p.ticketId);
  pendingIds.splice(option.position, 0, ticket.id);
  const oldRoute = oldRoutes.find((r) => r.crewId === day.crewId);
  const doneStops: store.NewStop[] = day.done.map((s) => ({ ticketId: s.ticketId, eta: s.eta, departAt: s.departAt, travelSeconds: s.travelSeconds, distanceMetres: s.distanceMetres, serviceSeconds: s.serviceSeconds, pinned: s.pinned }));
  const newStops: store.NewStop[] = option.route.stops.map((s, i) => ({
    ticketId: pendingIds[i],
    eta: clock.toDate(s.arrivalSeconds),
    departAt: clock.toDate(s.departSeconds),
    travelSeconds: s.travelSeconds,
    distanceMetres: s.distanceMetres,
    serviceSeconds: s.serviceSeconds,
    // The dispatched ticket is pinned to the crew (see below); the others keep what they had.
    pinned: pendingIds[i] === ticket.id || (oldStops.find((o) => o.ticketId === pendingIds[i])?.pinned ?? false),
  }));
  const doneDistance = doneStops.reduce((a, s) => a + s.distanceMetres, 0);
  const doneTravel = doneStops.reduce((a, s) => a + s.travelSeconds, 0);
  const doneService = doneStops.reduce((a, s) => a + s.serviceSeconds, 0);
  const coordinates = new Map(oldStops.map((s) => [s.ticketId, [s.lon, s.lat] as [number, number]]));
  coordinates.set(ticket.id, [ticket.lon, ticket.lat]);
  const allStops = [...doneStops, ...newStops];
  const route: store.NewRoute = {
    crewId: day.crewId,
    zoneKey: oldRoute?.zoneKey ?? null,
    zoneCells: oldRoute?.zoneCells ?? [],
    shiftStartAt: clock.toDate(day.shift.startSeconds),
    shiftEndAt: clock.toDate(day.shift.endSeconds),
    startAt: oldRoute && oldRoute.path ? oldRoute.startAt : clock.toDate(day.freeFromSeconds),
    endAt: clock.toDate(option.route.endSeconds),
    distanceMetres: doneDistance + option.route.distanceMetres,
    travelSeconds: doneTravel + option.route.travelSeconds,
    serviceSeconds: doneService + option.route.serviceSeconds,
    path: (await tripPathsOf(ctx, utility, [[day.base, ...allStops.map((s) => ({ lon: coordinates.get(s.ticketId)![0], lat: coordinates.get(s.ticketId)![1] })), day.base]]))[0],
    stops: allStops,
  };

  const planId = await ctx.db.transaction(async (tx) => {
    await store.lockPlanDay(tx, utility.id, date);
    const latest = await store.findPublishedPlanOfDay(tx, utility.id, date);
    if ((latest?.id ?? null) !== (plan?.id ?? null)) throw new DomainError(ErrorCode.conflict, "The day's plan changed meanwhile: ask for suggestions again", { planId: latest?.id });
    const locked = await store.lockTickets(tx, utility.id, [ticket.id, ...option.dropped]);
    if (locked.get(ticket.id)?.status !== 'spk_issued') throw new DomainError(ErrorCode.conflict, `Ticket ${ticket.number} changed meanwhile`, { field: 'ticketId' });
    const version = await store.nextPlanVersion(tx, utility.id, date);
    const keptRoutes = plan ? await store.copyRoutes(tx, plan.id, day.crewId) : [];
    const unplannedBefore = plan ? (await store.listUnplanned(tx, plan.id)).filter((u) => u.ticketId !== ticket.id) : [];
    const unplanned = [...unplannedBefore.map((u) => ({ ticketId: u.ticketId, reason: u.reason })), ...option.dropped.map((id) => ({ ticketId: id, reason: 'shift_full' }))];
    const allRoutes = [...keptRoutes, route];
    const served = { critical: 0, high: 0, normal: 0, total: 0 };
    const priorities = new Map<number, Priority>([...oldStops.map((s) => [s.ticketId, s.priority] as const), [ticket.id, ticket.priority!]]);
    let km = 0;
    let work = 0;
    let travelS = 0;
    let longest = 0;
    let used = 0;
    for (const r of allRoutes) {
      if (r.stops.length === 0) continue;
      used++;
      for (const s of r.stops) served[priorities.get(s.ticketId) ?? 'normal']++;
      served.total += r.stops.length;
      km += r.distanceMetres;
      work += r.travelSeconds + r.serviceSeconds;
      travelS += r.travelSeconds;
      longest = Math.max(longest, (r.endAt.getTime() - r.startAt.getTime()) / 1000);
    }
    const summary = summaryOf({ served, distanceMetres: km, workSeconds: work, travelSeconds: travelS, longestDaySeconds: longest, crewsUsed: used }, unplanned.length);
    const id = await store.insertPlan(
      tx,
      {
        utilityId: utility.id,
        date,
        version,
        kind: 'dispatch',
        objective: plan?.objective ?? utility.settings.planObjective,
        createdBy: user.id,
        createdAt: now,
        solveMs: 0,
        summary,
        baseline: plan?.baseline ?? summary,
        note: `${ticket.priority} ticket ${ticket.number} dispatched to crew ${day.shift.crew.code}`,
        // An urgent dispatch is published at once (the crew is told now); open drafts of the day become stale.
        status: 'published',
        basedOn: plan?.id ?? null,
      },
      allRoutes,
      unplanned,
    );
    const step = { utilityId: utility.id, actor: 'urgent_dispatch' as const, actorUserId: user.id, at: now };
    await transitionTickets(tx, [
      {
        ...step,
        ticketId: ticket.id,
        action: 'assign',
        changes: { crewId: day.crewId },
        note: 'immediate dispatch',
        data: { crewId: day.crewId, planId: id, planVersion: version, eta: clock.toDate(option.arrivalSeconds).toISOString() },
      },
      ...option.dropped.map((dropped): TransitionRequest => ({
        ...step,
        ticketId: dropped,
        action: 'unassign',
        note: `Made room for ${ticket.priority} ticket ${ticket.number}; rolls over`,
        data: { previousCrewId: day.crewId, planId: id, planVersion: version, reason: 'shift_full' },
      })),
    ]);
    // The dispatcher chose this crew, and it is on its way: a later re-plan of the day must not move
    // the ticket to another crew behind its back. A pin says so, and unpinning gives it back to the planner.
    await store.upsertPin(tx, { utilityId: utility.id, date, ticketId: ticket.id, crewId: day.crewId, userId: user.id, at: now });
    return id;
  });
  return planView(ctx, utility, planId);
}
