/**
 * Planning service: reads the pool and the crews, runs the pure planner,
 * stores the plan as a new version and moves the tickets it places to
 * 'assigned' (with an 'assign' event each), in one transaction. Also: pins,
 * immediate dispatch, zones and the crew's route list.
 *
 * Ticket status: a planned ticket becomes 'assigned' to its crew (re-planning
 * moves it to another crew when the plan does). A ticket a previous plan had
 * assigned and this one leaves out goes back to 'spk_issued' (event
 * 'unassign'), so that it rolls over. A ticket assigned by hand (not by a
 * plan) stays with its crew: the planner treats it as pinned.
 */
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { listCrews, type Crew } from '../utilities/service.js';
import { getTicket, transitionTickets, type TransitionRequest } from '../tickets/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { localDateOf, zonedTimeToUtc } from '../../core/domain/time.js';
import type { Priority, TicketStatus } from '../../core/domain/tickets.js';
import { createTravelModel, type LatLon, type TravelModel } from '../../core/zoning/travel.js';
import { buildZones, zoneOutline } from '../../core/zoning/zones.js';
import { planDay, zoneCapacitySeconds } from '../../core/planning/plan-day.js';
import { firstComeFirstServed } from '../../core/planning/baseline.js';
import { metricsOf } from '../../core/planning/route.js';
import { dispatchOptions, type CrewDay, type DispatchStop } from '../../core/planning/dispatch.js';
import { isUrgent, unplannedMessages, type DayMetrics, type PlanCrew, type PlannedRoute, type PlanObjective, type PlanTicket, type UnplannedReason } from '../../core/planning/model.js';
import * as store from './repository.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A plan day's clock: seconds from its local midnight. */
export interface DayClock {
  date: string;
  originMs: number;
  toSeconds(d: Date): number;
  toDate(seconds: number): Date;
}

export function dayClock(date: string, timeZone: string): DayClock {
  const originMs = zonedTimeToUtc(date, '00:00', timeZone).getTime();
  return { date, originMs, toSeconds: (d) => Math.round((d.getTime() - originMs) / 1000), toDate: (s) => new Date(originMs + s * 1000) };
}

function checkDate(date: string, utility: Utility, now: Date): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw validationError([{ field: 'date', message: 'a calendar date, YYYY-MM-DD' }]);
  }
  const today = localDateOf(now, utility.timeZone);
  if (date < today) throw validationError([{ field: 'date', message: `${date} is in the past (today is ${today}): a plan is for today or a later day` }]);
}

export function travelModelOf(utility: Utility): TravelModel {
  return createTravelModel({ detourFactor: utility.settings.detourFactor, speedKmh: utility.settings.speedKmh });
}

export function serviceSecondsOf(utility: Utility, category: keyof Utility['settings']['serviceMinutes'], priority: Priority): number {
  const s = utility.settings;
  return Math.round((s.serviceMinutes[category] + s.planning.serviceExtraMinutes[priority]) * 60);
}

interface CrewShift {
  crew: Crew;
  startSeconds: number;
  endSeconds: number;
}

function shiftOf(crew: Crew, clock: DayClock, timeZone: string): { startSeconds: number; endSeconds: number } {
  const start = clock.toSeconds(zonedTimeToUtc(clock.date, crew.shiftStart, timeZone));
  let end = clock.toSeconds(zonedTimeToUtc(clock.date, crew.shiftEnd, timeZone));
  if (end <= start) end += 86_400; // a night shift ends the next morning
  return { startSeconds: start, endSeconds: end };
}

