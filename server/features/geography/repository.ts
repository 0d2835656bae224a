/**
 * The SQL of a utility's service area and service regions (utilities.service_area,
 * service_regions). An import is checked on a temporary table of its features
 * inside the caller's transaction (ON COMMIT DROP), so the preview and the
 * write run the very same checks.
 */
import type { Runner } from '../../platform/db/knex.js';
import type { GeographyFeature, GeographyLayer } from '../../core/domain/geography.js';

const INPUT = 'geography_input';

/** Loads the features into the transaction's temporary table (Polygon/MultiPolygon, SRID 4326). */
export async function loadGeographyInput(tx: Runner, features: GeographyFeature[], regionKey: (name: string) => string): Promise<void> {
  await tx.raw(`CREATE TEMPORARY TABLE IF NOT EXISTS ${INPUT} (layer text NOT NULL, idx int NOT NULL, name text, key text, g geometry NOT NULL) ON COMMIT DROP`);
  await tx.raw(`TRUNCATE ${INPUT}`);
  const rows = features.map((f) => ({ layer: f.layer, idx: f.index, name: f.name, key: f.name === null ? null : regionKey(f.name), geometry: f.geometry }));
  // In batches: one statement's parameters stay small whatever the file.
  for (let i = 0; i < rows.length; i += 500) {
    await tx.raw(
      `INSERT INTO ${INPUT} (layer, idx, name, key, g)
       SELECT e->>'layer', (e->>'idx')::int, e->>'name', e->>'key', ST_SetSRID(ST_GeomFromGeoJSON(e->'geometry'), 4326)
       FROM json_array_elements(?::json) e`,
      [JSON.stringify(rows.slice(i, i + 500))],
    );
  }
}

export interface FeatureValidity {
  layer: GeographyLayer;
  index: number;
  name: string | null;
  empty: boolean;
  valid: boolean;
  reason: string | null;
  lon: number | null;
  lat: number | null;
}

/** ST_IsValid and its reason and place per feature, and whether it has any area. */
export async function checkGeographyInput(tx: Runner): Promise<FeatureValidity[]> {
  const { rows } = await tx.raw(
    `SELECT layer, idx, name, (ST_IsEmpty(g) OR (d.valid AND ST_Area(g) = 0)) AS empty, d.valid, d.reason, ST_X(d.location) AS lon, ST_Y(d.location) AS lat
     FROM ${INPUT}, LATERAL ST_IsValidDetail(g) d
     ORDER BY layer, idx`,
  );
  return rows.map((r: Record<string, unknown>) => ({ layer: r.layer, index: r.idx, name: r.name, empty: r.empty, valid: r.valid, reason: r.reason, lon: r.lon, lat: r.lat }) as FeatureValidity);
}

/** Leaves only the usable features (valid, with an area) for the checks between features. */
export async function dropUnusableInput(tx: Runner): Promise<void> {
  await tx.raw(`DELETE FROM ${INPUT} WHERE ST_IsEmpty(g) OR NOT ST_IsValid(g) OR ST_Area(g) = 0`);
}

/** Pairs of region features of different names whose interiors meet by more than the tolerance (a shared edge does not count). */
export async function findRegionOverlaps(tx: Runner, toleranceM2: number): Promise<{ a: number; aName: string; b: number; bName: string; m2: number }[]> {
  const { rows } = await tx.raw(
    `SELECT a.idx AS a, a.name AS a_name, b.idx AS b, b.name AS b_name, round(ST_Area(ST_Intersection(a.g, b.g)::geography))::int AS m2
     FROM ${INPUT} a JOIN ${INPUT} b ON a.layer = 'regions' AND b.layer = 'regions' AND a.idx < b.idx AND a.key <> b.key AND a.g && b.g
     WHERE ST_Relate(a.g, b.g, '2********') AND ST_Area(ST_Intersection(a.g, b.g)::geography) > ?
     ORDER BY a.idx, b.idx`,
    [toleranceM2],
  );
  return rows.map((r: Record<string, unknown>) => ({ a: r.a, aName: r.a_name, b: r.b, bName: r.b_name, m2: r.m2 }) as { a: number; aName: string; b: number; bName: string; m2: number });
}

