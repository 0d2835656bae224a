import type { Runner } from '../../platform/db/knex.js';
import { geographyPoint } from '../../platform/db/geo.js';

export type IncidentStatus = 'active' | 'repairing' | 'restored';

export interface Incident {
  id: number;
  utilityId: number;
  title: string;
  status: IncidentStatus;
  messageId: string;
  messageEn: string | null;
  estimatedRestoreAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  restoredAt: Date | null;
  area: unknown; // GeoJSON MultiPolygon
  attachedTickets: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row as the pg driver returns it, mapped field by field here
const toIncident = (r: any): Incident => ({
  id: r.id,
  utilityId: r.utility_id,
  title: r.title,
  status: r.status,
  messageId: r.message_id,
  messageEn: r.message_en,
  estimatedRestoreAt: r.estimated_restore_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  restoredAt: r.restored_at,
  area: r.area_geojson,
  attachedTickets: Number(r.attached_tickets ?? 0),
});

function selectIncidents(db: Runner) {
  return db('incidents as i').select(
    'i.*',
    db.raw('ST_AsGeoJSON(i.area, 6)::json AS area_geojson'),
    db.raw('(SELECT count(*) FROM tickets t WHERE t.incident_id = i.id) AS attached_tickets'),
  );
}

export async function findIncident(db: Runner, utilityId: number, id: number, forUpdate = false): Promise<Incident | null> {
  let q = selectIncidents(db).where({ 'i.utility_id': utilityId, 'i.id': id }).first();
  if (forUpdate) q = q.forUpdate();
  const row = await q;
  return row ? toIncident(row) : null;
}

export async function listIncidents(db: Runner, utilityId: number, openOnly: boolean): Promise<Incident[]> {
  let q = selectIncidents(db).where({ 'i.utility_id': utilityId });
  if (openOnly) q = q.whereNot('i.status', 'restored');
  return (await q.orderBy('i.created_at', 'desc').limit(200)).map(toIncident);
}

export interface NewIncident {
  utilityId: number;
  title: string;
  area: unknown; // GeoJSON Polygon or MultiPolygon
  messageId: string;
  messageEn: string | null;
  estimatedRestoreAt: Date | null;
  createdBy: number;
  at: Date;
  status?: IncidentStatus;
}

export async function insertIncident(db: Runner, i: NewIncident): Promise<number> {
  const [row] = await db('incidents')
    .insert({
      utility_id: i.utilityId,
      title: i.title,
      status: i.status ?? 'active',
      area: db.raw('ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))::geography', [JSON.stringify(i.area)]),
      message_id: i.messageId,
      message_en: i.messageEn,
      estimated_restore_at: i.estimatedRestoreAt,
      created_by: i.createdBy,
      created_at: i.at,
      updated_at: i.at,
    })
    .returning('id');
  return row.id;
}

/** A circle of `radiusMetres` around a point, as a GeoJSON Polygon (PostGIS buffers in metres on geography). */
export async function circleGeoJson(db: Runner, lon: number, lat: number, radiusMetres: number): Promise<unknown> {
  const { rows } = await db.raw('SELECT ST_AsGeoJSON(ST_Buffer(?, ?, 32)::geometry, 7)::json AS g', [geographyPoint(db, lon, lat), radiusMetres]);
  return rows[0].g;
}

/** Open tickets still awaiting validation inside the incident's area. */
export async function receivedTicketsInside(db: Runner, utilityId: number, incidentId: number): Promise<{ id: number }[]> {
  return db('tickets as t')
    .join('incidents as i', 'i.id', db.raw('?', [incidentId]))
    .where({ 't.utility_id': utilityId, 't.status': 'received' })
    .andWhereRaw('ST_Covers(i.area, t.location)')
    .select('t.id');
}

/** Whether a GeoJSON Polygon or MultiPolygon is a valid area (closed rings, not crossing themselves). */
export async function isValidArea(db: Runner, area: unknown): Promise<boolean> {
  const { rows } = await db
    // Valid (closed rings, not crossing themselves), not empty, and covering some ground.
    .raw(
      `SELECT ST_IsValid(g) AND NOT ST_IsEmpty(g) AND ST_Area(g::geography) > 0 AS valid
         FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS g) AS a`,
      [JSON.stringify(area)],
    )
    .catch(() => ({ rows: [{ valid: false }] }));
  return Boolean(rows[0].valid);
}

export interface IncidentRowChange {
  status?: IncidentStatus;
  messageId?: string;
  messageEn?: string | null;
  estimatedRestoreAt?: Date | null;
  restoredAt?: Date;
  at: Date;
}

/** Progress of an incident; a field left undefined keeps its value. */
export async function updateIncidentRow(db: Runner, id: number, change: IncidentRowChange): Promise<void> {
  const row: Record<string, unknown> = { updated_at: change.at };
  if (change.status) row.status = change.status;
  if (change.messageId !== undefined) row.message_id = change.messageId;
  if (change.messageEn !== undefined) row.message_en = change.messageEn;
  if (change.estimatedRestoreAt !== undefined) row.estimated_restore_at = change.estimatedRestoreAt;
  if (change.restoredAt !== undefined) row.restored_at = change.restoredAt;
  await db('incidents').where({ id }).update(row);
}

/** The tickets still attached to an incident (not detached, not yet closed with it). */
export async function attachedTicketIds(db: Runner, utilityId: number, incidentId: number): Promise<number[]> {
  const rows = await db('tickets').where({ utility_id: utilityId, incident_id: incidentId, status: 'attached' }).orderBy('id').select('id');
  return rows.map((r) => r.id);
}
