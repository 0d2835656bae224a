/**
 * The planner's repository: the SQL for the planning pool, plans, their
 * routes and stops, and pins.
 * PostGIS through platform/db/geo.ts and parameterised queries, SRID 4326
 * spelled out. Ticket status and crew change through the tickets service only.
 */
import type { Runner } from '../../platform/db/knex.js';
import { latLonOf } from '../../platform/db/geo.js';
import type { Category, Priority, TicketStatus } from '../../core/domain/tickets.js';

export type Tx = Runner;

export interface PoolTicket {
  id: number;
  number: string;
  lat: number;
  lon: number;
  priority: Priority;
  category: Category;
  status: TicketStatus;
  crewId: number | null;
  receivedAt: Date;
  resolveDueAt: Date | null;
  district: string | null;
  /** Assigned by hand (not by a plan): stays with its crew. */
  assignedByHand: boolean;
}

/**
 * The planning pool: open tickets with an SPK that no crew has started
 * (spk_issued, or assigned and not yet on site), with the kecamatan they lie in.
 */
export async function listPoolTickets(db: Runner, utilityId: number): Promise<PoolTicket[]> {
  const rows = await db('tickets as t')
    .leftJoin('areas as a', 'a.id', 't.area_id')
    .where('t.utility_id', utilityId)
    .whereIn('t.status', ['spk_issued', 'assigned'])
    .whereNotNull('t.priority')
    .orderBy('t.id')
    .select(
      't.id',
      't.number',
      ...latLonOf(db, 't.location'),
      't.priority',
      't.category',
      't.status',
      't.crew_id',
      't.received_at',
      't.resolve_due_at',
      'a.district',
      db.raw(`(t.status = 'assigned' AND NOT EXISTS (
                 SELECT 1 FROM plan_stops s JOIN plan_routes r ON r.id = s.route_id JOIN plans p ON p.id = s.plan_id
                  WHERE s.ticket_id = t.id AND r.crew_id = t.crew_id AND p.status = 'published')) AS by_hand`),
    );
  return rows.map((r: Record<string, unknown>) => ({
    id: r.id as number,
    number: r.number as string,
    lat: r.lat as number,
    lon: r.lon as number,
    priority: r.priority as Priority,
    category: r.category as Category,
    status: r.status as TicketStatus,
    crewId: r.crew_id as number | null,
    receivedAt: r.received_at as Date,
    resolveDueAt: r.resolve_due_at as Date | null,
    district: r.district as string | null,
    assignedByHand: Boolean(r.by_hand),
  }));
}

/** A standing pin of the day: the ticket goes to crewId; crewId null: the dispatcher took it out of the day. */
export interface Pin {
  ticketId: number;
  crewId: number | null;
}

export async function listPins(db: Runner, utilityId: number, date: string): Promise<Pin[]> {
  const rows = await db('plan_pins').where({ utility_id: utilityId, plan_date: date }).select('ticket_id', 'crew_id').orderBy('ticket_id');
  return rows.map((r) => ({ ticketId: r.ticket_id, crewId: r.crew_id }));
}

export async function upsertPin(db: Runner, p: { utilityId: number; date: string; ticketId: number; crewId: number | null; userId: number; at: Date }): Promise<void> {
  await db.raw(
    `INSERT INTO plan_pins (utility_id, plan_date, ticket_id, crew_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (utility_id, plan_date, ticket_id) DO UPDATE SET crew_id = EXCLUDED.crew_id, pinned_by = EXCLUDED.pinned_by, pinned_at = EXCLUDED.pinned_at`,
    [p.utilityId, p.date, p.ticketId, p.crewId, p.userId, p.at],
  );
}

export async function deletePin(db: Runner, utilityId: number, date: string, ticketId: number): Promise<number> {
  return db('plan_pins').where({ utility_id: utilityId, plan_date: date, ticket_id: ticketId }).delete();
}

/** Serialises plan writes for one utility and day (versions stay gap-free). */
export async function lockPlanDay(tx: Runner, utilityId: number, date: string): Promise<void> {
  await tx.raw('SELECT pg_advisory_xact_lock(?, ?)', [utilityId, Number(date.replaceAll('-', ''))]);
}

export async function nextPlanVersion(tx: Runner, utilityId: number, date: string): Promise<number> {
  const row = await tx('plans').where({ utility_id: utilityId, plan_date: date }).max<{ max: number | null }>('version as max').first();
  return (row?.max ?? 0) + 1;
}