/** The area the regions must lie in: the file's area features' union, or the stored one (null: none). */
function areaSql(source: 'input' | 'stored'): string {
  return source === 'input'
    ? `(SELECT ST_Union(g) FROM ${INPUT} WHERE layer = 'area')`
    : `(SELECT service_area::geometry FROM utilities WHERE id = ?)`;
}

/** Region features reaching outside the area by more than the tolerance. */
export async function findRegionsOutside(tx: Runner, utilityId: number, source: 'input' | 'stored', toleranceM2: number): Promise<{ index: number; name: string; m2: number }[]> {
  const { rows } = await tx.raw(
    `WITH area AS (SELECT ${areaSql(source)} AS g)
     SELECT r.idx, r.name, round(ST_Area(ST_Difference(r.g, area.g)::geography))::int AS m2
     FROM ${INPUT} r, area
     WHERE r.layer = 'regions' AND area.g IS NOT NULL AND NOT ST_CoveredBy(r.g, area.g)
       AND ST_Area(ST_Difference(r.g, area.g)::geography) > ?
     ORDER BY r.idx`,
    source === 'stored' ? [utilityId, toleranceM2] : [toleranceM2],
  );
  return rows.map((r: Record<string, unknown>) => ({ index: r.idx, name: r.name, m2: r.m2 }) as { index: number; name: string; m2: number });
}

/** Stored regions (when the file keeps them) reaching outside the file's new area. */
export async function findStoredRegionsOutside(tx: Runner, utilityId: number, toleranceM2: number): Promise<{ id: number; name: string; m2: number }[]> {
  const { rows } = await tx.raw(
    `WITH area AS (SELECT ${areaSql('input')} AS g)
     SELECT s.id, s.name, round(ST_Area(ST_Difference(s.area::geometry, area.g)::geography))::int AS m2
     FROM service_regions s, area
     WHERE s.utility_id = ? AND NOT ST_CoveredBy(s.area::geometry, area.g)
       AND ST_Area(ST_Difference(s.area::geometry, area.g)::geography) > ?
     ORDER BY s.id`,
    [utilityId, toleranceM2],
  );
  return rows.map((r: Record<string, unknown>) => ({ id: r.id, name: r.name, m2: r.m2 }) as { id: number; name: string; m2: number });
}

export async function hasStoredArea(db: Runner, utilityId: number): Promise<boolean> {
  const row = await db('utilities').where({ id: utilityId }).select(db.raw('service_area IS NOT NULL AS has')).first();
  return Boolean(row?.has);
}

export interface InputRegion {
  key: string;
  name: string;
  features: number[];
  km2: number;
}

/** The file's regions: features of one name dissolved into one, with their area. */
export async function inputRegions(tx: Runner): Promise<InputRegion[]> {
  const { rows } = await tx.raw(
    `SELECT key, min(name) AS name, array_agg(idx ORDER BY idx) AS features, ST_Area(ST_Union(g)::geography) / 1e6 AS km2
     FROM ${INPUT} WHERE layer = 'regions' GROUP BY key ORDER BY min(idx)`,
  );
  return rows.map((r: Record<string, unknown>) => ({ key: r.key, name: r.name, features: r.features, km2: Number(r.km2) }) as InputRegion);
}

/** km² of the area the import would leave: the file's area, the regions' union, or the stored one. */
export async function areaKm2(tx: Runner, utilityId: number, source: 'input' | 'union' | 'stored'): Promise<number | null> {
  const sql =
    source === 'input'
      ? `SELECT ST_Area(ST_Union(g)::geography) / 1e6 AS km2 FROM ${INPUT} WHERE layer = 'area'`
      : source === 'union'
        ? `SELECT ST_Area(ST_Union(g)::geography) / 1e6 AS km2 FROM ${INPUT} WHERE layer = 'regions'`
        : `SELECT ST_Area(service_area) / 1e6 AS km2 FROM utilities WHERE id = ?`;
  const { rows } = await tx.raw(sql, source === 'stored' ? [utilityId] : []);
  return rows[0]?.km2 == null ? null : Number(rows[0].km2);
}

