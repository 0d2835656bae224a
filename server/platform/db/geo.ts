import type { Knex } from 'knex';
import type { Runner } from './knex.js';

/** A WGS84 point as geography, parameterised (lon, lat order as PostGIS wants). */
export function geographyPoint(db: Runner, lon: number, lat: number): Knex.Raw {
  return db.raw('ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography', [lon, lat]);
}

/** A GeoJSON geometry (Polygon or MultiPolygon) as geography(MultiPolygon). */
export function geographyMultiPolygon(db: Runner, geometry: unknown): Knex.Raw {
  return db.raw('ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))::geography', [JSON.stringify(geometry)]);
}

export interface LatLon {
  lat: number;
  lon: number;
}