export interface NewPlan {
  utilityId: number;
  date: string;
  version: number;
  kind: 'daily' | 'reoptimise' | 'dispatch';
  objective: 'distance' | 'makespan';
  createdBy: number | null;
  createdAt: Date;
  solveMs: number;
  summary: unknown;
  baseline: unknown;
  note?: string | null;
  status: 'draft' | 'published';
  /** The published version a draft was made from (null: none yet). */
  basedOn: number | null;
}

export interface NewRoute {
  crewId: number;
  zoneKey: string | null;
  zoneCells: string[];
  shiftStartAt: Date;
  shiftEndAt: Date;
  startAt: Date;
  endAt: Date;
  distanceMetres: number;
  travelSeconds: number;
  serviceSeconds: number;
  /** [lon, lat] pairs, base to base; fewer than two points: no path. */
  path: [number, number][];
  stops: NewStop[];
}

export interface NewStop {
  ticketId: number;
  eta: Date;
  departAt: Date;
  travelSeconds: number;
  distanceMetres: number;
  serviceSeconds: number;
  pinned: boolean;
}

const lineWkt = (path: [number, number][]) => `SRID=4326;LINESTRING(${path.map(([lon, lat]) => `${lon.toFixed(7)} ${lat.toFixed(7)}`).join(',')})`;

async function insertChunked(tx: Runner, table: string, rows: Record<string, unknown>[], size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await tx(table).insert(rows.slice(i, i + size));
}

/** Writes one plan version with its routes, stops and unplanned tickets; returns its id. */
export async function insertPlan(tx: Runner, plan: NewPlan, routes: NewRoute[], unplanned: { ticketId: number; reason: string }[]): Promise<number> {
  const [{ id: planId }] = await tx('plans')
    .insert({
      utility_id: plan.utilityId,
      plan_date: plan.date,
      version: plan.version,
      kind: plan.kind,
      objective: plan.objective,
      created_by: plan.createdBy,
      created_at: plan.createdAt,
      solve_ms: Math.round(plan.solveMs),
      summary: JSON.stringify(plan.summary),
      baseline: JSON.stringify(plan.baseline),
      note: plan.note ?? null,
      status: plan.status,
      based_on: plan.basedOn,
      published_at: plan.status === 'published' ? plan.createdAt : null,
      published_by: plan.status === 'published' ? plan.createdBy : null,
    })
    .returning('id');
  await insertContent(tx, plan.utilityId, planId, routes, unplanned);
  return planId;
}

/** A draft re-solved in place: its figures, routes, stops and unplanned tickets replaced. */
export async function replaceContent(
  tx: Runner,
  utilityId: number,
  planId: number,
  figures: { solveMs: number; summary: unknown; baseline: unknown },
  routes: NewRoute[],
  unplanned: { ticketId: number; reason: string }[],
): Promise<void> {
  await tx('plan_unplanned').where({ plan_id: planId }).delete();
  await tx('plan_stops').where({ plan_id: planId }).delete();
  await tx('plan_routes').where({ plan_id: planId }).delete();
  await tx('plans').where({ id: planId }).update({ solve_ms: Math.round(figures.solveMs), summary: JSON.stringify(figures.summary), baseline: JSON.stringify(figures.baseline) });
  await insertContent(tx, utilityId, planId, routes, unplanned);
}

async function insertContent(tx: Runner, utilityId: number, planId: number, routes: NewRoute[], unplanned: { ticketId: number; reason: string }[]): Promise<void> {
  const plan = { utilityId };
  const routeRows = routes.map((r) => ({
    utility_id: plan.utilityId,
    plan_id: planId,
    crew_id: r.crewId,
    zone_key: r.zoneKey,
    zone_cells: r.zoneCells,
    shift_start_at: r.shiftStartAt,
    shift_end_at: r.shiftEndAt,
    start_at: r.startAt,
    end_at: r.endAt,
    distance_m: r.distanceMetres,
    travel_seconds: r.travelSeconds,
    service_seconds: r.serviceSeconds,
    path: r.path.length >= 2 ? tx.raw('ST_GeogFromText(?)', [lineWkt(r.path)]) : null,
  }));
  const inserted: { id: number; crew_id: number }[] = [];
  for (let i = 0; i < routeRows.length; i += 500) inserted.push(...(await tx('plan_routes').insert(routeRows.slice(i, i + 500)).returning(['id', 'crew_id'])));
  const routeId = new Map(inserted.map((r) => [r.crew_id, r.id]));
  const stopRows = routes.flatMap((r) =>
    r.stops.map((s, i) => ({
      utility_id: plan.utilityId,
      plan_id: planId,
      route_id: routeId.get(r.crewId),
      ticket_id: s.ticketId,
      seq: i + 1,
      eta: s.eta,
      depart_at: s.departAt,
      travel_seconds: s.travelSeconds,
      distance_m: s.distanceMetres,
      service_seconds: s.serviceSeconds,
      pinned: s.pinned,
    })),
  );
  await insertChunked(tx, 'plan_stops', stopRows);
  await insertChunked(
    tx,
    'plan_unplanned',
    unplanned.map((u) => ({ plan_id: planId, utility_id: plan.utilityId, ticket_id: u.ticketId, reason: u.reason })),
  );
}

