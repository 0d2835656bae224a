/**
 * Planning service: the plan lifecycle. Planning makes a DRAFT (a new version
 * of the day, status 'draft') that changes no ticket. The dispatcher reads
 * its diff against the published day (per crew: added, removed, moved,
 * reordered; km and hours before and after), edits it (pin a ticket to a
 * crew, take it out, lock a crew's order: each edit re-solves the draft in
 * place and is recorded, see plan_edits), then PUBLISHES it: in one
 * transaction the tickets move through the tickets service (the planner is an
 * actor of the workflow table), the draft's edits become the day's standing
 * pins and locks, and every crew whose day changed gets an inbox message.
 * A draft made from a published version that is no longer the latest is
 * refused (PLAN_STALE, with what changed) unless re-based: its edits are
 * re-applied on the current day and re-solved into a new draft.
 *
 * What a re-plan may move is prepared in replan.ts (work under way, next
 * stops, pins, other days' commitments, urgent before Normal); the solve is
 * the one call solveDay.
 *
 * Ticket status on publish: a planned ticket becomes 'assigned' to its crew;
 * a ticket a previous plan had assigned and this one leaves out goes back to
 * 'spk_issued' (event 'unassign') and rolls over. A ticket assigned by hand
 * stays with its crew (the planner treats it as pinned).
 */
