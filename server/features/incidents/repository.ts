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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
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

/** The open incident whose area covers the point (the most recent, when areas overlap). */
export async function openIncidentAt(db: Runner, utilityId: number, lon: number, lat: number): Promise<{ id: number; title: string } | null> {
  const row = await db('incidents')
    .where({ utility_id: utilityId })
    .whereNot('status', 'restored')
    .andWhereRaw('ST_Covers(area, ?)', [geographyPoint(db, lon, lat)])
    .orderBy('created_at', 'desc')
    .first('id', 'title');
  return row ?? null;
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