/** Locks the tickets a plan changes and returns their current status and crew. */
export async function lockTickets(tx: Runner, utilityId: number, ids: number[]): Promise<Map<number, { status: TicketStatus; crewId: number | null }>> {
  const out = new Map<number, { status: TicketStatus; crewId: number | null }>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx('tickets').where({ utility_id: utilityId }).whereIn('id', ids.slice(i, i + 5000)).select('id', 'status', 'crew_id').forUpdate();
    for (const r of rows) out.set(r.id, { status: r.status, crewId: r.crew_id });
  }
  return out;
}

/** Of these tickets, those with an event after `since` (they changed after a draft was made). */
export async function ticketsChangedSince(tx: Runner, utilityId: number, ids: number[], since: Date): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx('ticket_events').where({ utility_id: utilityId }).whereIn('ticket_id', ids.slice(i, i + 5000)).andWhere('at', '>', since).distinct('ticket_id');
    for (const r of rows) out.add(Number(r.ticket_id));
  }
  return out;
}

// ---------------------------------------------------------------- reading plans

export interface PlanRow {
  id: number;
  date: string;
  version: number;
  kind: string;
  objective: 'distance' | 'makespan';
  createdBy: number | null;
  createdAt: Date;
  solveMs: number;
  summary: Record<string, unknown>;
  baseline: Record<string, unknown>;
  note: string | null;
  status: 'draft' | 'published' | 'discarded';
  basedOn: number | null;
  publishedAt: Date | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as the pg driver returns it, mapped field by field here
const toPlan = (r: any): PlanRow => ({
  id: r.id,
  date: r.plan_date_text,
  version: r.version,
  kind: r.kind,
  objective: r.objective,
  createdBy: r.created_by,
  createdAt: r.created_at,
  solveMs: r.solve_ms,
  summary: r.summary,
  baseline: r.baseline,
  note: r.note,
  status: r.status,
  basedOn: r.based_on,
  publishedAt: r.published_at,
});

const selectPlan = (db: Runner) => db('plans').select('*', db.raw("to_char(plan_date, 'YYYY-MM-DD') AS plan_date_text"));

export async function findPlan(db: Runner, utilityId: number, id: number): Promise<PlanRow | null> {
  const row = await selectPlan(db).where({ utility_id: utilityId, id }).first();
  return row ? toPlan(row) : null;
}

/** The given version of a day's plan, or its latest that is not discarded (a draft or the published one). */
export async function findPlanOfDay(db: Runner, utilityId: number, date: string, version?: number): Promise<PlanRow | null> {
  let q = selectPlan(db).where({ utility_id: utilityId, plan_date: date });
  if (version !== undefined) q = q.andWhere({ version });
  else q = q.andWhereNot({ status: 'discarded' });
  const row = await q.orderBy('version', 'desc').first();
  return row ? toPlan(row) : null;
}

/** The day's published plan: its latest published version (what the crews see). */
export async function findPublishedPlanOfDay(db: Runner, utilityId: number, date: string): Promise<PlanRow | null> {
  const row = await selectPlan(db).where({ utility_id: utilityId, plan_date: date, status: 'published' }).orderBy('version', 'desc').first();
  return row ? toPlan(row) : null;
}

/** Published versions of the day after the given one (what a stale draft missed). */
export async function listPublishedAfter(db: Runner, utilityId: number, date: string, afterVersion: number): Promise<{ id: number; version: number; kind: string; note: string | null; publishedAt: Date | null }[]> {
  const rows = await db('plans')
    .where({ utility_id: utilityId, plan_date: date, status: 'published' })
    .andWhere('version', '>', afterVersion)
    .orderBy('version')
    .select('id', 'version', 'kind', 'note', 'published_at');
  return rows.map((r) => ({ id: r.id, version: r.version, kind: r.kind, note: r.note, publishedAt: r.published_at }));
}

export async function setPlanStatus(tx: Runner, planId: number, status: 'published' | 'discarded', by: number | null, at: Date): Promise<void> {
  await tx('plans')
    .where({ id: planId })
    .update(status === 'published' ? { status, published_at: at, published_by: by } : { status });
}

/** Discards the day's open drafts (a new draft replaces them). */
export async function discardDrafts(tx: Runner, utilityId: number, date: string): Promise<void> {
  await tx('plans').where({ utility_id: utilityId, plan_date: date, status: 'draft' }).update({ status: 'discarded' });
}

export async function listPlanVersions(db: Runner, utilityId: number, date: string): Promise<{ id: number; version: number; kind: string; status: string; createdAt: Date }[]> {
  const rows = await db('plans').where({ utility_id: utilityId, plan_date: date }).orderBy('version').select('id', 'version', 'kind', 'status', 'created_at');
  return rows.map((r) => ({ id: r.id, version: r.version, kind: r.kind, status: r.status, createdAt: r.created_at }));
}

// ---------------------------------------------------------------- draft edits, locks

export type EditKind = 'pin' | 'unpin' | 'remove' | 'restore' | 'lock' | 'unlock';
export interface PlanEdit {
  kind: EditKind;
  ticketId: number | null;
  crewId: number | null;
  ticketIds: number[];
}

export async function listEdits(db: Runner, planId: number): Promise<PlanEdit[]> {
  const rows = await db('plan_edits').where({ plan_id: planId }).orderBy('seq').select('kind', 'ticket_id', 'crew_id', 'ticket_ids');
  return rows.map((r) => ({ kind: r.kind, ticketId: r.ticket_id, crewId: r.crew_id, ticketIds: (r.ticket_ids ?? []).map(Number) }));
}

export async function appendEdits(tx: Runner, planId: number, edits: readonly PlanEdit[], by: number | null, at: Date): Promise<void> {
  if (edits.length === 0) return;
  const row = await tx('plan_edits').where({ plan_id: planId }).max<{ max: number | null }>('seq as max').first();
  const first = (row?.max ?? 0) + 1;
  await tx('plan_edits').insert(
    edits.map((e, i) => ({ plan_id: planId, seq: first + i, kind: e.kind, ticket_id: e.ticketId, crew_id: e.crewId, ticket_ids: e.ticketIds, created_by: by, created_at: at })),
  );
}

export interface Lock {
  crewId: number;
  ticketIds: number[];
}

export async function listLocks(db: Runner, utilityId: number, date: string): Promise<Lock[]> {
  const rows = await db('plan_locks').where({ utility_id: utilityId, plan_date: date }).select('crew_id', 'ticket_ids').orderBy('crew_id');
  return rows.map((r) => ({ crewId: r.crew_id, ticketIds: r.ticket_ids.map(Number) }));
}

export async function upsertLock(db: Runner, l: { utilityId: number; date: string; crewId: number; ticketIds: number[]; userId: number; at: Date }): Promise<void> {
  await db.raw(
    `INSERT INTO plan_locks (utility_id, plan_date, crew_id, ticket_ids, locked_by, locked_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (utility_id, plan_date, crew_id) DO UPDATE SET ticket_ids = EXCLUDED.ticket_ids, locked_by = EXCLUDED.locked_by, locked_at = EXCLUDED.locked_at`,
    [l.utilityId, l.date, l.crewId, l.ticketIds, l.userId, l.at],
  );
}

export async function deleteLock(db: Runner, utilityId: number, date: string, crewId: number): Promise<void> {
  await db('plan_locks').where({ utility_id: utilityId, plan_date: date, crew_id: crewId }).delete();
}

// ---------------------------------------------------------------- where crews are, who to tell

/** Each crew's last arrival or repair of the day (from the ticket events since `since`), where and when. */
export async function lastWorkOfCrews(db: Runner, utilityId: number, since: Date): Promise<Map<number, { lat: number; lon: number; at: Date; ticketId: number; status: TicketStatus }>> {
  const rows = await db.raw(
    `SELECT DISTINCT ON (t.crew_id) t.crew_id, e.ticket_id, e.at, t.status, ST_Y(t.location::geometry) AS lat, ST_X(t.location::geometry) AS lon
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
      WHERE e.utility_id = ? AND e.at >= ? AND e.to_status IN ('on_site', 'fixed') AND t.crew_id IS NOT NULL
      ORDER BY t.crew_id, e.at DESC, e.id DESC`,
    [utilityId, since],
  );
  const out = new Map<number, { lat: number; lon: number; at: Date; ticketId: number; status: TicketStatus }>();
  for (const r of rows.rows) out.set(Number(r.crew_id), { lat: r.lat, lon: r.lon, at: r.at, ticketId: Number(r.ticket_id), status: r.status });
  return out;
}

export async function listCrewPositions(db: Runner, utilityId: number): Promise<Map<number, { lat: number; lon: number; at: Date }>> {
  const rows = await db('crew_positions').where({ utility_id: utilityId }).select('crew_id', 'reported_at', ...latLonOf(db, 'location'));
  return new Map(rows.map((r: Record<string, unknown>) => [Number(r.crew_id), { lat: r.lat as number, lon: r.lon as number, at: r.reported_at as Date }]));
}

export async function upsertCrewPosition(db: Runner, p: { utilityId: number; crewId: number; lat: number; lon: number; at: Date; userId: number }): Promise<void> {
  await db.raw(
    `INSERT INTO crew_positions (crew_id, utility_id, location, reported_at, reported_by) VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?, ?)
     ON CONFLICT (crew_id) DO UPDATE SET location = EXCLUDED.location, reported_at = EXCLUDED.reported_at, reported_by = EXCLUDED.reported_by`,
    [p.crewId, p.utilityId, p.lon, p.lat, p.at, p.userId],
  );
}

/** The active accounts of crews (their phones' users), per crew. */
export async function crewUserIds(db: Runner, utilityId: number, crewIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (crewIds.length === 0) return out;
  const rows = await db('staff_users').where({ utility_id: utilityId }).whereIn('crew_id', crewIds).andWhere({ active: true }).select('id', 'crew_id').orderBy('id');
  for (const r of rows) out.set(Number(r.crew_id), [...(out.get(Number(r.crew_id)) ?? []), Number(r.id)]);
  return out;
}

/**
 * Tickets assigned in the published plan of another day (today or later) than `date`:
 * committed there, so planning `date` leaves them alone.
 */
export async function ticketsCommittedElsewhere(db: Runner, utilityId: number, date: string, today: string): Promise<Set<number>> {
  const rows = await db.raw(
    `WITH latest AS (
       SELECT DISTINCT ON (plan_date) id, plan_date FROM plans
        WHERE utility_id = ? AND status = 'published' AND plan_date >= ?::date AND plan_date <> ?::date
        ORDER BY plan_date, version DESC)
     SELECT DISTINCT s.ticket_id FROM latest l
       JOIN plan_stops s ON s.plan_id = l.id
       JOIN plan_routes r ON r.id = s.route_id
       JOIN tickets t ON t.id = s.ticket_id
      WHERE t.status = 'assigned' AND t.crew_id = r.crew_id`,
    [utilityId, today, date],
  );
  return new Set(rows.rows.map((r: { ticket_id: string | number }) => Number(r.ticket_id)));
}

export interface RouteRow extends Omit<NewRoute, 'path' | 'stops'> {
  id: number;
  crewCode: string;
  crewName: string;
  /** GeoJSON LineString, or null. */
  path: { type: 'LineString'; coordinates: [number, number][] } | null;
}

export async function listRoutes(db: Runner, planId: number, crewId?: number): Promise<RouteRow[]> {
  const q = db('plan_routes as r')
    .join('crews as c', 'c.id', 'r.crew_id')
    .where('r.plan_id', planId)
    .select('r.*', 'c.code as crew_code', 'c.name as crew_name', db.raw('ST_AsGeoJSON(r.path::geometry, 7) AS path_json'))
    .orderBy('c.code');
  if (crewId !== undefined) q.andWhere('r.crew_id', crewId);
  const rows = await q;
  return rows.map((r) => ({
    id: r.id,
    crewId: r.crew_id,
    crewCode: r.crew_code,
    crewName: r.crew_name,
    zoneKey: r.zone_key,
    zoneCells: r.zone_cells,
    shiftStartAt: r.shift_start_at,
    shiftEndAt: r.shift_end_at,
    startAt: r.start_at,
    endAt: r.end_at,
    distanceMetres: r.distance_m,
    travelSeconds: r.travel_seconds,
    serviceSeconds: r.service_seconds,
    path: r.path_json ? JSON.parse(r.path_json) : null,
  }));
}

export interface StopRow {
  routeId: number;
  crewId: number;
  seq: number;
  ticketId: number;
  number: string;
  priority: Priority;
  category: Category;
  status: TicketStatus;
  address: string | null;
  description: string | null;
  lat: number;
  lon: number;
  eta: Date;
  departAt: Date;
  travelSeconds: number;
  distanceMetres: number;
  serviceSeconds: number;
  pinned: boolean;
  onSiteAt: Date | null;
  resolveDueAt: Date | null;
  photoId: number | null;
}

export async function listStops(db: Runner, planId: number, crewId?: number): Promise<StopRow[]> {
  const q = db('plan_stops as s')
    .join('plan_routes as r', 'r.id', 's.route_id')
    .join('tickets as t', 't.id', 's.ticket_id')
    .where('s.plan_id', planId)
    .select(
      's.*',
      'r.crew_id',
      't.number',
      't.priority',
      't.category',
      't.status',
      't.address',
      't.description',
      't.on_site_at',
      't.resolve_due_at',
      ...latLonOf(db, 't.location'),
      db.raw("(SELECT min(p.id) FROM photos p WHERE p.ticket_id = t.id AND p.kind = 'report') AS photo_id"),
    )
    .orderBy([{ column: 's.route_id' }, { column: 's.seq' }]);
  if (crewId !== undefined) q.andWhere('r.crew_id', crewId);
  const rows = await q;
  return rows.map((r) => ({
    routeId: r.route_id,
    crewId: r.crew_id,
    seq: r.seq,
    ticketId: r.ticket_id,
    number: r.number,
    priority: r.priority,
    category: r.category,
    status: r.status,
    address: r.address,
    description: r.description,
    lat: r.lat,
    lon: r.lon,
    eta: r.eta,
    departAt: r.depart_at,
    travelSeconds: r.travel_seconds,
    distanceMetres: r.distance_m,
    serviceSeconds: r.service_seconds,
    pinned: r.pinned,
    onSiteAt: r.on_site_at,
    resolveDueAt: r.resolve_due_at,
    photoId: r.photo_id,
  }));
}

export interface UnplannedRow {
  ticketId: number;
  number: string;
  priority: Priority;
  reason: string;
  lat: number;
  lon: number;
}

export async function listUnplanned(db: Runner, planId: number): Promise<UnplannedRow[]> {
  const rows = await db('plan_unplanned as u')
    .join('tickets as t', 't.id', 'u.ticket_id')
    .where('u.plan_id', planId)
    .select('u.ticket_id', 'u.reason', 't.number', 't.priority', ...latLonOf(db, 't.location'))
    .orderBy('u.ticket_id');
  return rows.map((r) => ({ ticketId: r.ticket_id, number: r.number, priority: r.priority, reason: r.reason, lat: r.lat, lon: r.lon }));
}

/** The routes of a stored plan, except one crew's, ready to be written into a new version. */
export async function copyRoutes(db: Runner, planId: number, exceptCrewId: number): Promise<NewRoute[]> {
  const routes = (await listRoutes(db, planId)).filter((r) => r.crewId !== exceptCrewId);
  const stops = await listStops(db, planId);
  return routes.map((r) => ({
    crewId: r.crewId,
    zoneKey: r.zoneKey,
    zoneCells: r.zoneCells,
    shiftStartAt: r.shiftStartAt,
    shiftEndAt: r.shiftEndAt,
    startAt: r.startAt,
    endAt: r.endAt,
    distanceMetres: r.distanceMetres,
    travelSeconds: r.travelSeconds,
    serviceSeconds: r.serviceSeconds,
    path: r.path?.coordinates ?? [],
    stops: stops
      .filter((s) => s.routeId === r.id)
      .map((s) => ({ ticketId: s.ticketId, eta: s.eta, departAt: s.departAt, travelSeconds: s.travelSeconds, distanceMetres: s.distanceMetres, serviceSeconds: s.serviceSeconds, pinned: s.pinned })),
  }));
}
