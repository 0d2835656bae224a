/**
 * The solver pool runs planDay in a worker thread (TypeScript loaded by tsx
 * in the thread): the same plan as in-thread for the same fixed work,
 * progress up to every crew, and a cancelled solve rejects with its code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { planDay } from '../../../server/core/planning/plan-day.js';
import type { PlanCrew, PlanTicket } from '../../../server/core/planning/model.js';
import { createMatrixTravelModel } from '../../../server/core/zoning/matrix-travel.js';
import { createTravelModel, haversineMetres } from '../../../server/core/zoning/travel.js';
import { createSolverPool, sharedMatrixData, SolveCancelledError, type SolveInput } from '../../../server/platform/solver/pool.js';

const H = 3600;
const settings = { detourFactor: 1.3, speedKmh: 25 };

function day(tickets: number, crews: number): SolveInput {
  let x = 12345;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const at = () => ({ lat: -5.2 + random() * 0.12, lon: 119.4 + random() * 0.1 });
  const c: PlanCrew[] = Array.from({ length: crews }, (_, k) => ({ id: k + 1, base: at(), shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null }));
  const t: PlanTicket[] = Array.from({ length: tickets }, (_, i) => ({ id: i + 1, ...at(), priority: i % 17 === 0 ? 'high' : 'normal', serviceSeconds: 1800, dueSeconds: null, receivedSeconds: i }));
  // A fixed amount of work (no clock in the way): both runs do the same iterations.
  return { tickets: t, crews: c, travel: settings, objective: 'distance', resolution: 8, maxReachMetres: 40_000, budgetMs: 1e9, iterationScale: 0.2 };
}

const pool = createSolverPool({ threads: 1, idleTimeoutMs: 5_000 });
afterAll(() => pool.close());

describe('solver pool', () => {
  it('plans in a worker thread what planDay plans in this one, with progress up to every crew', async () => {
    const input = day(120, 6);
    const progress: number[] = [];
    const kinds: string[] = [];
    const steps: string[] = [];
    const plan = await pool.solve(input, {
      onProgress: (p) => {
        kinds.push(p.kind);
        if (p.kind === 'groups') progress.push(p.done / p.total);
        if (p.kind === 'step') steps.push(p.step);
      },
    });
    const here = planDay({ ...input, travel: createTravelModel(settings) });
    expect(plan.routes.map((r) => r.stops.map((s) => s.ticket))).toEqual(here.routes.map((r) => r.stops.map((s) => s.ticket)));
    expect(plan.unplanned).toEqual(here.unplanned);
    expect(plan.routes.reduce((s, r) => s + r.stops.length, 0)).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    // In line first (a free thread: first), then the planner's start, its steps in order, then solved.
    expect(kinds[0]).toBe('queued');
    expect(kinds.indexOf('started')).toBeGreaterThan(0);
    expect(kinds.at(-1)).toBe('solved');
    expect(steps).toEqual(['screen', 'urgent', 'zones', 'groups', 'fill', 'upgrade', 'improve', 'refine']);
  });

  it('tells a solve waiting for the one thread its place in line, and when it starts', async () => {
    const events: string[][] = [[], [], []];
    const runs = [0, 1, 2].map((n) =>
      pool.solve(day(60, 3), { onProgress: (p) => events[n].push(p.kind === 'queued' ? `queued ${p.position}` : p.kind === 'started' ? 'started' : p.kind) }),
    );
    await Promise.all(runs);
    // The third is third in line while the first two wait or run, then second, then first, then it starts.
    expect(events[2].filter((e) => e.startsWith('queued') || e === 'started')).toEqual(['queued 3', 'queued 2', 'queued 1', 'started']);
    expect(events[0].filter((e) => e.startsWith('queued') || e === 'started')).toEqual(['queued 1', 'started']);
    for (const e of events) expect(e.at(-1)).toBe('solved');
  });

  it('plans on a road matrix in shared memory what planDay plans in this one (one-way legs kept)', async () => {
    const input = day(60, 3);
    const points = [...input.crews.map((c) => c.base), ...input.tickets];
    const n = points.length;
    const distances = new Int32Array(n * n);
    const durations = new Int32Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        // Northbound legs 1.2 x the straight line, southbound 1.6 x: an asymmetric network.
        const m = Math.round(haversineMetres(points[i].lat, points[i].lon, points[j].lat, points[j].lon) * (points[j].lat > points[i].lat ? 1.2 : 1.6));
        distances[i * n + j] = m;
        durations[i * n + j] = Math.round(m / (22 / 3.6));
      }
    }
    const matrix = sharedMatrixData({ lat: Float64Array.from(points, (p) => p.lat), lon: Float64Array.from(points, (p) => p.lon), distances, durations, fallback: settings });
    expect(matrix.durations.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(sharedMatrixData(matrix).durations).toBe(matrix.durations);
    const travel = createMatrixTravelModel(matrix);
    const plan = await pool.solve({ ...input, travel: { detourFactor: travel.detourFactor, speedKmh: travel.speedKmh, matrix } });
    const here = planDay({ ...input, travel });
    expect(plan.routes.map((r) => r.stops.map((s) => s.ticket))).toEqual(here.routes.map((r) => r.stops.map((s) => s.ticket)));
    expect(plan.routes.map((r) => r.distanceMetres)).toEqual(here.routes.map((r) => r.distanceMetres));
    const r = plan.routes.find((x) => x.stops.length > 0)!;
    const first = input.tickets[r.stops[0].ticket];
    expect(r.stops[0].distanceMetres).toBe(travel.metres(input.crews[r.crew].base, first));
  });

  it('stops a solve when its signal aborts (SOLVE_CANCELLED), and the pool still solves after', async () => {
    const controller = new AbortController();
    const running = pool.solve({ ...day(400, 20), iterationScale: 2 }, { signal: controller.signal, onProgress: (p) => p.kind === 'groups' && controller.abort() });
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SolveCancelledError);
    expect((error as SolveCancelledError).code).toBe('SOLVE_CANCELLED');
    const again = await pool.solve(day(30, 2));
    expect(again.routes).toHaveLength(2);
  });

  it('refuses at once a solve whose signal already aborted', async () => {
    await expect(pool.solve(day(10, 1), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'SOLVE_CANCELLED' });
  });
});