import type { AppContext } from '../../platform/context.js';
import type { Runner, Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { listCrews } from '../utilities/service.js';
import { getTicket, transitionTickets, type TransitionRequest } from '../tickets/service.js';
import { insertNotifications } from '../sla/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { localDateOf } from '../../core/domain/time.js';
import type { DayPlan } from '../../core/planning/plan-day.js';
import { SolveCancelledError, solvePlan, type SolveProgress } from '../../platform/solver/pool.js';
import type { PlanInput, PlanObjective } from '../../core/planning/model.js';
import { replan, UNDER_WAY, type ReplanCrew, type ReplanDay, type ReplanReason, type ReplanResult } from './replan.js';
import * as store from './repository.js';
import { checkDate, crewsOnShift, dayClock, DATE, dayTravelOf, requirePlannable, serviceSecondsOf, tripPathsOf, type DayClock } from './day.service.js';
import { crewMessage, diffOfPlans, presentPlan, summaryOf, type CrewDiff } from './view.js';

export interface PlanRequest {
  date: string;
  objective?: PlanObjective;
}

/**
 * What a request that solves may carry: its AbortSignal (the dispatcher cancelled: the HTTP request went away, or
 * the solve job was cancelled) and a listener for the solve's progress (solve-jobs.ts).
 */
export interface SolveControl {
  signal?: AbortSignal;
  onProgress?: (progress: SolveProgress) => void;
}

/** The solve: planning's one call of the solver, off the request thread (platform/solver's worker pool, SOLVER_THREADS). */
export async function solveDay(input: PlanInput, control: SolveControl = {}): Promise<DayPlan> {
  return solvePlan(input, { signal: control.signal, onProgress: control.onProgress });
}

/** A cancelled request stores nothing, even when its solve had already finished. */
function throwIfCancelled(control: SolveControl): void {
  if (control.signal?.aborted) throw new SolveCancelledError();
}

/** Folds edits over the day's standing pins and locks. */
function foldEdits(pins: Map<number, number | null>, locks: Map<number, number[]>, edits: readonly store.PlanEdit[]): void {
  for (const e of edits) {
    if (e.kind === 'pin') pins.set(e.ticketId!, e.crewId!);
    else if (e.kind === 'unpin' && pins.get(e.ticketId!) !== null) pins.delete(e.ticketId!);
    else if (e.kind === 'remove') pins.set(e.ticketId!, null);
    else if (e.kind === 'restore' && pins.get(e.ticketId!) === null) pins.delete(e.ticketId!);
    else if (e.kind === 'lock') locks.set(e.crewId!, e.ticketIds);
    else if (e.kind === 'unlock') locks.delete(e.crewId!);
  }
}

interface Drafted {
  date: string;
  clock: DayClock;
  objective: PlanObjective;
  published: store.PlanRow | null;
  publishedStops: store.StopRow[];
  result: ReplanResult;
  solveMs: number;
  shifts: Awaited<ReturnType<typeof crewsOnShift>>;
  pool: store.PoolTicket[];
}

/** A crew's next stop once its day began (it is on its way there): the ticket id, else null. */
function nextStopOf(crewId: number, publishedStops: readonly store.StopRow[], publishedRoutes: readonly { crewId: number; startAt: Date }[], isToday: boolean, now: Date): number | null {
  if (!isToday) return null;
  const mine = publishedStops.filter((x) => x.crewId === crewId);
  const route = publishedRoutes.find((r) => r.crewId === crewId);
  const began = mine.some((x) => UNDER_WAY.includes(x.status)) || (route !== undefined && route.startAt.getTime() <= now.getTime());
  return began ? (mine.find((x) => x.status === 'assigned')?.ticketId ?? null) : null;
}

/**
 * A crew's next stop stays with it (the crew is on its way): an edit that would take it out of the day or give it
 * to another crew is refused, not silently overridden by the re-plan.
 */
async function refuseMovingNextStop(ctx: AppContext, utility: Utility, date: string, edit: store.PlanEdit): Promise<void> {
  if ((edit.kind !== 'pin' && edit.kind !== 'remove') || edit.ticketId === null) return;
  const now = ctx.now();
  if (date !== localDateOf(now, utility.timeZone)) return;
  const published = await store.findPublishedPlanOfDay(ctx.db, utility.id, date);
  if (!published) return;
  const [stops, routes] = await Promise.all([store.listStops(ctx.db, published.id), store.listRoutes(ctx.db, published.id)]);
  const owner = stops.find((x) => x.ticketId === edit.ticketId)?.crewId;
  if (owner == null || owner === edit.crewId || nextStopOf(owner, stops, routes, true, now) !== edit.ticketId) return;
  throw new DomainError(ErrorCode.nextStopStays, `Ticket ${edit.ticketId} is the next stop of crew ${owner}, which is on its way there: it stays with that crew`, {
    field: 'ticketId',
    ticketId: edit.ticketId,
    crewId: owner,
  });
}

/** Reads the day as it is now, applies the edits and solves: the content of a draft. */
async function draftDay(
  ctx: AppContext,
  utility: Utility,
  date: string,
  objective: PlanObjective,
  edits: readonly store.PlanEdit[],
  control: SolveControl = {},
  local?: Pick<ReplanDay, 'keep' | 'previousReasons'>,
): Promise<Drafted> {
  const now = ctx.now();
  checkDate(date, utility, now);
  const clock = dayClock(date, utility.timeZone);
  const nowSeconds = clock.toSeconds(now);
  const today = localDateOf(now, utility.timeZone);
  const shifts = await crewsOnShift(ctx, utility, clock, nowSeconds);
  const [pool, standingPins, standingLocks, committed, published] = await Promise.all([
    store.listPoolTickets(ctx.db, utility.id),
    store.listPins(ctx.db, utility.id, date),
    store.listLocks(ctx.db, utility.id, date),
    store.ticketsCommittedElsewhere(ctx.db, utility.id, date, today),
    store.findPublishedPlanOfDay(ctx.db, utility.id, date),
  ]);
  if (pool.length === 0) throw new DomainError(ErrorCode.nothingToPlan, 'No ticket with an SPK is waiting for a crew: nothing to plan', { date });
  const pins = new Map(standingPins.map((p) => [p.ticketId, p.crewId]));
  const locks = new Map(standingLocks.map((l) => [l.crewId, l.ticketIds]));
  foldEdits(pins, locks, edits);

  // Today: what each crew has done or is doing, where it is, and its next stop.
  const publishedStops = published ? await store.listStops(ctx.db, published.id) : [];
  const publishedRoutes = published ? await store.listRoutes(ctx.db, published.id) : [];
  const isToday = date === today;
  const lastWork = isToday ? await store.lastWorkOfCrews(ctx.db, utility.id, clock.toDate(0)) : new Map();
  const reported = isToday ? await store.listCrewPositions(ctx.db, utility.id) : new Map();
  const underWay: store.StopRow[] = publishedStops.filter((s) => UNDER_WAY.includes(s.status));
  const roadless = new Set(utility.settings.planning.roadlessDistricts);
  const crews: ReplanCrew[] = shifts.map((s) => {
    const mine = publishedStops.filter((x) => x.crewId === s.crew.id);
    const done = mine.filter((x) => UNDER_WAY.includes(x.status));
    let position: ReplanCrew['position'] = null;
    const current = done.find((x) => x.status === 'on_site' || x.status === 'escalated');
    const last = lastWork.get(s.crew.id);
    if (current) {
      // On site now: free once the repair is done, from there.
      position = { lat: current.lat, lon: current.lon, seconds: clock.toSeconds(current.onSiteAt ?? now) + current.serviceSeconds };
    } else if (last) {
      const lastStop = mine.find((x) => x.ticketId === last.ticketId);
      position = { lat: last.lat, lon: last.lon, seconds: clock.toSeconds(last.at) + (last.status === 'on_site' ? (lastStop?.serviceSeconds ?? 0) : 0) };
    }
    const phone = reported.get(s.crew.id);
    if (phone && !current && clock.toSeconds(phone.at) >= 0 && (!position || clock.toSeconds(phone.at) >= position.seconds)) {
      position = { lat: phone.lat, lon: phone.lon, seconds: clock.toSeconds(phone.at) };
    }
    const next = nextStopOf(s.crew.id, publishedStops, publishedRoutes, isToday, now);
    return {
      id: s.crew.id,
      base: { lat: s.crew.baseLat!, lon: s.crew.baseLon! },
      shiftStartSeconds: s.startSeconds,
      shiftEndSeconds: s.endSeconds,
      capacityJobs: s.crew.capacityJobs,
      done: done.map((x) => x.ticketId),
      position,
      next,
    };
  });
  // Travel over the day's points: on the utility's road network when it has one.
  const dayTravel = await dayTravelOf(ctx, utility, [...pool, ...underWay, ...crews.flatMap((c) => (c.position ? [c.base, c.position] : [c.base]))]);
  const day: ReplanDay = {
    tickets: [
      ...pool.map((t) => ({
        id: t.id,
        lat: t.lat,
        lon: t.lon,
        priority: t.priority,
        serviceSeconds: serviceSecondsOf(utility, t.category, t.priority),
        dueSeconds: t.resolveDueAt ? clock.toSeconds(t.resolveDueAt) : null,
        receivedSeconds: clock.toSeconds(t.receivedAt),
        roadless: t.district !== null && roadless.has(t.district),
        offNetwork: dayTravel.isOffNetwork(t),
        status: t.status,
        crewId: t.crewId,
        handAssigned: t.assignedByHand,
      })),
      ...underWay.map((s) => ({
        id: s.ticketId,
        lat: s.lat,
        lon: s.lon,
        priority: s.priority,
        serviceSeconds: s.serviceSeconds,
        dueSeconds: null,
        receivedSeconds: 0,
        status: s.status,
        crewId: s.crewId,
        handAssigned: false,
      })),
    ],
    crews,
    pins,
    locks,
    committedElsewhere: committed,
    nowSeconds,
    travel: dayTravel.travel,
    objective,
    resolution: utility.settings.h3Resolution,
    maxReachMetres: utility.settings.planning.maxReachKm * 1000,
    budgetMs: utility.settings.planning.solveMsPerCrew * crews.length,
    ...local,
  };
  const started = performance.now();
  throwIfCancelled(control);
  const result = await replan(day, (input) => solveDay(input, control));
  const solveMs = performance.now() - started;
  throwIfCancelled(control);
  return { date, clock, objective, published, publishedStops, result, solveMs, shifts, pool };
}

/** The draft's routes as stored: work under way first (as published), then the rest of the day; each trip's line along the streets on a road network. */
async function routesOf(ctx: AppContext, utility: Utility, d: Drafted): Promise<store.NewRoute[]> {
  const routes = straightRoutesOf(d);
  const paths = await tripPathsOf(
    ctx,
    utility,
    routes.map((r) => r.path.map(([lon, lat]) => ({ lat, lon }))),
  );
  return routes.map((r, k) => ({ ...r, path: paths[k] }));
}

function straightRoutesOf(d: Drafted): store.NewRoute[] {
  const { clock, result } = d;
  const stopOf = new Map(d.publishedStops.map((s) => [s.ticketId, s]));
  const point = new Map<number, [number, number]>(d.publishedStops.map((s) => [s.ticketId, [s.lon, s.lat]]));
  for (const t of d.pool) point.set(t.id, [t.lon, t.lat]);
  return result.routes.map((r) => {
    const shift = d.shifts.find((s) => s.crew.id === r.crewId)!;
    const zone = r.zoneId ? result.zones.find((z) => z.id === r.zoneId) : undefined;
    const done: store.NewStop[] = r.done.map((id) => {
      const s = stopOf.get(id)!;
      return { ticketId: id, eta: s.eta, departAt: s.departAt, travelSeconds: s.travelSeconds, distanceMetres: s.distanceMetres, serviceSeconds: s.serviceSeconds, pinned: s.pinned };
    });
    const rest: store.NewStop[] = r.stops.map((s) => ({
      ticketId: s.ticketId,
      eta: clock.toDate(s.arrivalSeconds),
      departAt: clock.toDate(s.departSeconds),
      travelSeconds: s.travelSeconds,
      distanceMetres: s.distanceMetres,
      serviceSeconds: s.serviceSeconds,
      pinned: s.pinned,
    }));
    const stops = [...done, ...rest];
    const base: [number, number] = [shift.crew.baseLon!, shift.crew.baseLat!];
    const firstDone = done[0];
    return {
      crewId: r.crewId,
      zoneKey: r.zoneId,
      zoneCells: zone?.cells ?? (r.zoneCells ? [...r.zoneCells] : []),
      shiftStartAt: clock.toDate(shift.startSeconds),
      shiftEndAt: clock.toDate(shift.endSeconds),
      startAt: firstDone ? new Date(Math.min(firstDone.eta.getTime() - firstDone.travelSeconds * 1000, clock.toDate(r.startSeconds).getTime())) : clock.toDate(r.startSeconds),
      endAt: clock.toDate(r.endSeconds),
      distanceMetres: Math.round(done.reduce((a, s) => a + s.distanceMetres, 0) + r.distanceMetres),
      travelSeconds: Math.round(done.reduce((a, s) => a + s.travelSeconds, 0) + r.travelSeconds),
      serviceSeconds: Math.round(done.reduce((a, s) => a + s.serviceSeconds, 0) + r.serviceSeconds),
      path: stops.length > 0 ? [base, ...stops.map((s) => point.get(s.ticketId)!), base] : [],
      stops,
    };
  });
}

function figuresOf(d: Drafted) {
  return {
    solveMs: d.solveMs,
    summary: summaryOf(d.result.metrics, d.result.unplanned.length),
    baseline: summaryOf(d.result.baseline.metrics, d.result.baseline.unplanned),
  };
}

/** Plans a day: a new draft version (the day's earlier open drafts are discarded). No ticket changes. */
export async function createPlan(
  ctx: AppContext,
  utility: Utility,
  user: StaffUser,
  request: PlanRequest,
  kind: 'daily' | 'reoptimise' = 'daily',
  edits: readonly store.PlanEdit[] = [],
  control: SolveControl = {},
  local?: LocalEdit,
) {
  const objective = request.objective ?? utility.settings.planObjective;
  const d = await draftDay(ctx, utility, request.date, objective, edits, control, local);
  const routes = await routesOf(ctx, utility, d);
  const planId = await ctx.db.transaction(async (tx) => {
    await store.lockPlanDay(tx, utility.id, request.date);
    const published = await store.findPublishedPlanOfDay(tx, utility.id, request.date);
    if ((published?.id ?? null) !== (d.published?.id ?? null)) {
      throw new DomainError(ErrorCode.conflict, "The day's published plan changed while the draft was being made: plan again", { date: request.date, publishedVersion: published?.version ?? null });
    }
    await store.discardDrafts(tx, utility.id, request.date);
    const version = await store.nextPlanVersion(tx, utility.id, request.date);
    // A local edit changes no crew the edit does not name: the day's fair baseline is the one it had.
    const fig = local ? { ...figuresOf(d), baseline: local.baseline } : figuresOf(d);
    const id = await store.insertPlan(
      tx,
      { utilityId: utility.id, date: request.date, version, kind, objective, createdBy: user.id, createdAt: ctx.now(), ...fig, status: 'draft', basedOn: d.published?.id ?? null },
      routes,
      d.result.unplanned,
    );
    await store.appendEdits(tx, id, edits, user.id, ctx.now());
    return id;
  });
  return planView(ctx, utility, planId);
}

// ---------------------------------------------------------------- editing a draft

/** The utility's plan, else NOT_FOUND (a solving request checks it before it answers 202). */
export async function requirePlan(ctx: AppContext, utility: Utility, planId: number) {
  const plan = await store.findPlan(ctx.db, utility.id, planId);
  if (!plan) throw notFound('plan', planId);
  return plan;
}

function requireDraft(plan: store.PlanRow): void {
  if (plan.status !== 'draft') {
    throw new DomainError(ErrorCode.planNotDraft, `Plan ${plan.date} v${plan.version} is ${plan.status}: only a draft can be edited, published or discarded (make a draft with POST /api/v1/plans)`, {
      planId: plan.id,
      status: plan.status,
    });
  }
}

/**
 * Edits that change only what they name (a pin moves one ticket, a removal takes one out, a lock fixes an
 * order): every other crew keeps its stops of the plan being edited, in order; no solve runs. Re-optimise,
 * put back and lift a pin ask the planner again.
 */
const LOCAL_EDITS = new Set<store.PlanEdit['kind']>(['pin', 'remove', 'lock']);

type LocalEdit = Pick<ReplanDay, 'keep' | 'previousReasons'> & { baseline: unknown };

/** The plan being edited as the crews to keep: each crew's waiting stops in order, its zone, and why the rest waits. */
async function localEditOf(ctx: AppContext, plan: store.PlanRow): Promise<LocalEdit> {
  const [routes, stops, unplanned] = await Promise.all([store.listRoutes(ctx.db, plan.id), store.listStops(ctx.db, plan.id), store.listUnplanned(ctx.db, plan.id)]);
  const keep = new Map(
    routes.map((r) => [
      r.crewId,
      { ticketIds: stops.filter((x) => x.crewId === r.crewId && !UNDER_WAY.includes(x.status)).map((x) => x.ticketId), zoneId: r.zoneKey, zoneCells: r.zoneCells },
    ]),
  );
  return { keep, previousReasons: new Map(unplanned.map((u) => [u.ticketId, u.reason as ReplanReason])), baseline: plan.baseline };
}

/**
 * Applies one edit: on a draft, re-solves it in place (same id); on the day's published plan, makes a new draft
 * with the edit. Anything else is refused (PLAN_NOT_DRAFT).
 */
async function editPlan(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, edit: store.PlanEdit, control: SolveControl = {}) {
  const plan = await requirePlan(ctx, utility, planId);
  await refuseMovingNextStop(ctx, utility, plan.date, edit);
  const local = LOCAL_EDITS.has(edit.kind) ? await localEditOf(ctx, plan) : undefined;
  if (plan.status === 'published') {
    const latest = await store.findPublishedPlanOfDay(ctx.db, utility.id, plan.date);
    if (latest?.id === plan.id) return createPlan(ctx, utility, user, { date: plan.date, objective: plan.objective }, 'reoptimise', [edit], control, local);
  }
  requireDraft(plan);
  const edits = [...(await store.listEdits(ctx.db, plan.id)), edit];
  const d = await draftDay(ctx, utility, plan.date, plan.objective, edits, control, local);
  const routes = await routesOf(ctx, utility, d);
  await ctx.db.transaction(async (tx) => {
    await store.lockPlanDay(tx, utility.id, plan.date);
    const now = await store.findPlan(tx, utility.id, plan.id);
    if (now?.status !== 'draft') requireDraft(now ?? plan);
    await store.appendEdits(tx, plan.id, [edit], user.id, ctx.now());
    await store.replaceContent(tx, utility.id, plan.id, local ? { ...figuresOf(d), baseline: local.baseline } : figuresOf(d), routes, d.result.unplanned);
  });
  return planView(ctx, utility, plan.id);
}

async function requireCrew(ctx: AppContext, utility: Utility, crewId: number) {
  const crew = (await listCrews(ctx.db, utility.id)).find((c) => c.id === crewId);
  if (!crew) throw notFound('crew', crewId);
  return crew;
}

async function requirePlannableTicket(ctx: AppContext, utility: Utility, ticketId: number) {
  const ticket = await getTicket(ctx.db, utility.id, ticketId);
  if (!ticket) throw notFound('ticket', ticketId);
  requirePlannable(ticket.status, ticket.number);
  return ticket;
}

/** Pins (or moves) a ticket to a crew for the plan's day. */
export async function pinTicket(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, input: { ticketId: number; crewId: number }, control: SolveControl = {}) {
  await requirePlan(ctx, utility, planId);
  const ticket = await requirePlannableTicket(ctx, utility, input.ticketId);
  const crew = await requireCrew(ctx, utility, input.crewId);
  return editPlan(ctx, utility, user, planId, { kind: 'pin', ticketId: ticket.id, crewId: crew.id, ticketIds: [] }, control);
}

/** Lifts a ticket's pin (a dispatcher's pin or an urgent dispatch): the planner may place it again. */
export async function unpinTicket(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, ticketId: number, control: SolveControl = {}) {
  const plan = await requirePlan(ctx, utility, planId);
  const pins = new Map((await store.listPins(ctx.db, utility.id, plan.date)).map((p) => [p.ticketId, p.crewId]));
  const locks = new Map<number, number[]>();
  if (plan.status === 'draft') foldEdits(pins, locks, await store.listEdits(ctx.db, plan.id));
  if (pins.get(ticketId) == null) throw notFound('pin', ticketId);
  return editPlan(ctx, utility, user, planId, { kind: 'unpin', ticketId, crewId: null, ticketIds: [] }, control);
}

/** Takes a ticket out of the day: no crew gets it (it stays waiting with its SPK) until it is put back. */
export async function removeTicket(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, ticketId: number, control: SolveControl = {}) {
  await requirePlan(ctx, utility, planId);
  const ticket = await requirePlannableTicket(ctx, utility, ticketId);
  return editPlan(ctx, utility, user, planId, { kind: 'remove', ticketId: ticket.id, crewId: null, ticketIds: [] }, control);
}

/** Puts a ticket taken out back into the planner's hands. */
export async function restoreTicket(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, ticketId: number, control: SolveControl = {}) {
  const plan = await requirePlan(ctx, utility, planId);
  const pins = new Map((await store.listPins(ctx.db, utility.id, plan.date)).map((p) => [p.ticketId, p.crewId]));
  if (plan.status === 'draft') foldEdits(pins, new Map(), await store.listEdits(ctx.db, plan.id));
  if (!pins.has(ticketId) || pins.get(ticketId) !== null) throw notFound('removal', ticketId);
  return editPlan(ctx, utility, user, planId, { kind: 'restore', ticketId, crewId: null, ticketIds: [] }, control);
}

/**
 * Locks the order of a crew's stops: exactly these tickets, in this order (default: its stops in the plan as they
 * are). Re-solves leave the crew's day alone until it is unlocked.
 */
export async function lockCrew(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, crewId: number, ticketIds?: number[], control: SolveControl = {}) {
  const plan = await requirePlan(ctx, utility, planId);
  await requireCrew(ctx, utility, crewId);
  const stops = (await store.listStops(ctx.db, plan.id, crewId)).filter((s) => s.status === 'spk_issued' || s.status === 'assigned');
  const order = ticketIds ?? stops.map((s) => s.ticketId);
  if (new Set(order).size !== order.length) throw validationError([{ field: 'ticketIds', message: 'a ticket appears twice' }]);
  for (const id of order) await requirePlannableTicket(ctx, utility, id);
  return editPlan(ctx, utility, user, planId, { kind: 'lock', ticketId: null, crewId, ticketIds: order }, control);
}

export async function unlockCrew(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, crewId: number, control: SolveControl = {}) {
  await requirePlan(ctx, utility, planId);
  return editPlan(ctx, utility, user, planId, { kind: 'unlock', ticketId: null, crewId, ticketIds: [] }, control);
}

/** Re-solves a draft in place with the current tickets (or makes a new draft from the published plan). */
export async function reoptimise(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, control: SolveControl = {}) {
  const plan = await requirePlan(ctx, utility, planId);
  if (plan.status !== 'draft') return createPlan(ctx, utility, user, { date: plan.date, objective: plan.objective }, 'reoptimise', [], control);
  const edits = await store.listEdits(ctx.db, plan.id);
  const d = await draftDay(ctx, utility, plan.date, plan.objective, edits, control);
  const routes = await routesOf(ctx, utility, d);
  await ctx.db.transaction(async (tx) => {
    await store.lockPlanDay(tx, utility.id, plan.date);
    if ((await store.findPlan(tx, utility.id, plan.id))?.status !== 'draft') requireDraft({ ...plan, status: 'discarded' });
    await store.replaceContent(tx, utility.id, plan.id, figuresOf(d), routes, d.result.unplanned);
  });
  return planView(ctx, utility, plan.id);
}

export async function discardPlan(ctx: AppContext, utility: Utility, planId: number): Promise<void> {
  const plan = await requirePlan(ctx, utility, planId);
  requireDraft(plan);
  await store.setPlanStatus(ctx.db, plan.id, 'discarded', null, ctx.now());
}

// ---------------------------------------------------------------- diff and publish

/** Per crew, what publishing the plan would change against the day's published plan. */
export async function planDiff(ctx: AppContext, utility: Utility, planId: number) {
  const plan = await requirePlan(ctx, utility, planId);
  const published = await store.findPublishedPlanOfDay(ctx.db, utility.id, plan.date);
  // A draft against the day as published now; a published version against the one it replaced.
  const against = plan.status === 'draft' ? published : plan.basedOn ? await store.findPlan(ctx.db, utility.id, plan.basedOn) : null;
  const [routes, stops, unplanned] = await Promise.all([store.listRoutes(ctx.db, plan.id), store.listStops(ctx.db, plan.id), store.listUnplanned(ctx.db, plan.id)]);
  const [beforeRoutes, beforeStops] = against ? await Promise.all([store.listRoutes(ctx.db, against.id), store.listStops(ctx.db, against.id)]) : [[], []];
  return diffOfPlans(plan, against, published, { routes: beforeRoutes, stops: beforeStops }, { routes, stops, unplanned });
}

/** What a stale draft missed: the versions published since it was made, and its tickets changed since. */
async function staleness(db: Runner, utility: Utility, plan: store.PlanRow) {
  const published = await store.findPublishedPlanOfDay(db, utility.id, plan.date);
  const base = plan.basedOn ? await store.findPlan(db, utility.id, plan.basedOn) : null;
  const behind = (published?.id ?? null) !== (plan.basedOn ?? null);
  const missed = behind ? await store.listPublishedAfter(db, utility.id, plan.date, base?.version ?? 0) : [];
  return { behind, published, base, missed };
}

/**
 * Publishes a draft: its assignments through the tickets service in one transaction, its edits as the day's
 * standing pins and locks, an inbox message to each crew whose day changed. A draft made from an out-of-date
 * published version is refused (PLAN_STALE) unless rebase: then its edits are re-applied on the current day
 * and re-solved, and the new draft is returned (not published).
 */
export async function publishPlan(ctx: AppContext, utility: Utility, user: StaffUser, planId: number, options: { rebase?: boolean } = {}, control: SolveControl = {}) {
  const plan = await requirePlan(ctx, utility, planId);
  requireDraft(plan);
  const stale = await staleness(ctx.db, utility, plan);
  if (stale.behind) {
    if (options.rebase) {
      const edits = await store.listEdits(ctx.db, plan.id);
      const draft = await createPlan(ctx, utility, user, { date: plan.date, objective: plan.objective }, plan.kind === 'daily' ? 'daily' : 'reoptimise', edits, control);
      return { published: false as const, plan: draft };
    }
    throw staleError(plan, stale);
  }
  const diff = await planDiff(ctx, utility, plan.id);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await store.lockPlanDay(tx, utility.id, plan.date);
    const current = await store.findPlan(tx, utility.id, plan.id);
    if (current?.status !== 'draft') requireDraft(current ?? plan);
    const again = await staleness(tx, utility, plan);
    if (again.behind) throw staleError(plan, again);
    const stops = await store.listStops(tx, plan.id);
    const unplanned = await store.listUnplanned(tx, plan.id);
    const pool = new Map((await store.listPoolTickets(tx, utility.id)).map((t) => [t.id, t]));
    const ids = [...stops.map((s) => s.ticketId), ...unplanned.map((u) => u.ticketId)];
    const locked = await store.lockTickets(tx, utility.id, ids);
    const changed = await store.ticketsChangedSince(tx, utility.id, ids, plan.createdAt);
    // Work under way stays as it is; a ticket that changed since the draft was made makes it stale.
    const moved = [...changed].filter((id) => {
      const s = stops.find((x) => x.ticketId === id);
      const t = locked.get(id);
      return !(s && t && UNDER_WAY.includes(t.status) && t.crewId === s.crewId);
    });
    if (moved.length > 0) {
      throw new DomainError(ErrorCode.planStale, `Tickets of this draft changed since it was made (${moved.length}): re-base the draft (publish with rebase: true)`, {
        planId: plan.id,
        version: plan.version,
        basedOnVersion: stale.base?.version ?? null,
        publishedVersion: stale.published?.version ?? null,
        publishedSince: [],
        ticketsChanged: moved.slice(0, 50),
      });
    }
    const step = { utilityId: utility.id, actor: 'planner' as const, actorUserId: user.id, at: now };
    const steps: TransitionRequest[] = [];
    for (const s of stops) {
      const t = locked.get(s.ticketId);
      if (!t || (t.status !== 'spk_issued' && t.status !== 'assigned') || (t.status === 'assigned' && t.crewId === s.crewId)) continue;
      steps.push({ ...step, ticketId: s.ticketId, action: 'assign', changes: { crewId: s.crewId }, note: null, data: { crewId: s.crewId, previousCrewId: t.crewId, planId: plan.id, planVersion: plan.version, seq: s.seq } });
    }
    // Roll-over: what a previous plan assigned and this one leaves out waits for the next plan (or was taken out).
    for (const u of unplanned) {
      const t = locked.get(u.ticketId);
      if (!t || t.status !== 'assigned' || (pool.get(u.ticketId)?.assignedByHand && u.reason !== 'held_out')) continue;
      steps.push({ ...step, ticketId: u.ticketId, action: 'unassign', note: u.reason, data: { previousCrewId: t.crewId, planId: plan.id, planVersion: plan.version, reason: u.reason } });
    }
    await transitionTickets(tx, steps);
    // The draft's edits become the day's standing pins and locks.
    for (const e of await store.listEdits(tx, plan.id)) {
      const at = { utilityId: utility.id, date: plan.date, userId: user.id, at: now };
      if (e.kind === 'pin') await store.upsertPin(tx, { ...at, ticketId: e.ticketId!, crewId: e.crewId! });
      else if (e.kind === 'remove') await store.upsertPin(tx, { ...at, ticketId: e.ticketId!, crewId: null });
      else if (e.kind === 'unpin' || e.kind === 'restore') await store.deletePin(tx, utility.id, plan.date, e.ticketId!);
      else if (e.kind === 'lock') await store.upsertLock(tx, { ...at, crewId: e.crewId!, ticketIds: e.ticketIds });
      else if (e.kind === 'unlock') await store.deleteLock(tx, utility.id, plan.date, e.crewId!);
    }
    await store.setPlanStatus(tx, plan.id, 'published', user.id, now);
    await tellCrews(tx, utility, plan, diff.crews.filter((c) => c.changed), now);
  });
  return { published: true as const, plan: await planView(ctx, utility, plan.id) };
}

