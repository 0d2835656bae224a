/**
 * The one interface every travel-time source implements (straight-line
 * estimate here; a road-network engine elsewhere, behind the same shape).
 * Solvers never see a source, only the integer matrices it returns.
 */
import { matrixFromLatLon, type LatLon, type LatLonMatrixOptions } from './base/metrics.js';

export interface TravelMatrix {
  /** Metres, row-major points x points. */
  distances: Int32Array;
  /** Seconds, row-major points x points; negative = no path. */
  durations: Int32Array;
}

export interface TravelTimeSource {
  readonly name: string;
  matrix(points: readonly LatLon[]): Promise<TravelMatrix>;
}

/** Haversine x detour factor at a constant speed (see matrixFromLatLon). */
export function haversineTravelSource(options: LatLonMatrixOptions = {}): TravelTimeSource {
  return {
    name: 'haversine',
    matrix: (points) => Promise.resolve(matrixFromLatLon(points, options)),
  };
}
