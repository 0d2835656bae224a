/**
 * Planning on a road network's matrices (core/zoning/matrix-travel.ts): the
 * model reads its matrices for the day's points and falls back to straight
 * lines elsewhere; the planner's trips are feasible on the matrix, timed leg
 * by leg from it, and driven the cheap way round a one-way loop.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDay } from '../../../server/core/planning/plan-day.js';
import type { PlanCrew, PlanInput, PlanTicket } from '../../../server/core/planning/model.js';
import { createMatrixTravelModel, effectiveFactors, type TravelMatrixData } from '../../../server/core/zoning/matrix-travel.js';
import { createTravelModel, haversineMetres, travelMatrices, type LatLon } from '../../../server/core/zoning/travel.js';
import { createRandom } from '../../../fixtures/generate.js';

const FALLBACK = { detourFactor: 1.35, speedKmh: 20 };

/**
 * A synthetic street network over the points: arcs to each point's nearest few, some of them one-way
 * (`oneWayShare`), driven at `kmh`; shortest paths by seconds (Floyd-Warshall), metres along them.
 */
function roadMatrixOf(points: readonly LatLon[], random: () => number, oneWayShare = 0.3, kmh = 25): TravelMatrixData {
  const n = points.length;
  const INF = 2 ** 30;
  const dur = new Float64Array(n * n).fill(INF);
  const dist = new Float64Array(n * n).fill(INF);
  for (let i = 0; i < n; i++) {
    dur[i * n + i] = 0;
    dist[i * n + i] = 0;
    const near = points.map((p, j) => ({ j, d: haversineMetres(points[i].lat, points[i].lon, p.lat, p.lon) })).filter((x) => x.j !== i).sort((a, b) => a.d - b.d).slice(0, 3);
    for (const { j, d } of near) {
      const m = Math.round(d * 1.2) + 1;
      const s = Math.round(m / ((kmh * 1000) / 3600)) + 1;
      dur[i * n + j] = Math.min(dur[i * n + j], s);
      dist[i * n + j] = dur[i * n + j] === s ? m : dist[i * n + j];
      if (random() >= oneWayShare) {
        dur[j * n + i] = Math.min(dur[j * n + i], s);
        dist[j * n + i] = dur[j * n + i] === s ? m : dist[j * n + i];
      }
    }
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const ik = dur[i * n + k];
      if (ik >= INF) continue;
      for (let j = 0; j < n; j++) {
        const via = ik + dur[k * n + j];
        if (via < dur[i * n + j]) {
          dur[i * n + j] = via;
          dist[i * n + j] = dist[i * n + k] + dist[k * n + j];
        }
      }
    }
  }
  const toInt = (a: Float64Array) => Int32Array.from(a, (v) => (v >= INF ? -1 : v));
  return dataOf(points, toInt(dist), toInt(dur));
}

/** A matrix model's data over the points, metres and seconds row-major (-1: no path). */
const dataOf = (points: readonly LatLon[], distances: ArrayLike<number>, durations: ArrayLike<number>): TravelMatrixData => ({
  lat: Float64Array.from(points, (p) => p.lat),
  lon: Float64Array.from(points, (p) => p.lon),
  distances: Int32Array.from(distances),
  durations: Int32Array.from(durations),
  fallback: FALLBACK,
});

const at = (lat: number, lon: number): LatLon => ({ lat, lon });

