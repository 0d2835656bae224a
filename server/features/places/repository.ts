/** The places repository: the one writer of `places` (kelurahan and kecamatan by name, per utility). */
import type { Runner } from '../../platform/db/knex.js';

export type PlaceKind = 'kelurahan' | 'kecamatan';

export interface Place {
  kind: PlaceKind;
  code: string;
  name: string;
  /** The kecamatan of a kelurahan (null for a kecamatan). */
  district: string | null;
  /** A point inside the place (ST_PointOnSurface), WGS84. */
  lon: number;
  lat: number;
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
}

/** The SQL that folds a name (or a query) for matching: lower case, no accents, letters and digits only. */
const folded = (expr: string) => `regexp_replace(lower(unaccent(${expr})), '[^a-z0-9]', '', 'g')`;

/**
 * The utility's places again from its kelurahan (`areas`): each kelurahan, and
 * each kecamatan as the union of its kelurahan. Run after the areas change
 * (the Makassar fixture, a new utility's boundaries).
 */
export async function rebuildPlacesFromAreas(db: Runner, utilityId: number): Promise<number> {
  await db('places').where({ utility_id: utilityId }).delete();
  await db.raw(
    `INSERT INTO places (utility_id, kind, code, name, district, search_key, area, centre)
     SELECT utility_id, 'kelurahan', code, name, district, ${folded('name')}, geom, ST_PointOnSurface(geom::geometry)::geography
       FROM areas WHERE utility_id = ?`,
    [utilityId],
  );
  await db.raw(
    `INSERT INTO places (utility_id, kind, code, name, district, search_key, area, centre)
     SELECT utility_id, 'kecamatan', district_code, district, NULL, ${folded('district')},
            ST_Multi(ST_Union(geom::geometry))::geography, ST_PointOnSurface(ST_Union(geom::geometry))::geography
       FROM areas WHERE utility_id = ?
      GROUP BY utility_id, district_code, district`,
    [utilityId],
  );
  const [{ n }] = await db('places').where({ utility_id: utilityId }).count<{ n: string }[]>({ n: '*' });
  return Number(n);
}

/**
 * The utility's places matching `query`, best first: the exact name, then a
 * name starting with it, then one containing it, then the closest by trigram
 * similarity (a typo: "Panakukang"); kecamatan before kelurahan on a tie.
 * Accents, case, spaces and punctuation do not matter.
 */
export async function searchPlaces(db: Runner, utilityId: number, query: string, limit: number): Promise<Place[]> {
  const rows: { kind: PlaceKind; code: string; name: string; district: string | null; lon: number; lat: number; min_lon: number; min_lat: number; max_lon: number; max_lat: number }[] = (
    await db.raw(
      `WITH q AS (SELECT ${folded('?::text')} AS k)
       SELECT p.kind, p.code, p.name, p.district,
              ST_X(p.centre::geometry) AS lon, ST_Y(p.centre::geometry) AS lat,
              ST_XMin(p.area::geometry) AS min_lon, ST_YMin(p.area::geometry) AS min_lat,
              ST_XMax(p.area::geometry) AS max_lon, ST_YMax(p.area::geometry) AS max_lat
         FROM places p, q
        WHERE p.utility_id = ? AND q.k <> ''
          AND (p.search_key LIKE '%' || q.k || '%' OR similarity(p.search_key, q.k) >= 0.35)
        ORDER BY (p.search_key = q.k) DESC, (p.search_key LIKE q.k || '%') DESC, (p.search_key LIKE '%' || q.k || '%') DESC,
                 similarity(p.search_key, q.k) DESC, (p.kind = 'kecamatan') DESC, p.name
        LIMIT ?`,
      [query, utilityId, limit],
    )
  ).rows;
  return rows.map((r) => ({ kind: r.kind, code: r.code, name: r.name, district: r.district, lon: r.lon, lat: r.lat, bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat] }));
}