function staleError(plan: store.PlanRow, stale: Awaited<ReturnType<typeof staleness>>): DomainError {
  return new DomainError(
    ErrorCode.planStale,
    `This draft was made from ${stale.base ? `v${stale.base.version}` : 'no published plan'}, but v${stale.published?.version ?? '?'} has been published since: re-base the draft (publish with rebase: true)`,
    {
      planId: plan.id,
      version: plan.version,
      basedOnVersion: stale.base?.version ?? null,
      publishedVersion: stale.published?.version ?? null,
      publishedSince: stale.missed.map((m) => ({ id: m.id, version: m.version, kind: m.kind, note: m.note, publishedAt: m.publishedAt?.toISOString() ?? null })),
      ticketsChanged: [],
    },
  );
}

/** An inbox message to each account of every crew whose day changed (through the SLA slice's inbox writer). */
async function tellCrews(tx: Tx, utility: Utility, plan: store.PlanRow, crews: readonly CrewDiff[], at: Date): Promise<void> {
  const users = await store.crewUserIds(tx, utility.id, crews.map((c) => c.crewId));
  await insertNotifications(
    tx,
    crews.flatMap((c) =>
      (users.get(c.crewId) ?? []).map((userId) => ({
        utilityId: utility.id,
        userId,
        escalationId: null,
        ticketId: null,
        kind: 'plan.changed',
        ...crewMessage(plan, c),
        data: { code: 'PLAN_CHANGED', planId: plan.id, version: plan.version, date: plan.date, crewId: c.crewId, added: c.added.length + c.movedIn.length, removed: c.removed.length + c.movedOut.length, reordered: c.reordered },
        createdAt: at,
      })),
    ),
  );
}

