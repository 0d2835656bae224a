/**
 * Planning service: reads the pool and the crews, runs the pure planner,
 * stores the plan as a new version and moves the tickets it places to
 * 'assigned' (with an 'assign' event each, through the tickets service: the
 * planner is an actor of the workflow table), in one transaction; pins and
 * re-optimisation. Immediate dispatch, zones and a crew's route list have
 * their own services; the response shapes are in view.ts.
 *
 * Ticket status: a planned ticket becomes 'assigned' to its crew (re-planning
 * moves it to another crew when the plan does). A ticket a previous plan had
 * assigned and this one leaves out goes back to 'spk_issued' (event
 * 'unassign'), so that it rolls over. A ticket assigned by hand (not by a
 * plan) stays with its crew: the planner treats it as pinned.
 */
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { listCrews } from '../utilities/service.js';
import { getTicket, transitionTickets, type TransitionRequest } from '../tickets/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import type { TicketStatus } from '../../core/domain/tickets.js';
import type { LatLon } from '../../core/zoning/travel.js';
import { solvePlan } from '../../platform/solver/pool.js';
import { firstComeFirstServed } from '../../core/planning/baseline.js';
import { metricsOf } from '../../core/planning/route.js';
import { unplannedMessages, type PlanCrew, type PlannedRoute, type PlanObjective, type PlanTicket, type UnplannedReason } from '../../core/planning/model.js';
import * as store from './repository.js';
import { checkDate, crewsOnShift, dayClock, DATE, requirePlannable, serviceSecondsOf, travelModelOf } from './day.service.js';
import { presentPlan, summaryOf } from './view.js';

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
  // Off the request thread: platform/solver's worker pool (SOLVER_THREADS).
  const plan = await solvePlan({
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
  tx: Tx,
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

export async function planView(ctx: AppContext, utility: Utility, planId: number) {
  const plan = await store.findPlan(ctx.db, utility.id, planId);
  if (!plan) throw notFound('plan', planId);
  const [routes, stops, unplanned, versions] = await Promise.all([
    store.listRoutes(ctx.db, plan.id),
    store.listStops(ctx.db, plan.id),
    store.listUnplanned(ctx.db, plan.id),
    store.listPlanVersions(ctx.db, utility.id, plan.date),
  ]);
  return presentPlan(plan, routes, stops, unplanned, versions);
}

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