export interface StoredRegion {
  id: number;
  code: string;
  name: string;
  tickets: number;
  crews: number;
}

/** The utility's regions with how many tickets and crews refer to each (those are never deleted). */
export async function listStoredRegions(db: Runner, utilityId: number): Promise<StoredRegion[]> {
  const rows = await db('service_regions as s')
    .where('s.utility_id', utilityId)
    .select(
      's.id',
      's.code',
      's.name',
      db.raw('(SELECT count(*) FROM tickets t WHERE t.utility_id = s.utility_id AND t.region_id = s.id)::int AS tickets'),
      db.raw('(SELECT count(*) FROM crews c WHERE c.utility_id = s.utility_id AND c.region_id = s.id)::int AS crews'),
    )
    .orderBy('s.id');
  return rows as StoredRegion[];
}

/** Locks the utility's row: two imports of one utility apply one after the other. */
export async function lockUtilityGeography(tx: Runner, utilityId: number): Promise<void> {
  await tx('utilities').where({ id: utilityId }).forUpdate().select('id');
}

/** Sets the service area from the file's area features, or from the union of its regions. */
export async function storeServiceArea(tx: Runner, utilityId: number, source: 'input' | 'union'): Promise<void> {
  const layer = source === 'input' ? 'area' : 'regions';
  await tx.raw(
    `UPDATE utilities SET service_area = (SELECT ST_Multi(ST_CollectionExtract(ST_Union(g), 3))::geography FROM ${INPUT} WHERE layer = ?) WHERE id = ?`,
    [layer, utilityId],
  );
}

/** Reshapes a stored region in place from the file's features of its name (its id, and every reference to it, stay). */
export async function reshapeRegion(tx: Runner, utilityId: number, id: number, key: string, name: string): Promise<void> {
  await tx.raw(
    `UPDATE service_regions SET name = ?, area = (SELECT ST_Multi(ST_CollectionExtract(ST_Union(g), 3))::geography FROM ${INPUT} WHERE layer = 'regions' AND key = ?)
     WHERE utility_id = ? AND id = ?`,
    [name, key, utilityId, id],
  );
}

export async function insertRegion(tx: Runner, utilityId: number, code: string, key: string, name: string): Promise<number> {
  const { rows } = await tx.raw(
    `INSERT INTO service_regions (utility_id, code, name, area)
     SELECT ?, ?, ?, ST_Multi(ST_CollectionExtract(ST_Union(g), 3))::geography FROM ${INPUT} WHERE layer = 'regions' AND key = ?
     RETURNING id`,
    [utilityId, code, name, key],
  );
  return rows[0].id;
}

export async function deleteRegions(tx: Runner, utilityId: number, ids: number[]): Promise<void> {
  if (ids.length) await tx('service_regions').where({ utility_id: utilityId }).whereIn('id', ids).delete();
}

/** The stored area and regions as GeoJSON for the setup map (unsimplified: the admin edits these shapes). */
export async function storedGeography(db: Runner, utilityId: number): Promise<{ area: unknown; areaKm2: number | null; regions: { id: number; code: string; name: string; km2: number; geometry: unknown }[] }> {
  const area = await db('utilities').where({ id: utilityId }).select(db.raw('ST_AsGeoJSON(service_area, 7)::json AS geometry'), db.raw('ST_Area(service_area) / 1e6 AS km2')).first();
  const regions = await db('service_regions')
    .where({ utility_id: utilityId })
    .select('id', 'code', 'name', db.raw('ST_Area(area) / 1e6 AS km2'), db.raw('ST_AsGeoJSON(area, 7)::json AS geometry'))
    .orderBy('id');
  return {
    area: area?.geometry ?? null,
    areaKm2: area?.km2 == null ? null : Number(area.km2),
    regions: regions.map((r) => ({ id: r.id, code: r.code, name: r.name, km2: Number(r.km2), geometry: r.geometry })),
  };
}
