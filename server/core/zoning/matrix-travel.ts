/**
 * Travel on a road network, as the planner sees it: a `TravelModel` over one
 * day's point set (tickets, bases, crew positions) backed by integer metres
 * and seconds matrices (row-major, from the road graph: one-way streets make
 * them asymmetric). A point outside the set, or a pair the network has no
 * path for (-1), falls back to the straight-line model.
 *
 * Its detourFactor and speedKmh are the network's effective ones, measured on
 * the set (road metres over straight-line metres, road metres over road
 * seconds), so the estimates that still use a factor (zone sizes, the worth
 * of a ticket in seconds) follow the streets.
 *
 * Pure: typed arrays in, lookups out.
 */
import { createTravelModel, haversineMetres, type LatLon, type Leg, type TravelModel } from './travel.js';

/** What a matrix model is built from; also what crosses a thread boundary (typed arrays, no functions). */
export interface TravelMatrixData {
  /** The point set, lat and lon per point. */
  lat: Float64Array;
  lon: Float64Array;
  /** Row-major n x n road metres and seconds from point i to point j; -1: no path. */
  distances: Int32Array;
  durations: Int32Array;
  /** The straight-line model for points outside the set and pairs without a path. */
  fallback: { detourFactor: number; speedKmh: number };
}

/** A matrix model's own view: its data and the index of a point in the set (-1: not in it). */
export interface TravelMatrix extends TravelMatrixData {
  size: number;
  indexOf(p: LatLon): number;
}

export const MATRIX_TRAVEL_DEFAULTS = {
  /** Pairs closer than this (straight line) do not count in the effective detour factor: a few metres of snapping would swamp it. */
  minPairMetres: 200,
  /** Most pairs the effective factors are measured on (a stride through the matrix beyond that). */
  samplePairs: 200_000,
};

/** The key of a point: its coordinates to the micro-degree (about 0.1 m). */
export const pointKey = (lat: number, lon: number) => `${Math.round(lat * 1e6)},${Math.round(lon * 1e6)}`;

/** Road / straight-line metres and road km/h over the set's pairs (null when no pair counts). */
export function effectiveFactors(data: Pick<TravelMatrixData, 'lat' | 'lon' | 'distances' | 'durations'>): { detourFactor: number; speedKmh: number } | null {
  const n = data.lat.length;
  const pairs = n * (n - 1);
  const stride = Math.max(1, Math.floor(pairs / MATRIX_TRAVEL_DEFAULTS.samplePairs));
  let road = 0;
  let straight = 0;
  let seconds = 0;
  for (let q = 0; q < n * n; q += stride) {
    const i = Math.floor(q / n);
    const j = q - i * n;
    if (i === j) continue;
    const m = data.distances[q];
    const s = data.durations[q];
    if (m < 0 || s <= 0) continue;
    const line = haversineMetres(data.lat[i], data.lon[i], data.lat[j], data.lon[j]);
    if (line < MATRIX_TRAVEL_DEFAULTS.minPairMetres) continue;
    road += m;
    straight += line;
    seconds += s;
  }
  if (straight === 0 || seconds === 0) return null;
  return { detourFactor: Math.max(1, road / straight), speedKmh: (road / seconds) * 3.6 };
}

export function createMatrixTravelModel(data: TravelMatrixData): TravelModel {
  const { lat, lon, distances, durations } = data;
  const n = lat.length;
  if (lon.length !== n || distances.length !== n * n || durations.length !== n * n) throw new RangeError('a matrix model needs n points and n x n distances and durations');
  const fallback = createTravelModel(data.fallback);
  const effective = effectiveFactors(data) ?? data.fallback;
  const byKey = new Map<string, number>();
  for (let i = n - 1; i >= 0; i--) byKey.set(pointKey(lat[i], lon[i]), i);
  // The planner asks with the same objects again and again: the key is built once per object.
  const seen = new WeakMap<LatLon, number>();
  const indexOf = (p: LatLon): number => {
    let i = seen.get(p);
    if (i === undefined) {
      i = byKey.get(pointKey(p.lat, p.lon)) ?? -1;
      seen.set(p, i);
    }
    return i;
  };
  const metresPerSecond = (effective.speedKmh * 1000) / 3600;
  const leg = (a: LatLon, b: LatLon, out: Leg): void => {
    const i = indexOf(a);
    const j = indexOf(b);
    if (i >= 0 && j >= 0) {
      if (i === j) {
        out.metres = 0;
        out.seconds = 0;
        return;
      }
      const m = distances[i * n + j];
      const s = durations[i * n + j];
      if (m >= 0 && s >= 0) {
        out.metres = m;
        out.seconds = s;
        return;
      }
    }
    fallback.leg!(a, b, out);
  };
  const scratch: Leg = { metres: 0, seconds: 0 };
  const matrix: TravelMatrix = { ...data, size: n, indexOf };
  return {
    detourFactor: effective.detourFactor,
    speedKmh: effective.speedKmh,
    metres(a, b) {
      leg(a, b, scratch);
      return scratch.metres;
    },
    seconds(a, b) {
      leg(a, b, scratch);
      return scratch.seconds;
    },
    secondsForMetres: (m) => Math.round(m / metresPerSecond),
    leg,
    matrix,
  };
}