/** The crews on shift for the day, with the refusals a dispatcher can act on. */
async function crewsOnShift(ctx: AppContext, utility: Utility, clock: DayClock, nowSeconds: number): Promise<CrewShift[]> {
  const crews = await listCrews(ctx.db, utility.id);
  if (crews.length === 0) throw new DomainError(ErrorCode.noCrewsOnShift, 'There is no active crew: add a crew (with a base and a shift) before planning', { date: clock.date });
  const withoutBase = crews.filter((c) => c.baseLat === null || c.baseLon === null);
  if (withoutBase.length > 0) {
    throw new DomainError(
      ErrorCode.crewWithoutBase,
      `Crew ${withoutBase.map((c) => c.code).join(', ')} has no base: set where the crew starts and ends its day, or deactivate it, then plan again`,
      { crews: withoutBase.map((c) => ({ id: c.id, code: c.code, name: c.name })) },
    );
  }
  const shifts = crews.map((crew) => ({ crew, ...shiftOf(crew, clock, utility.timeZone) }));
  const shortest = Math.min(...Object.values(utility.settings.serviceMinutes)) * 60;
  const tooShort = shifts.filter((s) => s.endSeconds - s.startSeconds < shortest);
  if (tooShort.length > 0) {
    throw new DomainError(
      ErrorCode.shiftTooShort,
      `The shift of crew ${tooShort.map((s) => `${s.crew.code} (${s.crew.shiftStart.slice(0, 5)}-${s.crew.shiftEnd.slice(0, 5)})`).join(', ')} is shorter than one job (${shortest / 60} minutes on site): correct the shift`,
      { crews: tooShort.map((s) => ({ id: s.crew.id, code: s.crew.code, shiftStart: s.crew.shiftStart, shiftEnd: s.crew.shiftEnd })), shortestJobMinutes: shortest / 60 },
    );
  }
  const onShift = shifts.filter((s) => s.endSeconds > nowSeconds);
  if (onShift.length === 0) throw new DomainError(ErrorCode.noCrewsOnShift, `Every crew's shift on ${clock.date} has ended`, { date: clock.date });
  return onShift;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function summaryOf(m: DayMetrics, unplanned: number) {
  return {
    served: m.served,
    unplanned,
    km: round(m.distanceMetres / 1000, 1),
    hours: round(m.workSeconds / 3600, 2),
    travelHours: round(m.travelSeconds / 3600, 2),
    longestDayHours: round(m.longestDaySeconds / 3600, 2),
    crewsUsed: m.crewsUsed,
  };
}
type Summary = ReturnType<typeof summaryOf>;

export interface PlanRequest {
  date: string;
  objective?: PlanObjective;
}

/** Plans a day and stores it as the day's next version. */
export async function createPlan(ctx: AppContext, utility: Utility, user: StaffUser, request: PlanRequest, kind: 'daily' | 'reoptimise' = 'daily') {
  const now = ctx.now();
  checkDate(request.date, utility, now);
  const clock = dayClock(request.date, utility.timeZone);
  const nowSeconds = clock.toSeconds(now);
  const shifts = await crewsOnShift(ctx, utility, clock, nowSeconds);
  const pool = await store.listPoolTickets(ctx.db, utility.id);
  if (pool.length === 0) throw new DomainError(ErrorCode.nothingToPlan, 'No ticket with an SPK is waiting for a crew: nothing to plan', { date: request.date });

  const crewIndex = new Map(shifts.map((s, k) => [s.crew.id, k]));
  const pins = new Map((await store.listPins(ctx.db, utility.id, request.date)).map((p) => [p.ticketId, p.crewId]));
  const roadless = new Set(utility.settings.planning.roadlessDistricts);
  const tickets: PlanTicket[] = pool.map((t) => {
    const pinnedCrewId = pins.get(t.id) ?? (t.assignedByHand ? t.crewId : null);
    return {
      id: t.id,
      lat: t.lat,
      lon: t.lon,
      priority: t.priority,
      serviceSeconds: serviceSecondsOf(utility, t.category, t.priority),
      dueSeconds: t.resolveDueAt ? clock.toSeconds(t.resolveDueAt) : null,
      receivedSeconds: clock.toSeconds(t.receivedAt),
      roadless: t.district !== null && roadless.has(t.district),
      pinnedCrew: pinnedCrewId !== null ? (crewIndex.get(pinnedCrewId) ?? null) : null,
    };
  });
  const crews: PlanCrew[] = shifts.map((s) => ({
    id: s.crew.id,
    base: { lat: s.crew.baseLat!, lon: s.crew.baseLon! },
    shiftStartSeconds: s.startSeconds,
    shiftEndSeconds: s.endSeconds,
    capacityJobs: s.crew.capacityJobs,
  }));
  const travel = travelModelOf(utility);
  const objective = request.objective ?? utility.settings.planObjective;
  const started = performance.now();
  const plan = planDay({
    tickets,
    crews,
    travel,
    objective,
    resolution: utility.settings.h3Resolution,
    maxReachMetres: utility.settings.planning.maxReachKm * 1000,
    notBeforeSeconds: nowSeconds,
    budgetMs: utility.settings.planning.solveMsPerCrew * crews.length,
  });
  const solveMs = performance.now() - started;
  const never = new Set(plan.unplanned.filter((u) => u.reason === 'no_crew_in_reach' || u.reason === 'shift_too_short').map((u) => u.ticket));
  const baseline = firstComeFirstServed(tickets, crews, { travel, notBeforeSeconds: nowSeconds, skip: never });
  const summary = summaryOf(metricsOf(plan.routes, tickets), plan.unplanned.length);

  const routes: store.NewRoute[] = plan.routes.map((r) => {
    const shift = shifts[r.crew];
    const zone = r.zoneId ? plan.zones.find((z) => z.id === r.zoneId) : undefined;
    return {
      crewId: shift.crew.id,
      zoneKey: r.zoneId,
      zoneCells: zone?.cells ?? [],
      shiftStartAt: clock.toDate(shift.startSeconds),
      shiftEndAt: clock.toDate(shift.endSeconds),
      startAt: clock.toDate(r.startSeconds),
      endAt: clock.toDate(r.endSeconds),
      distanceMetres: r.distanceMetres,
      travelSeconds: r.travelSeconds,
      serviceSeconds: r.serviceSeconds,
      path: pathOf(r, tickets),
      stops: r.stops.map((s) => ({
        ticketId: tickets[s.ticket].id,
        eta: clock.toDate(s.arrivalSeconds),
        departAt: clock.toDate(s.departSeconds),
        travelSeconds: s.travelSeconds,
        distanceMetres: s.distanceMetres,
        serviceSeconds: s.serviceSeconds,
        pinned: tickets[s.ticket].pinnedCrew != null,
      })),
    };
  });
  const unplanned = plan.unplanned.map((u) => ({ ticketId: tickets[u.ticket].id, reason: u.reason }));

  const planId = await ctx.db.transaction(async (tx) => {
    await store.lockPlanDay(tx, utility.id, request.date);
    const current = await store.lockTickets(tx, utility.id, pool.map((t) => t.id));
    const changed = pool.filter((t) => {
      const c = current.get(t.id);
      return !c || c.status !== t.status || c.crewId !== t.crewId;
    });
    if (changed.length > 0) {
      throw new DomainError(ErrorCode.conflict, 'Tickets changed while the plan was being made: plan again', { tickets: changed.map((t) => t.id).slice(0, 20) });
    }
    const version = await store.nextPlanVersion(tx, utility.id, request.date);
    const id = await store.insertPlan(
      tx,
      { utilityId: utility.id, date: request.date, version, kind, objective, createdBy: user.id, createdAt: now, solveMs, summary, baseline: summaryOf(baseline.metrics, tickets.length - baseline.metrics.served.total) },
      routes,
      unplanned,
    );
    await moveTickets(tx, utility.id, user, pool, routes, unplanned, { planId: id, version }, now);
    return id;
  });
  return planView(ctx, utility, planId);
}

function pathOf(r: PlannedRoute, tickets: readonly LatLon[]): [number, number][] {
  if (r.stops.length === 0) return [];
  return [[r.from.lon, r.from.lat], ...r.stops.map((s) => [tickets[s.ticket].lon, tickets[s.ticket].lat] as [number, number]), [r.to.lon, r.to.lat]];
}

/** Status and crew of every pool ticket after the plan, with one event per change. */
async function moveTickets(
  tx: store.Tx,
  utilityId: number,
  user: StaffUser,
  pool: readonly { id: number; status: TicketStatus; crewId: number | null; assignedByHand: boolean }[],
  routes: readonly store.NewRoute[],
  unplanned: readonly { ticketId: number; reason: string }[],
  plan: { planId: number; version: number },
  at: Date,
): Promise<void> {
  const byId = new Map(pool.map((t) => [t.id, t]));
  const steps: TransitionRequest[] = [];
  const step = { utilityId, actor: 'planner' as const, actorUserId: user.id, at };
  for (const r of routes) {
    r.stops.forEach((s, i) => {
      const t = byId.get(s.ticketId);
      if (!t || (t.status === 'assigned' && t.crewId === r.crewId)) return;
      steps.push({
        ...step,
        ticketId: t.id,
        action: 'assign',
        changes: { crewId: r.crewId },
        note: null,
        data: { crewId: r.crewId, previousCrewId: t.crewId, planId: plan.planId, planVersion: plan.version, seq: i + 1 },
      });
    });
  }
  // Roll-over: what a previous plan assigned and this one leaves out waits for the next plan.
  for (const u of unplanned) {
    const t = byId.get(u.ticketId);
    if (!t || t.status !== 'assigned' || t.assignedByHand) continue;
    steps.push({
      ...step,
      ticketId: t.id,
      action: 'unassign',
      note: unplannedMessages[u.reason as UnplannedReason] ?? u.reason,
      data: { previousCrewId: t.crewId, planId: plan.planId, planVersion: plan.version, reason: u.reason },
    });
  }
  await transitionTickets(tx, steps);
}

// ---------------------------------------------------------------- reading

const minutes = (s: number) => round(s / 60, 1);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function thumbnailUrlOf(ticketId: number, photoId: number | null): string | null {
  return photoId === null ? null : `/api/v1/tickets/${ticketId}/photos/${photoId}?size=thumb`;
}

export function navigationOf(lat: number, lon: number, label: string) {
  const la = lat.toFixed(6);
  const lo = lon.toFixed(6);
  return {
    geo: `geo:${la},${lo}?q=${la},${lo}(${encodeURIComponent(label)})`,
    web: `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=18/${la}/${lo}`,
  };
}

export async function planView(ctx: AppContext, utility: Utility, planId: number) {
  const plan = await store.findPlan(ctx.db, utility.id, planId);
  if (!plan) throw notFound('plan', planId);
  const [routes, stops, unplanned, versions] = await Promise.all([
    store.listRoutes(ctx.db, plan.id),
    store.listStops(ctx.db, plan.id),
    store.listUnplanned(ctx.db, plan.id),
    store.listPlanVersions(ctx.db, utility.id, plan.date),
  ]);
  const summary = plan.summary as Summary;
  const baseline = plan.baseline as Summary;
  const stopsByRoute = new Map<number, store.StopRow[]>();
  for (const s of stops) stopsByRoute.set(s.routeId, [...(stopsByRoute.get(s.routeId) ?? []), s]);
  return {
    id: plan.id,
    date: plan.date,
    version: plan.version,
    kind: plan.kind,
    objective: plan.objective,
    createdAt: plan.createdAt.toISOString(),
    solveMs: plan.solveMs,
    versions: versions.map((v) => ({ id: v.id, version: v.version, kind: v.kind, createdAt: v.createdAt.toISOString() })),
    summary,
    baseline,
    savings: {
      km: round(baseline.km - summary.km, 1),
      kmPercent: baseline.km > 0 ? round((100 * (baseline.km - summary.km)) / baseline.km, 1) : 0,
      extraTicketsServed: summary.served.total - baseline.served.total,
      kmPerTicket: {
        plan: summary.served.total > 0 ? round(summary.km / summary.served.total, 2) : 0,
        baseline: baseline.served.total > 0 ? round(baseline.km / baseline.served.total, 2) : 0,
      },
    },
    routes: routes.map((r) => ({
      crewId: r.crewId,
      crewCode: r.crewCode,
      crewName: r.crewName,
      zone: r.zoneKey,
      shiftStartAt: r.shiftStartAt.toISOString(),
      shiftEndAt: r.shiftEndAt.toISOString(),
      startAt: r.startAt.toISOString(),
      endAt: r.endAt.toISOString(),
      km: round(r.distanceMetres / 1000, 2),
      travelMinutes: minutes(r.travelSeconds),
      serviceMinutes: minutes(r.serviceSeconds),
      stops: (stopsByRoute.get(r.id) ?? []).map((s) => ({
        seq: s.seq,
        ticketId: s.ticketId,
        number: s.number,
        priority: s.priority,
        status: s.status,
        eta: s.eta.toISOString(),
        departAt: s.departAt.toISOString(),
        travelMinutes: minutes(s.travelSeconds),
        serviceMinutes: minutes(s.serviceSeconds),
        pinned: s.pinned,
      })),
    })),
    unplanned: unplanned.map((u) => ({
      ticketId: u.ticketId,
      number: u.number,
      priority: u.priority,
      reason: u.reason,
      message: unplannedMessages[u.reason as UnplannedReason] ?? u.reason,
    })),
  };
}
export type PlanView = Awaited<ReturnType<typeof planView>>;

export async function latestPlanView(ctx: AppContext, utility: Utility, date: string, version?: number) {
  if (!DATE.test(date)) throw validationError([{ field: 'date', message: 'a calendar date, YYYY-MM-DD' }]);
  const plan = await store.findPlanOfDay(ctx.db, utility.id, date, version);
  if (!plan) throw notFound('plan', version ? `${date} v${version}` : date);
  return planView(ctx, utility, plan.id);
}

// ---------------------------------------------------------------- pins

async function requirePlan(ctx: AppContext, utility: Utility, planId: number) {
  const plan = await store.findPlan(ctx.db, utility.id, planId);
  if (!plan) throw notFound('plan', planId);
  return plan;
}

/** Pins (or moves) a ticket to a crew for the plan's day, then re-plans the day around it. */
export async function pinTicket(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, input: { ticketId: number; crewId: number }) {
  const plan = await requirePlan(ctx, utility, planId);
  const ticket = await getTicket(ctx.db, utility.id, input.ticketId);
  if (!ticket) throw notFound('ticket', input.ticketId);
  requirePlannable(ticket.status, ticket.number);
  const crews = await listCrews(ctx.db, utility.id);
  const crew = crews.find((c) => c.id === input.crewId);
  if (!crew) throw notFound('crew', input.crewId);
  const previous = (await store.listPins(ctx.db, utility.id, plan.date)).find((p) => p.ticketId === ticket.id) ?? null;
  await store.upsertPin(ctx.db, { utilityId: utility.id, date: plan.date, ticketId: ticket.id, crewId: crew.id, userId: user.id, at: ctx.now() });
  try {
    return await createPlan(ctx, utility, user, { date: plan.date, objective: plan.objective }, 'reoptimise');
  } catch (error) {
    // A refused re-plan leaves the pins as they were.
    if (previous) await store.upsertPin(ctx.db, { utilityId: utility.id, date: plan.date, ticketId: ticket.id, crewId: previous.crewId, userId: user.id, at: ctx.now() });
    else await store.deletePin(ctx.db, utility.id, plan.date, ticket.id);
    throw error;
  }
}

export async function unpinTicket(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, ticketId: number) {
  const plan = await requirePlan(ctx, utility, planId);
  const removed = await store.deletePin(ctx.db, utility.id, plan.date, ticketId);
  if (removed === 0) throw notFound('pin', ticketId);
  return createPlan(ctx, utility, user, { date: plan.date, objective: plan.objective }, 'reoptimise');
}

export async function reoptimise(ctx: AppContext, utility: Utility, user: StaffUser, planId: number) {
  const plan = await requirePlan(ctx, utility, planId);
  return createPlan(ctx, utility, user, { date: plan.date, objective: plan.objective }, 'reoptimise');
}

function requirePlannable(status: TicketStatus, number: string): void {
  if (status === 'received') {
    throw new DomainError(ErrorCode.ticketWithoutSpk, `Ticket ${number} has no SPK yet: the admin validates it and issues the SPK first`, { field: 'ticketId', status });
  }
  if (status !== 'spk_issued' && status !== 'assigned') {
    throw new DomainError(ErrorCode.invalidTransition, `Ticket ${number} is ${status}: only tickets waiting for a crew can be planned`, { field: 'ticketId', currentStatus: status });
  }
}

// ---------------------------------------------------------------- immediate dispatch

async function crewDays(ctx: AppContext, utility: Utility, clock: DayClock, now: Date, excludeTicket: number) {
  const nowSeconds = clock.toSeconds(now);
  const shifts = (await listCrews(ctx.db, utility.id))
    .filter((c) => c.baseLat !== null && c.baseLon !== null)
    .map((crew) => ({ crew, ...shiftOf(crew, clock, utility.timeZone) }))
    .filter((s) => s.endSeconds > nowSeconds);
  const plan = await store.findPlanOfDay(ctx.db, utility.id, clock.date);
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
  const travel = travelModelOf(utility);
  const target = { lat: ticket.lat, lon: ticket.lon, serviceSeconds: serviceSecondsOf(utility, ticket.category, ticket.priority!), dueSeconds: ticket.resolveDueAt ? clock.toSeconds(ticket.resolveDueAt) : null };
  const options = dispatchOptions(days, target, travel);
  const dayOf = new Map(days.map((d) => [d.crewId, d]));
  return {
    ticketId: ticket.id,
    number: ticket.number,
    priority: ticket.priority!,
    resolveDueAt: iso(ticket.resolveDueAt),
    options: options.map((o) => {
      const d = dayOf.get(o.crewId)!;
      return {
        crewId: o.crewId,
        crewCode: d.shift.crew.code,
        crewName: d.shift.crew.name,
        arrivalAt: clock.toDate(o.arrivalSeconds).toISOString(),
        /** Before which of the crew's pending stops it goes (null: after the last). */
        beforeTicketId: o.position < d.pending.length ? d.pending[o.position].ticketId : null,
        addedMinutes: minutes(o.addedSeconds),
        addedKm: round(o.addedMetres / 1000, 2),
        endAt: clock.toDate(o.endSeconds).toISOString(),
        meetsDue: o.meetsDue,
        dropsTicketIds: o.dropped,
      };
    }),
  };
}

/** Puts the ticket into the crew's day (a new plan version); later stops are re-timed. */
export async function confirmDispatch(ctx: AppContext, utility: Utility, user: StaffUser, input: { ticketId: number; crewId: number }) {
  const now = ctx.now();
  const ticket = await urgentTicket(ctx, utility, input.ticketId);
  const date = localDateOf(now, utility.timeZone);
  const clock = dayClock(date, utility.timeZone);
  const { plan, days, routes: oldRoutes, stops: oldStops } = await crewDays(ctx, utility, clock, now, ticket.id);
  const day = days.find((d) => d.crewId === input.crewId);
  if (!day) throw new DomainError(ErrorCode.crewNotAvailable, `Crew ${input.crewId} is not on shift now (or has no base)`, { field: 'crewId', crewId: input.crewId });
  const travel = travelModelOf(utility);
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
    pinned: oldStops.find((o) => o.ticketId === pendingIds[i])?.pinned ?? false,
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
    path: [[day.base.lon, day.base.lat], ...allStops.map((s) => coordinates.get(s.ticketId)!), [day.base.lon, day.base.lat]],
    stops: allStops,
  };

  const planId = await ctx.db.transaction(async (tx) => {
    await store.lockPlanDay(tx, utility.id, date);
    const latest = await store.findPlanOfDay(tx, utility.id, date);
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
    return id;
  });
  return planView(ctx, utility, planId);
}