describe('matrix travel model', () => {
  const points = [at(-1.27, 116.83), at(-1.26, 116.84), at(-1.25, 116.85)];
  // A one-way loop: 0 -> 1 -> 2 -> 0 quick, the other way round slow.
  const data = dataOf(points, [0, 2000, 4000, 6000, 0, 2000, 2500, 4500, 0], [0, 300, 600, 900, 0, 300, 360, 660, 0]);

  it('reads its matrices for the set (by value, not only by object), both directions apart', () => {
    const travel = createMatrixTravelModel(data);
    expect(travel.seconds(points[0], points[1])).toBe(300);
    expect(travel.seconds(points[1], points[0])).toBe(900);
    expect(travel.metres(at(-1.26, 116.84), at(-1.25, 116.85))).toBe(2000);
    const leg = { metres: 0, seconds: 0 };
    travel.leg!(points[2], points[1], leg);
    expect(leg).toEqual({ metres: 4500, seconds: 660 });
    expect(travel.seconds(points[1], { ...points[1] })).toBe(0);
    expect(travel.matrix?.indexOf(at(-1.25, 116.85))).toBe(2);
  });

  it('falls back to the straight line for a point outside the set and for a pair without a path', () => {
    const straight = createTravelModel(FALLBACK);
    const outside = at(-1.255, 116.86);
    const travel = createMatrixTravelModel(data);
    expect(travel.matrix?.indexOf(outside)).toBe(-1);
    expect(travel.metres(points[0], outside)).toBe(straight.metres(points[0], outside));
    expect(travel.seconds(outside, points[2])).toBe(straight.seconds(outside, points[2]));
    const noPath = createMatrixTravelModel({ ...data, durations: Int32Array.from([0, -1, 600, 900, 0, 300, 360, 660, 0]), distances: Int32Array.from([0, -1, 4000, 6000, 0, 2000, 2500, 4500, 0]) });
    expect(noPath.seconds(points[0], points[1])).toBe(straight.seconds(points[0], points[1]));
    expect(noPath.seconds(points[1], points[0])).toBe(900);
  });

  it('measures its effective detour factor and speed on the set', () => {
    const random = createRandom(7);
    const pts = Array.from({ length: 40 }, () => at(-1.28 + random() * 0.03, 116.81 + random() * 0.06));
    const n = pts.length;
    // Roads exactly 1.6 x the straight line at 30 km/h.
    const distances = new Int32Array(n * n);
    const durations = new Int32Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const m = 1.6 * haversineMetres(pts[i].lat, pts[i].lon, pts[j].lat, pts[j].lon);
        distances[i * n + j] = Math.round(m);
        durations[i * n + j] = Math.round(m / (30 / 3.6));
      }
    }
    const travel = createMatrixTravelModel(dataOf(pts, distances, durations));
    expect(travel.detourFactor).toBeCloseTo(1.6, 2);
    expect(travel.speedKmh).toBeCloseTo(30, 1);
    expect(travel.secondsForMetres(3000)).toBe(360);
    // No pair far enough apart to count: the fallback's factors.
    expect(effectiveFactors({ lat: Float64Array.of(0, 0), lon: Float64Array.of(0, 0), distances: new Int32Array(4), durations: new Int32Array(4) })).toBeNull();
    expect(createMatrixTravelModel({ ...data, lat: Float64Array.of(0, 0, 0), lon: Float64Array.of(0, 0, 0) }).detourFactor).toBe(FALLBACK.detourFactor);
  });

  it('gives the routing core asymmetric matrices (one-way streets)', () => {
    const travel = createMatrixTravelModel(data);
    const m = travelMatrices(points, travel);
    expect(Array.from(m.durations)).toEqual(Array.from(data.durations));
    expect(Array.from(m.distances)).toEqual(Array.from(data.distances));
  });

  it('refuses matrices of the wrong size', () => {
    expect(() => createMatrixTravelModel({ ...data, durations: new Int32Array(4) })).toThrow(RangeError);
  });
});

const SHIFT = { start: 8 * 3600, end: 16 * 3600 };

function inputOf(travel: PlanInput['travel'], tickets: PlanTicket[], crews: PlanCrew[], budgetMs = 300): PlanInput {
  let ticks = 0;
  return { tickets, crews, travel, objective: 'distance', resolution: 8, maxReachMetres: 50_000, budgetMs, clockMs: () => ticks++, seed: 3 };
}

const ticketAt = (id: number, p: LatLon, serviceSeconds = 1800): PlanTicket => ({ id, lat: p.lat, lon: p.lon, priority: 'normal', serviceSeconds, dueSeconds: null, receivedSeconds: id });

