/**
 * The tickets repository, and the one writer of ticket state: `transition` /
 * `transitionMany` are the only code that changes tickets.status, tickets.crew_id
 * and the per-status timestamps, and (with `createTicket` for a new report and
 * `insertSeededHistory` for the demo's generated past) the only code that
 * writes ticket_events. tests/features/tickets/one-writer.test.ts holds the wall.
 */
import type { Knex } from 'knex';
import type { Runner } from '../../platform/db/knex.js';
import { geographyPoint, latLonOf } from '../../platform/db/geo.js';
import type { PhotoFacts } from '../../platform/storage/photos.js';
import { formatNumber, type Category, type Priority, type Source, type TicketStatus } from '../../core/domain/tickets.js';
import { planTransition, transitions, type Action, type Actor, type Transition } from '../../core/domain/workflow.js';
import { notFound } from '../../core/domain/errors.js';
import { crewScopeOf, readsReporter, type Viewer } from '../auth/viewer.js';
import { recordTicketSteps } from '../notifications/service.js';
import type { Language, OutboundChannel } from '../../core/domain/messages.js';

export interface Ticket {
  id: number;
  utilityId: number;
  number: string;
  reporterId: number | null;
  source: Source;
  lat: number;
  lon: number;
  h3Cell: string;
  regionId: number | null;
  areaId: number | null;
  address: string | null;
  description: string | null;
  category: Category;
  priority: Priority | null;
  status: TicketStatus;
  crewId: number | null;
  photoBlurred: boolean | null;
  phoneVerifiedAt: Date | null;
  receivedAt: Date;
  spkIssuedAt: Date | null;
  assignedAt: Date | null;
  onSiteAt: Date | null;
  escalatedAt: Date | null;
  fixedAt: Date | null;
  closedAt: Date | null;
  rejectedAt: Date | null;
  respondDueAt: Date | null;
  resolveDueAt: Date | null;
  repeatCount: number;
  starred: boolean;
  urgent: boolean;
  parentTicketId: number | null;
  reopenedAt: Date | null;
  incidentId: number | null;
}

const ticketColumns = [
  'id', 'utility_id', 'number', 'reporter_id', 'source', 'h3_cell', 'region_id', 'area_id', 'address', 'description',
  'category', 'priority', 'status', 'crew_id', 'photo_blurred', 'phone_verified_at', 'received_at', 'spk_issued_at',
  'assigned_at', 'on_site_at', 'escalated_at', 'fixed_at', 'closed_at', 'rejected_at', 'respond_due_at', 'resolve_due_at',
  'repeat_count', 'starred', 'urgent', 'parent_ticket_id', 'reopened_at', 'incident_id',
];

