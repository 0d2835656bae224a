/**
 * Reads for nearby duplicates (issue 13): open tickets around a point, and the
 * reports merged into a ticket. The state changes (merge, unmerge, add_report)
 * go through the one writer, repository.ts `transition`.
 */
import type { Runner } from '../../platform/db/knex.js';
import { geographyPoint } from '../../platform/db/geo.js';
import type { Category, TicketStatus } from '../../core/domain/tickets.js';

/** Statuses a new report can be added to: still work to do (before the crew's fix). */
export const mergeableStatuses: readonly TicketStatus[] = ['received', 'spk_issued', 'assigned', 'on_site', 'escalated'];

export interface NearbyRow {
  id: number;
  number: string;
  status: TicketStatus;
  category: Category;
  receivedAt: Date;
  distanceMetres: number;
  reports: number;
}

/** The count of reports a ticket stands for: itself and the reports merged into it. */
const reportsSql = `1 + (SELECT count(*) FROM tickets c WHERE c.duplicate_of_id = t.id AND c.status = 'merged')::int`;

/**
 * Open tickets within `radiusMetres` of the point, nearest first (ST_DWithin on
 * geography: the gist index on tickets.location). `category` and `since`
 * narrow it to the ones a new report is a duplicate of; `forUpdate` locks them.
 */
export async function openTicketsNear(
  db: Runner,
  utilityId: number,
  q: { lat: number; lon: number; radiusMetres: number; category?: Category; since?: Date; limit: number; forUpdate?: boolean },
): Promise<NearbyRow[]> {
  const here = geographyPoint(db, q.lon, q.lat);
  const query = db('tickets as t')
    .where('t.utility_id', utilityId)
    .whereIn('t.status', mergeableStatuses as TicketStatus[])
    .whereRaw('ST_DWithin(t.location, ?, ?)', [here, q.radiusMetres])
    .select('t.id', 't.number', 't.status', 't.category', 't.received_at')
    .select(db.raw('ST_Distance(t.location, ?) AS distance_metres', [here]))
    .select(db.raw(`${reportsSql} AS reports`))
    .orderBy('distance_metres')
    .orderBy('t.id')
    .limit(q.limit);
  if (q.category) query.where('t.category', q.category);
  if (q.since) query.where('t.received_at', '>=', q.since);
  if (q.forUpdate) query.forUpdate();
  const rows = await query;
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    category: r.category,
    receivedAt: r.received_at,
    distanceMetres: Math.round(Number(r.distance_metres)),
    reports: Number(r.reports),
  }));
}

/** The distance between a ticket and a point, metres (null: no such ticket). */
export async function distanceToTicket(db: Runner, utilityId: number, ticketId: number, lat: number, lon: number): Promise<number | null> {
  const row = await db('tickets').where({ utility_id: utilityId, id: ticketId }).first(db.raw('ST_Distance(location, ?) AS d', [geographyPoint(db, lon, lat)]));
  return row ? Number(row.d) : null;
}

/** How many reports a ticket stands for (itself and those merged into it). */
export async function reportCountOf(db: Runner, ticketId: number): Promise<number> {
  const row = await db('tickets as t').where('t.id', ticketId).first(db.raw(`${reportsSql} AS reports`));
  return row ? Number(row.reports) : 0;
}

/** The open ticket a merged report belongs to. */
export async function duplicateOfId(db: Runner, ticketId: number): Promise<number | null> {
  const row = await db('tickets').where({ id: ticketId }).first('duplicate_of_id');
  return row?.duplicate_of_id ?? null;
}

/** The reports merged into a ticket: their ids. */
export async function mergedReportIds(db: Runner, ticketId: number): Promise<number[]> {
  const rows = await db('tickets').where({ duplicate_of_id: ticketId, status: 'merged' }).orderBy('id').select('id');
  return rows.map((r) => r.id);
}
