import type { Runner } from '../../platform/db/knex.js';
import { geographyMultiPolygon, geographyPoint, postgis } from '../../platform/db/geo.js';
import { resolveSettings } from '../../core/domain/settings.js';
import type { Place, Utility, UtilityOutline } from './view.js';

interface UtilityRow {
  id: number;
  code: string;
  name: string;
  time_zone: string;
  settings: unknown;
}

/** What a Utility is made of. Not the service area: a city's outline (the Makassar demo's is 74 KB of WKB) that every public request read with `select *`. */
const UTILITY_COLUMNS = ['id', 'code', 'name', 'time_zone', 'settings'] as const;

const toUtility = (row: UtilityRow): Utility => ({
  id: row.id,
  code: row.code,
  name: row.name,
  timeZone: row.time_zone,
  settings: resolveSettings(row.settings),
});

/** By its code or its Open311 jurisdiction_id (sql/0046; the code when none is set). */
export async function findUtilityByCode(db: Runner, code: string): Promise<Utility | null> {
  const row = await db<UtilityRow>('utilities').where('code', code).orWhere('jurisdiction_id', code).orderBy('id').first(...UTILITY_COLUMNS);
  return row ? toUtility(row) : null;
}

export async function findUtilityById(db: Runner, id: number): Promise<Utility | null> {
  const row = await db<UtilityRow>('utilities').where({ id }).first(...UTILITY_COLUMNS);
  return row ? toUtility(row) : null;
}

/** The only utility, when there is exactly one (a single-city install). */
export async function findSoleUtility(db: Runner): Promise<Utility | null> {
  const rows = await db<UtilityRow>('utilities').orderBy('id').limit(2).select(...UTILITY_COLUMNS);
  return rows.length === 1 ? toUtility(rows[0]) : null;
}

export async function countUtilities(db: Runner): Promise<number> {
  const [{ count }] = await db('utilities').count<{ count: string }[]>({ count: '*' });
  return Number(count);
}

export interface NewUtility {
  code: string;
  name: string;
  timeZone?: string;
  serviceArea: unknown; // GeoJSON Polygon or MultiPolygon; null: none yet (every report is outside it)
  settings?: Record<string, unknown>;
  jurisdictionId?: string | null;
}

export async function insertUtility(db: Runner, u: NewUtility): Promise<number> {
  const [row] = await db('utilities')
    .insert({
      code: u.code,
      name: u.name,
      time_zone: u.timeZone ?? 'Asia/Makassar',
      service_area: u.serviceArea == null ? null : geographyMultiPolygon(db, u.serviceArea),
      jurisdiction_id: u.jurisdictionId ?? null,
      settings: JSON.stringify(u.settings ?? {}),
    })
    .returning('id');
  return row.id;
}

/** Whether a code or jurisdiction id is already some utility's code or jurisdiction id. */
export async function isUtilityNameTaken(db: Runner, names: string[]): Promise<string[]> {
  const rows = await db('utilities').whereIn('code', names).orWhereIn('jurisdiction_id', names).select('code', 'jurisdiction_id');
  return names.filter((n) => rows.some((r) => r.code === n || r.jurisdiction_id === n));
}

export async function listUtilities(db: Runner): Promise<{ id: number; code: string; name: string; jurisdictionId: string | null; timeZone: string; hasServiceArea: boolean; staff: number }[]> {
  const rows = await db('utilities as u')
    .select('u.id', 'u.code', 'u.name', 'u.jurisdiction_id', 'u.time_zone', db.raw('u.service_area IS NOT NULL AS has_area'), db.raw('(SELECT count(*) FROM staff_users s WHERE s.utility_id = u.id)::int AS staff'))
    .orderBy('u.id');
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, jurisdictionId: r.jurisdiction_id, timeZone: r.time_zone, hasServiceArea: r.has_area, staff: r.staff }));
}

export async function isInsideServiceArea(db: Runner, utilityId: number, lon: number, lat: number): Promise<boolean> {
  const row = await db('utilities')
    .where({ id: utilityId })
    .select(db.raw('ST_Covers(service_area, ?) AS inside', [geographyPoint(db, lon, lat)]))
    .first();
  return Boolean(row?.inside);
}