function selectTicket(db: Runner) {
  return db('tickets').select(ticketColumns).select(...latLonOf(db, 'location'));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as the pg driver returns it, mapped field by field here
function toTicket(r: any): Ticket {
  return {
    id: r.id,
    utilityId: r.utility_id,
    number: r.number,
    reporterId: r.reporter_id,
    source: r.source,
    lat: r.lat,
    lon: r.lon,
    h3Cell: r.h3_cell,
    regionId: r.region_id,
    areaId: r.area_id,
    address: r.address,
    description: r.description,
    category: r.category,
    priority: r.priority,
    status: r.status,
    crewId: r.crew_id,
    photoBlurred: r.photo_blurred,
    phoneVerifiedAt: r.phone_verified_at,
    receivedAt: r.received_at,
    spkIssuedAt: r.spk_issued_at,
    assignedAt: r.assigned_at,
    onSiteAt: r.on_site_at,
    escalatedAt: r.escalated_at,
    fixedAt: r.fixed_at,
    closedAt: r.closed_at,
    rejectedAt: r.rejected_at,
    respondDueAt: r.respond_due_at,
    resolveDueAt: r.resolve_due_at,
    repeatCount: r.repeat_count,
    starred: r.starred,
    urgent: r.urgent,
    parentTicketId: r.parent_ticket_id,
    reopenedAt: r.reopened_at,
    incidentId: r.incident_id,
  };
}

// ---------------------------------------------------------------- scoping: what a viewer may read

/**
 * Limits a query over tickets (or rows joined to them: `crewColumn` names the
 * ticket's crew_id) to what the viewer may read: a crew its own assignments,
 * every other role the whole utility. Every read for a staff member goes
 * through here (features/auth/viewer.ts); a row outside the scope is simply
 * not found (404), so ids cannot be probed.
 */
function scoped<Q extends Knex.QueryBuilder>(q: Q, viewer: Viewer, crewColumn = 'crew_id'): Q {
  const crewId = crewScopeOf(viewer);
  if (crewId !== null) q.where(crewColumn, crewId);
  return q;
}

/** The ids of the tickets a viewer may read, as a subquery. */
function visibleTicketIds(db: Runner, viewer: Viewer, ticketId: number) {
  return scoped(db('tickets').select('id').where({ id: ticketId }), viewer);
}

/** A ticket as the viewer may read it (null when it is not theirs or not there); `forUpdate` locks the row. */
export async function findVisibleTicket(db: Runner, utilityId: number, viewer: Viewer, id: number, forUpdate = false): Promise<Ticket | null> {
  let q = scoped(selectTicket(db).where({ utility_id: utilityId, id }), viewer).first();
  if (forUpdate) q = q.forUpdate();
  const row = await q;
  return row ? toTicket(row) : null;
}

/**
 * Reads a ticket for the server's own steps (the planner, incidents, intake), not for a
 * staff member's eyes: those go through `findVisibleTicket`. `forUpdate` locks the row.
 */
export async function findTicket(db: Runner, utilityId: number, id: number, forUpdate = false): Promise<Ticket | null> {
  let q = selectTicket(db).where({ utility_id: utilityId, id }).first();
  if (forUpdate) q = q.forUpdate();
  const row = await q;
  return row ? toTicket(row) : null;
}

/** The id of the ticket's latest step (the one just written, inside the writer's transaction). */
export async function lastEventIdOf(db: Runner, ticketId: number): Promise<number> {
  const row = await db('ticket_events').where({ ticket_id: ticketId }).max<{ id: string | number }>('id as id').first();
  return Number(row?.id);
}

export async function findTicketByNumber(db: Runner, utilityId: number, number: string): Promise<Ticket | null> {
  const row = await selectTicket(db).where({ utility_id: utilityId, number }).first();
  return row ? toTicket(row) : null;
}

/** Next value of a per-utility, per-year counter (LK tickets, SPK work orders); gap-free within a transaction. */
export async function nextNumber(db: Runner, utilityId: number, kind: 'LK' | 'SPK', year: number): Promise<string> {
  const { rows } = await db.raw(
    `INSERT INTO ticket_counters (utility_id, kind, year, last_value) VALUES (?, ?, ?, 1)
     ON CONFLICT (utility_id, kind, year) DO UPDATE SET last_value = ticket_counters.last_value + 1
     RETURNING last_value`,
    [utilityId, kind, year],
  );
  return formatNumber(kind, year, rows[0].last_value);
}

export type NewTicket = Pick<
  Ticket,
  'utilityId' | 'number' | 'reporterId' | 'source' | 'lat' | 'lon' | 'h3Cell' | 'regionId' | 'areaId' | 'address' | 'description' | 'category' | 'photoBlurred' | 'receivedAt'
> & { enteredBy: number | null; urgent?: boolean; parentTicketId?: number | null; status?: TicketStatus; incidentId?: number | null };

/**
 * A new report: the ticket (received, or attached to the open incident it lies
 * in) and its 'report' event, in the caller's transaction. Returns its id.
 */
export async function createTicket(db: Runner, t: NewTicket, event: Pick<NewEvent, 'actorKind' | 'actorId' | 'note' | 'data'>): Promise<number> {
  const id = await insertTicketRow(db, t);
  const events: NewEvent[] = [{ ...event, utilityId: t.utilityId, ticketId: id, action: 'report', fromStatus: null, toStatus: t.status ?? 'received', at: t.receivedAt }];
  await insertEvents(db, events);
  // The notification outbox hears of every step in the same transaction (features/notifications).
  await recordTicketSteps(db, events);
  return id;
}

async function insertTicketRow(db: Runner, t: NewTicket): Promise<number> {
  const [row] = await db('tickets')
    .insert({
      utility_id: t.utilityId,
      number: t.number,
      reporter_id: t.reporterId,
      entered_by: t.enteredBy,
      source: t.source,
      location: geographyPoint(db, t.lon, t.lat),
      h3_cell: t.h3Cell,
      region_id: t.regionId,
      area_id: t.areaId,
      address: t.address,
      description: t.description,
      category: t.category,
      photo_blurred: t.photoBlurred,
      urgent: t.urgent ?? false,
      parent_ticket_id: t.parentTicketId ?? null,
      status: t.status ?? 'received',
      incident_id: t.incidentId ?? null,
      received_at: t.receivedAt,
      updated_at: t.receivedAt,
    })
    .returning('id');
  return row.id;
}

export interface NewEvent {
  utilityId: number;
  ticketId: number;
  action: string;
  actorKind: 'staff' | 'reporter' | 'system';
  actorId: number | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  note?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

async function insertEvents(db: Runner, events: readonly NewEvent[]): Promise<void> {
  const rows = events.map((e) => ({
    utility_id: e.utilityId,
    ticket_id: e.ticketId,
    action: e.action,
    actor_kind: e.actorKind,
    actor_id: e.actorId,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    note: e.note ?? null,
    data: JSON.stringify(e.data ?? {}),
    at: e.at,
  }));
  // One statement per 10,000 events, each column bound as one array: a 5,000-ticket plan writes its trail at once.
  const columns = ['utility_id', 'ticket_id', 'action', 'actor_kind', 'actor_id', 'from_status', 'to_status', 'note', 'data', 'at'] as const;
  const types = ['bigint', 'bigint', 'text', 'actor_kind', 'bigint', 'ticket_status', 'ticket_status', 'text', 'jsonb', 'timestamptz'];
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows.slice(i, i + 10_000);
    await db.raw(
      `INSERT INTO ticket_events (${columns.join(', ')})
       SELECT ${columns.map((c, k) => (types[k] === 'jsonb' ? `${c}::jsonb` : c)).join(', ')}
         FROM unnest(${types.map((t) => `?::${t === 'jsonb' ? 'text' : t}[]`).join(', ')}) AS v(${columns.join(', ')})`,
      columns.map((c) => chunk.map((r) => r[c])) as Knex.RawBinding[],
    );
  }
}

/**
 * The demo seed's generated past: tickets are inserted in their final state
 * with the events that led there. Replaying thousands of histories through
 * `transition` would re-check steps the generator already follows; nothing
 * but fixtures/seed.ts calls this.
 */
export async function insertSeededHistory(db: Runner, events: readonly NewEvent[]): Promise<void> {
  await insertEvents(db, events);
}

export interface TicketEvent {
  action: string;
  actorKind: string;
  actorId: number | null;
  actorName: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  note: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** The audit trail of a ticket the viewer may read (empty otherwise). */
export async function listEvents(db: Runner, viewer: Viewer, ticketId: number): Promise<TicketEvent[]> {
  const rows = await db('ticket_events as e')
    .leftJoin('staff_users as u', 'u.id', 'e.actor_id')
    .whereIn('e.ticket_id', visibleTicketIds(db, viewer, ticketId))
    .orderBy([{ column: 'e.at' }, { column: 'e.id' }])
    .select('e.*', 'u.display_name');
  return rows.map((r) => ({
    action: r.action,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.display_name ?? null,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    note: r.note,
    data: r.data,
    at: r.at,
  }));
}

/** What the public reads of a ticket's trail: status changes and their times, no names, notes or data. */
export async function listStatusTimeline(db: Runner, ticketId: number): Promise<{ fromStatus: TicketStatus | null; toStatus: TicketStatus; at: Date }[]> {
  const rows = await db('ticket_events').where({ ticket_id: ticketId }).orderBy([{ column: 'at' }, { column: 'id' }]).select('from_status', 'to_status', 'at');
  return rows.map((r) => ({ fromStatus: r.from_status, toStatus: r.to_status, at: r.at }));
}

export interface NewPhoto extends PhotoFacts {
  utilityId: number;
  ticketId: number;
  kind: 'report' | 'result';
  storedPath: string;
  uploadedBy: number | null;
  /** Set when the measures are already known (null: the analysis is pending). */
  analysedAt?: Date | null;
  /** Until when the writing process holds the pending analysis (after it, any instance takes it over). */
  analysisLeaseUntil?: Date | null;
}

export async function insertPhoto(db: Runner, p: NewPhoto): Promise<number> {
  const [row] = await db('photos')
    .insert({
      utility_id: p.utilityId,
      ticket_id: p.ticketId,
      kind: p.kind,
      sha256: p.sha256,
      stored_path: p.storedPath,
      mime_type: p.mimeType,
      size_bytes: p.sizeBytes,
      width: p.width,
      height: p.height,
      blur_score: p.blurScore,
      exif_location: p.exifLat !== null && p.exifLon !== null ? geographyPoint(db, p.exifLon, p.exifLat) : null,
      exif_taken_at: p.exifTakenAt,
      uploaded_by: p.uploadedBy,
      // Measured after the acknowledgment (photo-analysis.service.ts): pending until then.
      analysed_at: p.analysedAt ?? null,
      analysis_lease_until: p.analysisLeaseUntil ?? null,
    })
    .returning('id');
  return row.id;
}

export interface PhotoRecord extends PhotoFacts {
  id: number;
  kind: 'report' | 'result';
  storedPath: string;
  createdAt: Date;
  /** Null while the analysis (blur, EXIF, thumbnail) is pending. */
  analysedAt: Date | null;
  /** 'damaged' when the pixels did not decode. */
  analysisError: string | null;
}

/** The photos of a ticket the viewer may read (empty otherwise). */
export async function listPhotos(db: Runner, viewer: Viewer, ticketId: number): Promise<PhotoRecord[]> {
  const rows = await db('photos')
    .whereIn('ticket_id', visibleTicketIds(db, viewer, ticketId))
    .orderBy('id')
    .select('*', ...latLonOf(db, 'exif_location', 'exif_'));
  return rows.map(toPhotoRecord);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as the pg driver returns it, mapped field by field here
function toPhotoRecord(r: any): PhotoRecord {
  return {
    id: r.id,
    kind: r.kind,
    sha256: r.sha256,
    storedPath: r.stored_path,
    mimeType: r.mime_type,
    sizeBytes: r.size_bytes,
    width: r.width,
    height: r.height,
    blurScore: r.blur_score,
    exifLat: r.exif_lat,
    exifLon: r.exif_lon,
    exifTakenAt: r.exif_taken_at,
    createdAt: r.created_at,
    analysedAt: r.analysed_at,
    analysisError: r.analysis_error,
  };
}

/** One photo of a ticket of the utility, when the viewer may read the ticket. */
export async function findPhoto(db: Runner, utilityId: number, viewer: Viewer, ticketId: number, photoId: number): Promise<PhotoRecord | null> {
  const row = await scoped(
    db('photos as p')
      .join('tickets as t', 't.id', 'p.ticket_id')
      .where({ 'p.id': photoId, 'p.ticket_id': ticketId, 't.utility_id': utilityId, 'p.utility_id': utilityId }),
    viewer,
    't.crew_id',
  )
    .first('p.*', ...latLonOf(db, 'p.exif_location', 'exif_'));
  return row ? toPhotoRecord(row) : null;
}

export async function insertWorkOrder(
  db: Runner,
  w: { utilityId: number; ticketId: number; number: string; priority: Priority; instructions: string | null; issuedBy: number; issuedAt: Date },
): Promise<void> {
  await db('work_orders').insert({
    utility_id: w.utilityId,
    ticket_id: w.ticketId,
    number: w.number,
    priority: w.priority,
    instructions: w.instructions,
    issued_by: w.issuedBy,
    issued_at: w.issuedAt,
  });
}

/** The SPK of a ticket the viewer may read. */
export async function findWorkOrder(db: Runner, viewer: Viewer, ticketId: number): Promise<{ number: string; issuedAt: Date; issuedBy: number } | null> {
  const row = await db('work_orders').whereIn('ticket_id', visibleTicketIds(db, viewer, ticketId)).first();
  return row ? { number: row.number, issuedAt: row.issued_at, issuedBy: row.issued_by } : null;
}

export interface TicketFilter {
  statuses?: TicketStatus[];
  priorities?: Priority[];
  crewId?: number;
  number?: string;
  limit: number;
  offset: number;
  /** oldest / newest first; priority: Critical, High, Normal, none, then oldest first (the admin's queues). */
  order: 'oldest' | 'newest' | 'priority';
}

export interface ListedTicket extends Ticket {
  reportPhotoId: number | null;
  resultPhotoId: number | null;
  /** The report photo's analysis is still pending (the queue shows "analysing"). */
  reportPhotoAnalysing: boolean;
}

/** A page of the tickets the viewer may read (a crew: its own), filtered. */
export async function listTickets(db: Runner, utilityId: number, viewer: Viewer, f: TicketFilter): Promise<{ items: ListedTicket[]; total: number }> {
  const base = scoped(db('tickets').where({ utility_id: utilityId }), viewer);
  if (f.statuses?.length) base.whereIn('status', f.statuses);
  if (f.priorities?.length) base.whereIn('priority', f.priorities);
  if (f.crewId !== undefined) base.where({ crew_id: f.crewId });
  if (f.number) base.where('number', 'ilike', `%${f.number}%`);
  const [{ count }] = await base.clone().count<{ count: string }[]>({ count: '*' });
  const query = selectTicket(db)
    .select(
      db.raw("(SELECT p.id FROM photos p WHERE p.ticket_id = tickets.id AND p.kind = 'report' ORDER BY p.id LIMIT 1) AS report_photo_id"),
      db.raw("(SELECT p.id FROM photos p WHERE p.ticket_id = tickets.id AND p.kind = 'result' ORDER BY p.id DESC LIMIT 1) AS result_photo_id"),
      db.raw("EXISTS (SELECT 1 FROM photos p WHERE p.ticket_id = tickets.id AND p.kind = 'report' AND p.analysed_at IS NULL) AS report_photo_analysing"),
    )
    .whereIn('id', base.clone().select('id'))
    // Repeat reports first: urgent new tickets and starred (reopened) ones need attention.
    .orderByRaw('(urgent OR starred) DESC');
  if (f.order === 'priority') query.orderByRaw("CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END");
  const rows = await query
    .orderBy('received_at', f.order === 'newest' ? 'desc' : 'asc')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset);
  return { items: rows.map((r) => ({ ...toTicket(r), reportPhotoId: r.report_photo_id, resultPhotoId: r.result_photo_id, reportPhotoAnalysing: r.report_photo_analysing })), total: Number(count) };
}

/** One ticket as a point on the dispatcher's map: no text, no timestamps. */
export interface TicketPoint {
  id: number;
  lon: number;
  lat: number;
  priority: Priority | null;
  status: TicketStatus;
}

/**
 * The tickets of some statuses as bare points (the dispatcher's map), at most
 * `limit`, Critical first then the oldest, and how many there are in all.
 * Coordinates rounded to 6 decimals (about 10 cm), scoped like every read.
 */
export async function listTicketPoints(db: Runner, utilityId: number, viewer: Viewer, f: { statuses: TicketStatus[]; limit: number }): Promise<{ items: TicketPoint[]; total: number }> {
  const base = scoped(db('tickets').where({ utility_id: utilityId }).whereIn('status', f.statuses), viewer);
  const [{ count }] = await base.clone().count<{ count: string }[]>({ count: '*' });
  const rows: { id: number; lon: string; lat: string; priority: Priority | null; status: TicketStatus }[] = await base
    .clone()
    .select('id', 'priority', 'status', db.raw('round(ST_X(location::geometry)::numeric, 6) AS lon'), db.raw('round(ST_Y(location::geometry)::numeric, 6) AS lat'))
    .orderByRaw("CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END")
    .orderBy('received_at')
    .orderBy('id')
    .limit(f.limit);
  return { items: rows.map((r) => ({ id: r.id, lon: Number(r.lon), lat: Number(r.lat), priority: r.priority, status: r.status })), total: Number(count) };
}

/**
 * The done ticket a new report is about, locked for the caller's transaction,
 * fixed since `since`: the one named by its number when the report comes from
 * that ticket's reporter's phone or from within `numberRadiusMetres` of it
 * (ticket numbers are public through Open311: a number alone proves nothing),
 * else the latest fixed or closed ticket of the same reporter within
 * `radiusMetres`.
 */
export async function findRepeatTarget(
  db: Runner,
  utilityId: number,
  q: { number: string | null; reporterPhone: string | null; lat: number; lon: number; radiusMetres: number; numberRadiusMetres: number; since: Date },
): Promise<Ticket | null> {
  if (!q.number && !q.reporterPhone) return null;
  const here = geographyPoint(db, q.lon, q.lat);
  const row = await selectTicket(db)
    .where({ utility_id: utilityId })
    .whereIn('status', ['fixed', 'closed'])
    // Done: fixed, or closed without a fix when its area incident was restored.
    .whereRaw('coalesce(fixed_at, closed_at) >= ?', [q.since])
    .where((w) => {
      if (q.number) {
        const number = q.number.trim().toUpperCase();
        w.orWhere((x) =>
          x.where('number', number).andWhere((y) => {
            y.whereRaw('ST_DWithin(location, ?, ?)', [here, q.numberRadiusMetres]);
            if (q.reporterPhone) y.orWhereIn('reporter_id', db('reporters').select('id').where({ utility_id: utilityId, phone: q.reporterPhone }));
          }),
        );
      }
      if (q.reporterPhone) {
        w.orWhere((x) =>
          x
            .whereIn('reporter_id', db('reporters').select('id').where({ utility_id: utilityId, phone: q.reporterPhone }))
            .andWhereRaw('ST_DWithin(location, ?, ?)', [here, q.radiusMetres]),
        );
      }
    })
    .orderByRaw('coalesce(fixed_at, closed_at) desc')
    .forUpdate()
    .first();
  return row ? toTicket(row) : null;
}


/**
 * Whether `number` names a done ticket (fixed, or closed by its restored
 * incident, since `since`) of this phone's reporter, farther than
 * `radiusMetres` from the point: a re-report by number from elsewhere, which
 * only the phone's reporter may make (intake asks for a proven phone).
 */
export async function isReReportFromElsewhere(db: Runner, utilityId: number, q: { number: string; phone: string; lat: number; lon: number; radiusMetres: number; since: Date }): Promise<boolean> {
  const row = await db('tickets as t')
    .join('reporters as r', 'r.id', 't.reporter_id')
    .where({ 't.utility_id': utilityId, 't.number': q.number.trim().toUpperCase(), 'r.phone': q.phone })
    .whereIn('t.status', ['fixed', 'closed'])
    .whereRaw('coalesce(t.fixed_at, t.closed_at) >= ?', [q.since])
    .whereRaw('NOT ST_DWithin(t.location, ?, ?)', [geographyPoint(db, q.lon, q.lat), q.radiusMetres])
    .first('t.id');
  return Boolean(row);
}

// ---------------------------------------------------------------- what a ticket shows beside itself

/**
 * The open area incident whose area covers the point (the most recent, when
 * areas overlap): a new report there joins it. Read here, not through the
 * incidents feature, because incidents call the tickets service to attach and
 * close tickets; the dependency runs one way.
 */
export async function openIncidentAt(db: Runner, utilityId: number, lon: number, lat: number): Promise<{ id: number; title: string } | null> {
  const row = await db('incidents')
    .where({ utility_id: utilityId })
    .whereNot('status', 'restored')
    .andWhereRaw('ST_Covers(area, ?)', [geographyPoint(db, lon, lat)])
    .orderBy('created_at', 'desc')
    .first('id', 'title');
  return row ?? null;
}

/** What a reporter reads of the incident their ticket is part of. */
export interface TicketIncident {
  title: string;
  status: string;
  messageId: string;
  messageEn: string | null;
  estimatedRestoreAt: Date | null;
}

export async function findTicketIncident(db: Runner, utilityId: number, incidentId: number): Promise<TicketIncident | null> {
  const row = await db('incidents').where({ utility_id: utilityId, id: incidentId }).first('title', 'status', 'message_id', 'message_en', 'estimated_restore_at');
  return row ? { title: row.title, status: row.status, messageId: row.message_id, messageEn: row.message_en, estimatedRestoreAt: row.estimated_restore_at } : null;
}

export async function findRegionName(db: Runner, regionId: number): Promise<string | null> {
  const row = await db('service_regions').where({ id: regionId }).first('name');
  return row?.name ?? null;
}

/**
 * The reporter of a ticket, for a viewer whose role reads personal data
 * (admin, operator, the assigned crew: features/auth/viewer.ts); null for
 * every other viewer, without a query.
 */
export async function findReporterContact(
  db: Runner,
  utilityId: number,
  viewer: Viewer,
  ticketId: number,
): Promise<ReporterContact | null> {
  if (!readsReporter(viewer)) return null;
  const row = await scoped(db('tickets as t').join('reporters as r', 'r.id', 't.reporter_id').where({ 't.id': ticketId, 't.utility_id': utilityId }), viewer, 't.crew_id').first(
    'r.id',
    'r.name',
    'r.phone',
    'r.address',
    'r.blocked',
    'r.preferred_channel',
    'r.language',
    'r.opted_out_at',
  );
  return row
    ? { reporterId: row.id, name: row.name, phone: row.phone, address: row.address, blocked: row.blocked, preferredChannel: row.preferred_channel, language: row.language, optedOut: row.opted_out_at !== null }
    : null;
}

export interface ReporterContact {
  reporterId: number;
  name: string | null;
  phone: string;
  address: string | null;
  blocked: boolean;
  /** How the reporter hears of their reports (issue 12). */
  preferredChannel: OutboundChannel | null;
  language: Language;
  optedOut: boolean;
}

// ---------------------------------------------------------------- the one writer of ticket state

/** The columns an action may carry beyond its status change (by their domain names). */
export interface TicketChanges {
  crewId?: number;
  priority?: Priority;
  respondDueAt?: Date | null;
  resolveDueAt?: Date | null;
  rejectReason?: string;
  phoneVerifiedAt?: Date;
  phoneVerificationNote?: string;
  incidentId?: number;
  repeatCount?: number;
  duplicateOfId?: number;
  answerId?: number | null;
  answerText?: string;
  forwardedTo?: string;
}

const columnOf: Record<keyof TicketChanges, string> = {
  crewId: 'crew_id',
  priority: 'priority',
  respondDueAt: 'respond_due_at',
  resolveDueAt: 'resolve_due_at',
  rejectReason: 'reject_reason',
  phoneVerifiedAt: 'phone_verified_at',
  phoneVerificationNote: 'phone_verification_note',
  incidentId: 'incident_id',
  repeatCount: 'repeat_count',
  duplicateOfId: 'duplicate_of_id',
  answerId: 'answer_id',
  answerText: 'answer_text',
  forwardedTo: 'forwarded_to',
};

/** What each action may carry; anything else in a request is a programming error. */
const carries: Record<Action, readonly (keyof TicketChanges)[]> = {
  reject: ['rejectReason'],
  issue_spk: ['priority', 'respondDueAt', 'resolveDueAt', 'phoneVerifiedAt', 'phoneVerificationNote'],
  assign: ['crewId'],
  unassign: [],
  arrive: [],
  escalate: [],
  fix: [],
  close: [],
  return_to_crew: [],
  prioritise: ['priority', 'respondDueAt', 'resolveDueAt'],
  attach: ['incidentId'],
  restore: [],
  detach: [],
  reopen: ['repeatCount'],
  merge: ['duplicateOfId'],
  unmerge: [],
  add_report: [],
  remove_report: [],
  answer: ['answerId', 'answerText'],
  forward: ['answerId', 'answerText', 'forwardedTo'],
  add_info: [],
  reopen_restored: ['repeatCount'],
  client_update: [],
};

/** An action's fixed effects besides its status and stamp (SQL names). */
const effects: Partial<Record<Action, Record<string, unknown>>> = {
  unassign: { crew_id: null, assigned_at: null },
  return_to_crew: { fixed_at: null },
  detach: { incident_id: null },
  reopen: { starred: true, fixed_at: null, closed_at: null },
  unmerge: { duplicate_of_id: null },
  reopen_restored: { starred: true, closed_at: null },
};

/** SQL types of the columns a transition writes, for the batched UPDATE ... FROM (VALUES ...). */
const columnTypes: Record<string, string> = {
  status: 'ticket_status',
  crew_id: 'bigint',
  priority: 'ticket_priority',
  respond_due_at: 'timestamptz',
  resolve_due_at: 'timestamptz',
  reject_reason: 'text',
  phone_verified_at: 'timestamptz',
  phone_verification_note: 'text',
  incident_id: 'bigint',
  repeat_count: 'integer',
  duplicate_of_id: 'bigint',
  answer_id: 'bigint',
  answer_text: 'text',
  forwarded_to: 'text',
  starred: 'boolean',
  rejected_at: 'timestamptz',
  spk_issued_at: 'timestamptz',
  assigned_at: 'timestamptz',
  on_site_at: 'timestamptz',
  escalated_at: 'timestamptz',
  fixed_at: 'timestamptz',
  closed_at: 'timestamptz',
  reopened_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/** One step of one ticket, asked by a staff member or a system actor. */
export interface TransitionRequest {
  utilityId: number;
  ticketId: number;
  action: Action;
  actor: Actor;
  /** The staff member behind the step (also for the planner and incidents), or null. */
  actorUserId: number | null;
  at: Date;
  changes?: TicketChanges;
  note?: string | null;
  data?: Record<string, unknown>;
}

export interface TransitionResult {
  ticketId: number;
  fromStatus: TicketStatus;
  toStatus: TicketStatus;
  previousCrewId: number | null;
}

/** Who the audit trail names: a person when there is one, else the reporter (a repeat report) or the system. */
function actorKindOf(r: TransitionRequest): NewEvent['actorKind'] {
  if (r.actorUserId !== null) return 'staff';
  return r.actor === 'repeat_report' || r.actor === 'reporter_link' || r.actor === 'open311_client' ? 'reporter' : 'system';
}

function columnsOf(r: TransitionRequest, to: TicketStatus): Record<string, unknown> {
  const t: Transition = transitions[r.action];
  const set: Record<string, unknown> = { ...effects[r.action], status: to, updated_at: r.at };
  if (t.stamps) set[t.stamps] = r.at;
  for (const [field, value] of Object.entries(r.changes ?? {}) as [keyof TicketChanges, unknown][]) {
    if (value === undefined) continue;
    if (!carries[r.action].includes(field)) throw new Error(`The ${r.action} step does not carry ${field}`);
    set[columnOf[field]] = value;
  }
  if (r.action === 'assign' && typeof set.crew_id !== 'number') throw new Error('An assign step names the crew (changes.crewId)');
  return set;
}

/**
 * Applies steps to many tickets in the caller's transaction: locks the rows
 * (FOR UPDATE, in id order), checks every step against the workflow table
 * (a refusal throws the DomainError of `planTransition`, 409 with the current
 * status and the allowed next steps, and the caller's transaction writes
 * nothing), then writes the changes in a few batched UPDATEs and the audit
 * events in batched INSERTs. One request per ticket.
 */
export async function transitionMany(tx: Runner, requests: readonly TransitionRequest[]): Promise<TransitionResult[]> {
  if (requests.length === 0) return [];
  const ids = [...new Set(requests.map((r) => r.ticketId))].sort((a, b) => a - b);
  if (ids.length !== requests.length) throw new Error('transitionMany takes one request per ticket');
  const current = new Map<number, { utilityId: number; status: TicketStatus; crewId: number | null }>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await tx('tickets')
      .whereRaw('id = ANY(?::bigint[])', [ids.slice(i, i + 10_000)])
      .orderBy('id')
      .forUpdate()
      .select('id', 'utility_id', 'status', 'crew_id');
    for (const r of rows) current.set(r.id, { utilityId: r.utility_id, status: r.status, crewId: r.crew_id });
  }

  // Rows with the same set of columns share one UPDATE ... FROM (VALUES ...).
  const groups = new Map<string, { columns: string[]; rows: unknown[][] }>();
  const events: NewEvent[] = [];
  const results: TransitionResult[] = [];
  for (const r of requests) {
    const ticket = current.get(r.ticketId);
    if (!ticket || ticket.utilityId !== r.utilityId) throw notFound('ticket', r.ticketId);
    const to = planTransition(ticket.status, r.action, r.actor);
    const set = columnsOf(r, to);
    const columns = Object.keys(set).sort();
    const key = columns.join(',');
    if (!groups.has(key)) groups.set(key, { columns, rows: [] });
    groups.get(key)!.rows.push([r.ticketId, ...columns.map((c) => set[c])]);
    events.push({
      utilityId: r.utilityId,
      ticketId: r.ticketId,
      action: r.action,
      actorKind: actorKindOf(r),
      actorId: r.actorUserId,
      fromStatus: ticket.status,
      toStatus: to,
      note: r.note ?? null,
      data: r.data ?? {},
      at: r.at,
    });
    results.push({ ticketId: r.ticketId, fromStatus: ticket.status, toStatus: to, previousCrewId: ticket.crewId });
  }

  // One UPDATE ... FROM unnest(arrays) per group of 10,000: each column is one bound array.
  for (const { columns, rows } of groups.values()) {
    const arrays = `?::bigint[], ${columns.map((c) => `?::${columnTypes[c]}[]`).join(', ')}`;
    const assignments = columns.map((c) => `${c} = v.${c}`).join(', ');
    for (let i = 0; i < rows.length; i += 10_000) {
      const chunk = rows.slice(i, i + 10_000);
      const bindings = [0, ...columns.map((_, k) => k + 1)].map((k) => chunk.map((row) => row[k]));
      await tx.raw(`UPDATE tickets t SET ${assignments} FROM unnest(${arrays}) AS v(id, ${columns.join(', ')}) WHERE t.id = v.id`, bindings as Knex.RawBinding[]);
    }
  }
  await insertEvents(tx, events);
  await recordTicketSteps(tx, events);
  return results;
}

/** One step of one ticket; see `transitionMany`. */
export async function transition(tx: Runner, request: TransitionRequest): Promise<TransitionResult> {
  const [result] = await transitionMany(tx, [request]);
  return result;
}
