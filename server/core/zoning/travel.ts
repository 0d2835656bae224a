/**
 * Travel estimates without a road graph: straight-line (haversine) distance
 * times the utility's detour factor, driven at its city speed. Integer metres
 * and seconds, as the solver wants them.
 *
 * A road-network source would implement the same `TravelModel`; the planner
 * never looks past it. The matrices handed to the routing core are built from
 * the same model (not the core's own matrixFromLatLon), so that a trip the
 * solver found feasible times out identically here, to the second.
 */
import { haversineMetres } from '../routing/index.js';
import type { TravelMatrix } from './matrix-travel.js';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface TravelModel {
  /** Road distance / straight-line distance. */
  detourFactor: number;
  /** Average driving speed, km/h. */
  speedKmh: number;
  /** Road metres from a to b (estimated). */
  metres(a: LatLon, b: LatLon): number;
  /** Driving seconds from a to b (estimated). */
  seconds(a: LatLon, b: LatLon): number;
  /** Seconds for a given number of road metres. */
  secondsForMetres(metres: number): number;
  /** Optional: metres and seconds of one leg at once (the same values as metres() and seconds(), half the work). */
  leg?(a: LatLon, b: LatLon, out: Leg): void;
  /**
   * A road-network model (matrix-travel.ts): its matrices over the day's points. Absent: the straight-line
   * model, whose legs are the same both ways and proportional to the straight line (shortcuts rely on it).
   */
  matrix?: TravelMatrix;
}

export interface Leg {
  metres: number;
  seconds: number;
}

export { haversineMetres };

export function createTravelModel(options: { detourFactor: number; speedKmh: number }): TravelModel {
  const { detourFactor, speedKmh } = options;
  if (!(detourFactor >= 1) || !(speedKmh > 0)) throw new RangeError('detourFactor must be >= 1 and speedKmh > 0');
  const metresPerSecond = (speedKmh * 1000) / 3600;
  const metres = (a: LatLon, b: LatLon) => Math.round(haversineMetres(a.lat, a.lon, b.lat, b.lon) * detourFactor);
  const secondsForMetres = (m: number) => Math.round(m / metresPerSecond);
  // Seconds from the unrounded road distance (not from the rounded metres): each leg rounded once.
  const seconds = (a: LatLon, b: LatLon) => Math.round((haversineMetres(a.lat, a.lon, b.lat, b.lon) * detourFactor) / metresPerSecond);
  const leg = (a: LatLon, b: LatLon, out: Leg) => {
    const road = haversineMetres(a.lat, a.lon, b.lat, b.lon) * detourFactor;
    out.metres = Math.round(road);
    out.seconds = Math.round(road / metresPerSecond);
  };
  return { detourFactor, speedKmh, metres, seconds, secondsForMetres, leg };
}

/** Integer matrices (row-major) over the points, for the routing core (asymmetric on a road network). */
export function travelMatrices(points: readonly LatLon[], travel: TravelModel): { distances: Int32Array; durations: Int32Array } {
  const n = points.length;
  const distances = new Int32Array(n * n);
  const durations = new Int32Array(n * n);
  if (travel.matrix) {
    const leg: Leg = { metres: 0, seconds: 0 };
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        travel.leg!(points[i], points[j], leg);
        distances[i * n + j] = leg.metres;
        durations[i * n + j] = leg.seconds;
      }
    }
    return { distances, durations };
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = travel.metres(points[i], points[j]);
      const s = travel.seconds(points[i], points[j]);
      distances[i * n + j] = m;
      distances[j * n + i] = m;
      durations[i * n + j] = s;
      durations[j * n + i] = s;
    }
  }
  return { distances, durations };
}