export async function locatePoint(db: Runner, utilityId: number, lon: number, lat: number): Promise<Place> {
  const point = geographyPoint(db, lon, lat);
  const [region, area] = await Promise.all([
    db('service_regions').where({ utility_id: utilityId }).andWhere(db.raw('ST_Covers(area, ?)', [point])).select('id', 'name').first(),
    db('areas').where({ utility_id: utilityId }).andWhere(db.raw('ST_Covers(geom, ?)', [point])).select('id', 'name', 'district').first(),
  ]);
  return {
    regionId: region?.id ?? null,
    regionName: region?.name ?? null,
    areaId: area?.id ?? null,
    areaName: area?.name ?? null,
    district: area?.district ?? null,
  };
}

/**
 * Whether the point is inside the service area, and where it lies (region,
 * kelurahan), in one round trip: intake asks both of every report.
 */
export async function locateInServiceArea(db: Runner, utilityId: number, lon: number, lat: number): Promise<{ inside: boolean; place: Place }> {
  const { rows } = await db.raw(
    `SELECT ST_Covers(u.service_area, here.point) AS inside, r.id AS region_id, r.name AS region_name, a.id AS area_id, a.name AS area_name, a.district
       FROM utilities u
      CROSS JOIN (SELECT ? AS point) here
       LEFT JOIN LATERAL (SELECT id, name FROM service_regions WHERE utility_id = u.id AND ST_Covers(area, here.point) LIMIT 1) r ON true
       LEFT JOIN LATERAL (SELECT id, name, district FROM areas WHERE utility_id = u.id AND ST_Covers(geom, here.point) LIMIT 1) a ON true
      WHERE u.id = ?`,
    [geographyPoint(db, lon, lat), utilityId],
  );
  const row = rows[0];
  return {
    inside: Boolean(row?.inside),
    place: { regionId: row?.region_id ?? null, regionName: row?.region_name ?? null, areaId: row?.area_id ?? null, areaName: row?.area_name ?? null, district: row?.district ?? null },
  };
}

/** The utility's kelurahan by name, for placing an address (core/domain/places.ts). */
export async function namedAreas(db: Runner, utilityId: number): Promise<{ id: number; name: string; district: string }[]> {
  return db('areas').where({ utility_id: utilityId }).orderBy('id').select('id', 'name', 'district');
}

/** A point surely inside the kelurahan (a centroid can fall outside a concave one), WGS84. */
export async function pointInArea(db: Runner, utilityId: number, areaId: number): Promise<{ lat: number; lon: number } | null> {
  const st = postgis(db);
  const inside = db.raw('ST_PointOnSurface(?)', [st.geometry('geom')]);
  const row = await db('areas').where({ utility_id: utilityId, id: areaId }).select(st.y(inside).as('lat'), st.x(inside).as('lon')).first();
  return row ? { lat: Number(row.lat), lon: Number(row.lon) } : null;
}

export async function utilityOutline(db: Runner, utilityId: number): Promise<UtilityOutline> {
  const st = postgis(db);
  // A point inside the area (a centroid can fall outside a concave one), for centring the map.
  const inside = db.raw('ST_PointOnSurface(?)', [st.geometry('service_area')]);
  const row = await db('utilities')
    .where({ id: utilityId })
    .select(
      db.raw('ST_XMin(service_area::geometry) AS min_x, ST_YMin(service_area::geometry) AS min_y, ST_XMax(service_area::geometry) AS max_x, ST_YMax(service_area::geometry) AS max_y'),
      st.y(inside).as('lat'),
      st.x(inside).as('lon'),
    )
    .first();
  // A utility whose admin has not imported its area yet: the map shows Indonesia.
  if (row.min_x === null) return { bbox: [95, -11, 141, 6], centre: { lat: -2.5, lon: 118 } };
  return { bbox: [row.min_x, row.min_y, row.max_x, row.max_y], centre: { lat: row.lat, lon: row.lon } };
}

/** Boundaries for the map, simplified to ~10 m: kelurahan (areas) or service regions, as a GeoJSON FeatureCollection. */
export async function boundariesGeoJson(db: Runner, utilityId: number, level: 'areas' | 'regions'): Promise<unknown> {
  const table = level === 'areas' ? 'areas' : 'service_regions';
  const geom = level === 'areas' ? 'geom' : 'area';
  const extra = level === 'areas' ? ", 'district', district" : '';
  const { rows } = await db.raw(
    `SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
       'type', 'Feature', 'id', id,
       'properties', json_build_object('code', code, 'name', name${extra}),
       'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(${geom}::geometry, 0.0001), 6)::json
     ) ORDER BY id), '[]'::json)) AS fc
     FROM ${table} WHERE utility_id = ?`,
    [utilityId],
  );
  return rows[0].fc;
}