// ---------------------------------------------------------------- reading

export async function planView(ctx: AppContext, utility: Utility, planId: number) {
  const plan = await store.findPlan(ctx.db, utility.id, planId);
  if (!plan) throw notFound('plan', planId);
  const [routes, stops, unplanned, versions, standingLocks] = await Promise.all([
    store.listRoutes(ctx.db, plan.id),
    store.listStops(ctx.db, plan.id),
    store.listUnplanned(ctx.db, plan.id),
    store.listPlanVersions(ctx.db, utility.id, plan.date),
    store.listLocks(ctx.db, utility.id, plan.date),
  ]);
  // A draft's crews are locked by the day's standing locks and its own edits; a published plan's by the day's.
  const locks = new Map(standingLocks.map((l) => [l.crewId, l.ticketIds]));
  if (plan.status === 'draft') foldEdits(new Map(), locks, await store.listEdits(ctx.db, plan.id));
  return presentPlan(plan, routes, stops, unplanned, versions, new Set(locks.keys()));
}

export async function latestPlanView(ctx: AppContext, utility: Utility, date: string, version?: number) {
  if (!DATE.test(date)) throw validationError([{ field: 'date', message: 'a calendar date, YYYY-MM-DD' }]);
  const plan = await store.findPlanOfDay(ctx.db, utility.id, date, version);
  if (!plan) throw notFound('plan', version ? `${date} v${version}` : date);
  return planView(ctx, utility, plan.id);
}

