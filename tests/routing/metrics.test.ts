import { describe, expect, it } from 'vitest';
import {
  attDistance,
  ceil2dDistance,
  euc2dDistance,
  haversineMetres,
  haversineTravelSource,
  matrixFromCoordinates,
  matrixFromLatLon,
} from '../../server/core/routing/index.js';

describe('TSPLIB metrics', () => {
  it('rounds EUC_2D to the nearest integer and CEIL_2D up', () => {
    expect(euc2dDistance(0, 0, 3, 4)).toBe(5);
    expect(euc2dDistance(0, 0, 1, 1)).toBe(1); // 1.414
    expect(euc2dDistance(0, 0, 1.5, 1.5)).toBe(2); // 2.121
    expect(ceil2dDistance(0, 0, 1, 1)).toBe(2);
    expect(ceil2dDistance(0, 0, 3, 4)).toBe(5);
  });

  it('rounds ATT pseudo-Euclidean distances up', () => {
    // sqrt(100/10) = 3.162 -> nint 3 < 3.162 -> 4
    expect(attDistance(0, 0, 10, 0)).toBe(4);
    // sqrt((100 + 900) / 10) = 10 exactly
    expect(attDistance(0, 0, 10, 30)).toBe(10);
  });

  it('truncates GEO degrees (ulysses22 style DDD.MM)', () => {
    const m = matrixFromCoordinates([38.24, 39.57], [20.42, 26.15], 'GEO');
    expect(m[1]).toBe(m[2]);
    expect(m[1]).toBeGreaterThan(450);
    expect(m[1]).toBeLessThan(550);
  });
});

describe('real coordinates', () => {
  it('gives one degree of longitude on the equator as ~111.2 km', () => {
    expect(haversineMetres(0, 0, 0, 1)).toBeCloseTo(111195, 0);
    expect(haversineMetres(-6.2, 106.8, -6.2, 106.8)).toBe(0);
  });

  it('builds metres with the detour factor and seconds at the speed', () => {
    const points = [
      { lat: -6.2, lon: 106.8 },
      { lat: -6.21, lon: 106.81 },
      { lat: -6.25, lon: 106.9 },
    ];
    const { distances, durations } = matrixFromLatLon(points, { detourFactor: 1.5, speedKmh: 36 });
    const straight = haversineMetres(-6.2, 106.8, -6.21, 106.81);
    expect(distances[1]).toBe(Math.round(straight * 1.5));
    expect(durations[1]).toBe(Math.round((straight * 1.5) / 10)); // 36 km/h = 10 m/s
    expect(distances[3]).toBe(distances[1]);
    expect(distances[0]).toBe(0);
    const defaults = matrixFromLatLon(points);
    expect(defaults.distances[1]).toBe(Math.round(straight * 1.35));
  });
});

describe('travel-time source', () => {
  it('gives the haversine matrices behind the TravelTimeSource interface', async () => {
    const points = [
      { lat: -6.9, lon: 107.6 },
      { lat: -6.91, lon: 107.62 },
    ];
    const source = haversineTravelSource({ speedKmh: 30 });
    expect(source.name).toBe('haversine');
    const m = await source.matrix(points);
    expect(m).toEqual(matrixFromLatLon(points, { speedKmh: 30 }));
    expect(m.durations[1]).toBeGreaterThan(0);
  });
});
