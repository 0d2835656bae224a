/**
 * Distance functions and matrix builders. The solvers see only integer
 * matrices (Int32Array, row-major); these helpers make them from coordinates.
 *
 * TSPLIB conventions follow bench/instances/tsplib/README.md exactly: integer
 * per-edge distances, `Math.sqrt(dx*dx + dy*dy)` (not Math.hypot), GEO with
 * truncated degrees and PI = 3.141592.
 */

export type TsplibMetric = 'EUC_2D' | 'CEIL_2D' | 'GEO' | 'ATT';

export const TSPLIB_METRICS: readonly TsplibMetric[] = ['EUC_2D', 'CEIL_2D', 'GEO', 'ATT'];

export function isTsplibMetric(name: string): name is TsplibMetric {
  return (TSPLIB_METRICS as readonly string[]).includes(name);
}

export function euc2dDistance(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
}

export function ceil2dDistance(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return Math.ceil(Math.sqrt(dx * dx + dy * dy));
}

export function attDistance(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  const r = Math.sqrt((dx * dx + dy * dy) / 10);
  const t = Math.floor(r + 0.5);
  return t < r ? t + 1 : t;
}

const GEO_PI = 3.141592;
const GEO_EARTH_RADIUS_KM = 6378.388;

/** TSPLIB GEO coordinate (DDD.MM, degrees then minutes) to radians. */
export function tsplibGeoToRadians(value: number): number {
  const deg = Math.trunc(value);
  const min = value - deg;
  return (GEO_PI * (deg + (5.0 * min) / 3.0)) / 180.0;
}

/** TSPLIB GEO distance; arguments are already in radians (see tsplibGeoToRadians). */
export function geoDistanceRadians(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const q1 = Math.cos(lon1 - lon2);
  const q2 = Math.cos(lat1 - lat2);
  const q3 = Math.cos(lat1 + lat2);
  return Math.trunc(GEO_EARTH_RADIUS_KM * Math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
}

/** Integer distance matrix for points (xs[i], ys[i]) under a TSPLIB metric. */
export function matrixFromCoordinates(xs: ArrayLike<number>, ys: ArrayLike<number>, metric: TsplibMetric): Int32Array {
  const n = xs.length;
  const out = new Int32Array(n * n);
  if (metric === 'GEO') {
    const lat = new Float64Array(n);
    const lon = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lat[i] = tsplibGeoToRadians(xs[i]);
      lon[i] = tsplibGeoToRadians(ys[i]);
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = geoDistanceRadians(lat[i], lon[i], lat[j], lon[j]);
        out[i * n + j] = d;
        out[j * n + i] = d;
      }
    }
    return out;
  }
  const f = metric === 'EUC_2D' ? euc2dDistance : metric === 'CEIL_2D' ? ceil2dDistance : attDistance;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = f(xs[i], ys[i], xs[j], ys[j]);
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return out;
}

const EARTH_RADIUS_METRES = 6371008.8;

/** Great-circle distance in metres (mean Earth radius). */
export function haversineMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const a = s1 * s1 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * s2 * s2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface LatLon {
  lat: number;
  lon: number;
}

export interface LatLonMatrixOptions {
  /** Road distance / straight-line distance. */
  detourFactor?: number;
  /** Average travel speed on the road, km/h. */
  speedKmh?: number;
}

/** Defaults for matrixFromLatLon: a motorbike crew in city traffic. */
export const LAT_LON_MATRIX_DEFAULTS: Required<LatLonMatrixOptions> = {
  detourFactor: 1.35,
  speedKmh: 20,
};

/**
 * Road-distance estimate (metres) and travel time (seconds) between every pair
 * of points: haversine x detour factor, at a constant speed. Both rounded to
 * integers, symmetric, zero diagonal.
 */
export function matrixFromLatLon(
  points: readonly LatLon[],
  options: LatLonMatrixOptions = {},
): { distances: Int32Array; durations: Int32Array } {
  const { detourFactor, speedKmh } = { ...LAT_LON_MATRIX_DEFAULTS, ...options };
  if (!(detourFactor > 0) || !(speedKmh > 0)) throw new RangeError('detourFactor and speedKmh must be positive');
  const n = points.length;
  const distances = new Int32Array(n * n);
  const durations = new Int32Array(n * n);
  const metresPerSecond = (speedKmh * 1000) / 3600;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const metres = haversineMetres(points[i].lat, points[i].lon, points[j].lat, points[j].lon) * detourFactor;
      const d = Math.round(metres);
      const t = Math.round(metres / metresPerSecond);
      distances[i * n + j] = distances[j * n + i] = d;
      durations[i * n + j] = durations[j * n + i] = t;
    }
  }
  return { distances, durations };
}

/** Length of a closed tour (visits tour[0..], returns to tour[0]). */
export function tourLength(matrix: Int32Array, n: number, tour: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < tour.length; i++) {
    const a = tour[i];
    const b = tour[i + 1 === tour.length ? 0 : i + 1];
    total += matrix[a * n + b];
  }
  return total;
}