// ---------------------------------------------------------------- zones

export async function zonesOfDay(ctx: AppContext, utility: Utility, date: string) {
  checkDate(date, utility, ctx.now());
  const clock = dayClock(date, utility.timeZone);
  const nowSeconds = clock.toSeconds(ctx.now());
  const crews = (await listCrews(ctx.db, utility.id)).map((c) => ({ crew: c, ...shiftOf(c, clock, utility.timeZone) })).filter((s) => s.endSeconds > nowSeconds);
  const roadless = new Set(utility.settings.planning.roadlessDistricts);
  const pool = (await store.listPoolTickets(ctx.db, utility.id)).filter((t) => t.priority === 'normal' && !(t.district !== null && roadless.has(t.district)));
  const tickets = pool.map((t) => ({ lat: t.lat, lon: t.lon, serviceSeconds: serviceSecondsOf(utility, t.category, t.priority) }));
  const available = crews.map((s) => s.endSeconds - Math.max(s.startSeconds, nowSeconds));
  const capacity = zoneCapacitySeconds(available, tickets.reduce((a, t) => a + t.serviceSeconds, 0));
  const zones = tickets.length > 0 ? buildZones(tickets, { resolution: utility.settings.h3Resolution, capacitySeconds: capacity, travel: travelModelOf(utility) }) : [];
  const plan = await store.findPlanOfDay(ctx.db, utility.id, date);
  const crewOfZone = new Map<string, number>();
  if (plan) for (const r of await store.listRoutes(ctx.db, plan.id)) if (r.zoneKey) crewOfZone.set(r.zoneKey, r.crewId);
  return {
    type: 'FeatureCollection' as const,
    date,
    resolution: utility.settings.h3Resolution,
    zoneCapacityMinutes: minutes(capacity),
    planId: plan?.id ?? null,
    features: zones.map((z) => ({
      type: 'Feature' as const,
      id: z.id,
      geometry: zoneOutline(z),
      properties: {
        zoneId: z.id,
        resolution: z.resolution,
        cells: z.cells,
        ticketCount: z.tickets.length,
        ticketIds: z.tickets.map((i) => pool[i].id),
        serviceMinutes: minutes(z.serviceSeconds),
        travelMinutes: minutes(z.travelSeconds),
        workMinutes: minutes(z.workSeconds),
        crewId: crewOfZone.get(z.id) ?? null,
      },
    })),
  };
}