describe('planning on a road matrix', () => {
  it('drives a one-way loop the way it may be driven', () => {
    // Base 0, tickets at 1 and 2: 0 -> 1 -> 2 -> 0 is 900 s, the other way round 2,160 s.
    const pts = [at(-1.27, 116.83), at(-1.26, 116.84), at(-1.25, 116.85)];
    const data = dataOf(pts, [0, 2000, 9000, 9000, 0, 2000, 2000, 9000, 0], [0, 300, 720, 720, 0, 300, 300, 720, 0]);
    const travel = createMatrixTravelModel(data);
    const plan = planDay(inputOf(travel, [ticketAt(1, pts[2]), ticketAt(2, pts[1])], [{ id: 1, base: pts[0], shiftStartSeconds: SHIFT.start, shiftEndSeconds: SHIFT.end, capacityJobs: null }]));
    const r = plan.routes[0];
    expect(r.stops.map((s) => s.ticket)).toEqual([1, 0]);
    expect(r.distanceMetres).toBe(6000);
    expect(r.travelSeconds).toBe(900);
    // The straight-line model sees no direction: it may take either.
    expect(createTravelModel(FALLBACK).seconds(pts[0], pts[1])).toBe(createTravelModel(FALLBACK).seconds(pts[1], pts[0]));
  });

  it('property: every trip is feasible on the matrix and timed leg by leg from it (light and over-full days)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 3, max: 40 }), fc.boolean(), (seed, crewCount, ticketCount, long) => {
        const random = createRandom(seed);
        const pts = Array.from({ length: crewCount + ticketCount }, () => at(-1.28 + random() * 0.03, 116.81 + random() * 0.06));
        const data = roadMatrixOf(pts, random);
        const travel = createMatrixTravelModel(data);
        const n = pts.length;
        const crews: PlanCrew[] = pts.slice(0, crewCount).map((base, k) => ({ id: k + 1, base, shiftStartSeconds: SHIFT.start, shiftEndSeconds: SHIFT.end, capacityJobs: k === 0 ? 6 : null }));
        const tickets = pts.slice(crewCount).map((p, i) => ({ ...ticketAt(i + 1, p, long ? 3600 + Math.floor(random() * 3600) : 900), priority: random() < 0.15 ? ('high' as const) : ('normal' as const) }));
        const plan = planDay(inputOf(travel, tickets, crews));
        const leg = (a: number, b: number) => ({ s: data.durations[a * n + b], m: data.distances[a * n + b] });
        const seen = new Set<number>();
        for (const r of plan.routes) {
          const k = r.crew;
          let at0 = k;
          let t = r.startSeconds;
          let metres = 0;
          let seconds = 0;
          for (const s of r.stops) {
            expect(seen.has(s.ticket)).toBe(false);
            seen.add(s.ticket);
            const to = crewCount + s.ticket;
            const l = leg(at0, to);
            // An unreachable pair would fall back to straight lines: none here, the loop is strongly connected or the pair is skipped.
            if (l.s >= 0) {
              expect(s.travelSeconds).toBe(l.s);
              expect(s.distanceMetres).toBe(l.m);
            }
            t += s.travelSeconds;
            expect(s.arrivalSeconds).toBe(t);
            t += s.serviceSeconds;
            metres += s.distanceMetres;
            seconds += s.travelSeconds;
            at0 = to;
          }
          if (r.stops.length > 0) {
            const back = leg(at0, k);
            if (back.s >= 0) expect(r.endSeconds).toBe(t + back.s);
            metres += back.s >= 0 ? back.m : 0;
            seconds += back.s >= 0 ? back.s : 0;
            if (back.s >= 0 && r.stops.every((s, q) => leg(q === 0 ? k : crewCount + r.stops[q - 1].ticket, crewCount + s.ticket).s >= 0)) {
              expect(r.distanceMetres).toBe(metres);
              expect(r.travelSeconds).toBe(seconds);
            }
          }
          expect(r.endSeconds).toBeLessThanOrEqual(crews[k].shiftEndSeconds);
          if (crews[k].capacityJobs !== null) expect(r.stops.length).toBeLessThanOrEqual(crews[k].capacityJobs!);
        }
        for (const u of plan.unplanned) {
          expect(seen.has(u.ticket)).toBe(false);
          seen.add(u.ticket);
        }
        expect(seen.size).toBe(tickets.length);
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});
