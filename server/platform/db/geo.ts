/**
 * PostGIS expressions through knex-postgis, so repositories do not spell the
 * same SQL by hand. Coordinates are WGS84 (SRID 4326) everywhere; locations
 * are stored as geography.
 */
import type { Knex } from 'knex';
import knexPostgis from 'knex-postgis';
import type { Runner } from './knex.js';

type Postgis = ReturnType<typeof knexPostgis>;
const cache = new WeakMap<object, Postgis>();

/** The knex-postgis function set bound to a runner's client (one per client). */
export function postgis(db: Runner): Postgis {
  const client = (db as unknown as { client: object }).client;
  let st = cache.get(client);
  if (!st) {
    st = knexPostgis(db as Knex);
    cache.set(client, st);
  }
  return st;
}

/**
 * `lat` and `lon` (or `<prefix>lat`, `<prefix>lon`) columns of a geography
 * point column, for a select list: `.select('*', ...latLonOf(db, 't.location'))`.
 */
export function latLonOf(db: Runner, column: string, prefix = ''): [Knex.Raw, Knex.Raw] {
  const st = postgis(db);
  return [st.y(st.geometry(column)).as(`${prefix}lat`), st.x(st.geometry(column)).as(`${prefix}lon`)];
}

/** A WGS84 point as geography (lon, lat order as PostGIS wants). */
export function geographyPoint(db: Runner, lon: number, lat: number): Knex.Raw {
  const st = postgis(db);
  return st.geography(st.setSRID(st.makePoint(lon, lat), 4326));
}

/** A GeoJSON geometry (Polygon or MultiPolygon) as geography(MultiPolygon). */
export function geographyMultiPolygon(db: Runner, geometry: unknown): Knex.Raw {
  return db.raw('ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))::geography', [JSON.stringify(geometry)]);
}

export interface LatLon {
  lat: number;
  lon: number;
}