// ---------------------------------------------------------------- a crew's route list

export async function crewRoute(ctx: AppContext, utility: Utility, user: StaffUser, crewId: number, date: string | undefined) {
  const day = date ?? localDateOf(ctx.now(), utility.timeZone);
  if (!DATE.test(day)) throw validationError([{ field: 'date', message: 'a calendar date, YYYY-MM-DD' }]);
  if (user.role === 'crew' && user.crewId !== crewId) {
    throw new DomainError(ErrorCode.forbidden, 'A crew sees its own route only', { crewId, yourCrewId: user.crewId });
  }
  const crew = (await listCrews(ctx.db, utility.id, false)).find((c) => c.id === crewId);
  if (!crew) throw notFound('crew', crewId);
  const plan = await store.findPlanOfDay(ctx.db, utility.id, day);
  if (!plan) throw notFound('plan', day);
  const [route] = await store.listRoutes(ctx.db, plan.id, crewId);
  const stops = route ? await store.listStops(ctx.db, plan.id, crewId) : [];
  const base = crew.baseLat !== null && crew.baseLon !== null ? { lat: crew.baseLat, lon: crew.baseLon } : null;
  return {
    crewId: crew.id,
    crewCode: crew.code,
    crewName: crew.name,
    date: day,
    planId: plan.id,
    planVersion: plan.version,
    base: base ? { ...base, address: crew.baseAddress } : null,
    startAt: iso(route?.startAt ?? null),
    endAt: iso(route?.endAt ?? null),
    km: route ? round(route.distanceMetres / 1000, 2) : 0,
    stops: stops.map((s) => ({
      seq: s.seq,
      ticketId: s.ticketId,
      number: s.number,
      status: s.status,
      priority: s.priority,
      category: s.category,
      eta: s.eta.toISOString(),
      departAt: s.departAt.toISOString(),
      travelMinutes: minutes(s.travelSeconds),
      serviceMinutes: minutes(s.serviceSeconds),
      address: s.address,
      description: s.description,
      lat: s.lat,
      lon: s.lon,
      photoThumbnailUrl: thumbnailUrlOf(s.ticketId, s.photoId),
      navigation: navigationOf(s.lat, s.lon, s.number),
    })),
    geojson: {
      type: 'Feature' as const,
      geometry: route?.path ?? null,
      properties: { crewId: crew.id, crewCode: crew.code, date: day, planId: plan.id, km: route ? round(route.distanceMetres / 1000, 2) : 0 },
    },
  };
}
export type CrewRouteView = Awaited<ReturnType<typeof crewRoute>>;
