import { describe, expect, it } from 'vitest';
import { neighbourhoods, solvePrizeRoutes, type PrizeProblem } from '../../server/core/routing/index.js';
import { Rng } from '../../server/core/routing/base/random.js';
import { bestInsertion, emptyInsertion, insertBest, PrizeRoutes, removeRange } from '../../server/core/routing/prize/routes.js';
import { swapWithUnserved } from '../../server/core/routing/prize/polish.js';
import { measureRoute, prizePlane, slowStartClock } from './helpers.js';

/** A random over-full day on a plane: 10 x 10 km, 8 h shifts, 6 % High (helpers.ts prizePlane). */
const plane = (jobs: number, vehicles: number, seed: number, extra: Partial<PrizeProblem> = {}): PrizeProblem =>
  prizePlane(jobs, vehicles, seed, { sideMetres: 10_000, highShare: 0.06, shiftSeconds: 28_800, pointsPerVehicle: 2 }, extra);

const measure = measureRoute;

function expectFeasible(p: PrizeProblem, routes: number[][]) {
  const all = routes.flat();
  expect(new Set(all).size).toBe(all.length);
  routes.forEach((jobs, v) => {
    const veh = p.vehicles[v];
    expect(measure(p, v, jobs).seconds).toBeLessThanOrEqual(veh.endSeconds - veh.startSeconds);
    expect(jobs.length).toBeLessThanOrEqual(veh.capacity);
    for (const j of jobs) if (p.onlyVehicle[j] >= 0) expect(p.onlyVehicle[j]).toBe(v);
    if (p.rank) for (let q = 1; q < jobs.length; q++) expect(p.rank[jobs[q - 1]]).toBeLessThanOrEqual(p.rank[jobs[q]]);
  });
}

describe('prize-collecting search', () => {
  it('finds the k nearest jobs and vehicles as a brute force does', () => {
    const p = plane(300, 7, 3);
    const near = neighbourhoods(p, 10, 3);
    const d2 = (a: number, b: number) => (p.x[a] - p.x[b]) ** 2 + (p.y[a] - p.y[b]) ** 2;
    for (let j = 0; j < p.jobCount; j += 17) {
      const brute = [...Array(p.jobCount).keys()].filter((o) => o !== j).sort((a, b) => d2(j, a) - d2(j, b) || a - b);
      expect(Array.from(near.jobs.subarray(j * 10, j * 10 + 10))).toEqual(brute.slice(0, 10));
      const vs = p.vehicles.map((_, v) => v).sort((a, b) => d2(j, p.vehicles[a].start) - d2(j, p.vehicles[b].start));
      expect(Array.from(near.vehicles.subarray(j * 3, j * 3 + 3))).toEqual(vs.slice(0, 3));
    }
  });

  it('keeps route totals right through inserts, string removals and restores', () => {
    const p = plane(120, 4, 5, { vehicles: [0, 1, 2, 3].map((v) => ({ start: 120 + 2 * v, end: 121 + 2 * v, startSeconds: 0, endSeconds: 28_800, capacity: Infinity })) });
    const s = new PrizeRoutes(p, [[], [], [], []]);
    const rng = new Rng(9);
    for (let step = 0; step < 400; step++) {
      const u = rng.nextInt(p.jobCount);
      if (s.routeOf[u] < 0) {
        const best = emptyInsertion();
        for (let v = 0; v < 4; v++) bestInsertion(s, v, u, best);
        if (best.route >= 0) insertBest(s, u, best);
      } else if (rng.nextFloat() < 0.3) {
        const v = s.routeOf[u];
        const at = s.jobs[v].indexOf(u);
        const saved = s.save(v);
        removeRange(s, v, at, Math.min(s.jobs[v].length, at + 1 + rng.nextInt(3)), []);
        if (rng.nextFloat() < 0.5) {
          for (const j of s.jobs[v]) s.routeOf[j] = -1;
          s.restore(v, saved);
        }
      }
      for (let v = 0; v < 4; v++) {
        const m = measure(p, v, s.jobs[v]);
        expect(s.travel[v] + s.service[v]).toBe(m.seconds);
        expect(s.cost[v]).toBe(m.cost);
      }
      expect(s.totalCost).toBe(s.cost.reduce((a, b) => a + b, 0));
    }
  });

  it('fills empty days with the most prize, within every limit, the same with the same seed', () => {
    const p = plane(400, 5, 11);
    // A pinned job (vehicle 2 only, and it never leaves), ranked urgent jobs first in their trip.
    p.onlyVehicle[7] = 2;
    p.keep[7] = 1;
    p.rank = Uint8Array.from(p.prize, (w) => (w >= 10_000 ? 0 : 1));
    const initial = [[], [], [7], [], []];
    const a = solvePrizeRoutes(p, initial, { iterations: 3000, seed: 4 });
    const b = solvePrizeRoutes(p, initial, { iterations: 3000, seed: 4 });
    expect(a.routes).toEqual(b.routes);
    expectFeasible(p, a.routes);
    expect(a.routes[2]).toContain(7);
    // Every urgent job that some vehicle could do alone is served (the day is over-full with Normal work).
    const urgent = [...Array(p.jobCount).keys()].filter((j) => p.prize[j] >= 10_000);
    expect(urgent.every((j) => a.routes.flat().includes(j))).toBe(true);
    const served = a.routes.flat().length;
    expect(served).toBeGreaterThan(5 * 10);
    expect(a.prize).toBe(a.routes.flat().reduce((s, j) => s + p.prize[j], 0));
    expect(a.cost).toBe(a.routes.reduce((s, jobs, v) => s + measure(p, v, jobs).cost, 0));
  });

  it('gives the same day with the planar estimate as without it (it only skips insertions that cannot win)', () => {
    const exact = plane(300, 4, 8);
    const planar = { ...exact, planar: { secondsPerUnit: 1.35 / 5, costPerUnit: 1.35, tolerance: 0.01 } };
    const start = [[], [], [], []];
    expect(solvePrizeRoutes(planar, start, { iterations: 1500, seed: 2 }).routes).toEqual(solvePrizeRoutes(exact, start, { iterations: 1500, seed: 2 }).routes);
  });

  it('on a clock that runs ahead of its iterations by less than timeLead, gives the plan of the same work with no clock (a re-plan on the same machine is the same plan)', () => {
    const p = plane(300, 4, 8);
    const start = [[], [], [], []];
    const fixed = solvePrizeRoutes(p, start, { iterations: 1500, seed: 3 }).routes;
    // The clock reads 20 % of the budget from the search's first iteration on (its two budgets start at 0), then stands still.
    const slowStart = () => slowStartClock(2, 200);
    expect(solvePrizeRoutes(p, start, { iterations: 1500, timeMs: 1000, now: slowStart(), timeLead: 0.25, seed: 3 }).routes).toEqual(fixed);
    // Without the lead the clock cools the search faster from the start: another plan.
    expect(solvePrizeRoutes(p, start, { iterations: 1500, timeMs: 1000, now: slowStart(), seed: 3 }).routes).not.toEqual(fixed);
  });

  it('serves more with more iterations, and prefers quick repairs on an over-full day', () => {
    const p = plane(600, 4, 21);
    const start = [[], [], [], []];
    const few = solvePrizeRoutes(p, start, { iterations: 50, seed: 1 });
    const many = solvePrizeRoutes(p, start, { iterations: 4000, seed: 1 });
    expect(many.prize).toBeGreaterThan(few.prize);
    const quick = (routes: number[][]) => routes.flat().filter((j) => p.service[j] === 1200).length / routes.flat().length;
    // About a third of the jobs are 20-minute ones; an over-full day picks them more often than that.
    const share = p.service.filter((t) => t === 1200).length / p.jobCount;
    expect(quick(many.routes)).toBeGreaterThan(share + 0.04);
  });

  it('drops a job that costs more than its prize is worth, and keeps one that does not', () => {
    // One vehicle at 0; job 0 at 1 km, job 1 at 5 km. A job is worth 100 x 30 = 3,000 m.
    const x = Float64Array.from([1000, 5000, 0, 0]);
    const y = new Float64Array(4);
    const p: PrizeProblem = {
      ...plane(2, 1, 1),
      x,
      y,
      metres: (a, b) => Math.round(Math.abs(x[a] - x[b])),
      seconds: (a, b) => Math.round(Math.abs(x[a] - x[b]) / 5),
      service: Int32Array.from([600, 600]),
      prize: Float64Array.from([100, 100]),
    };
    const r = solvePrizeRoutes(p, [[0, 1]], { iterations: 200, seed: 1, prizeCost: 30 });
    expect(r.routes).toEqual([[0]]);
    const all = solvePrizeRoutes(p, [[]], { iterations: 200, seed: 1, prizeCost: 1e5 });
    expect(all.routes[0].sort()).toEqual([0, 1]);
  });

  it('swaps a served job for a nearer unserved one of the same prize, and a Normal one for an urgent one; never a pinned job', () => {
    // One vehicle at 0 with room for one job: job 0 at 4 km is served, job 1 at 1 km is not.
    const x = Float64Array.from([4000, 1000, 0, 0]);
    const y = new Float64Array(4);
    const line = (prize: number[], keep: number[] = [0, 0]): PrizeProblem => ({
      ...plane(2, 1, 1),
      x,
      y,
      metres: (a, b) => Math.round(Math.abs(x[a] - x[b])),
      seconds: (a, b) => Math.round(Math.abs(x[a] - x[b]) / 5),
      service: Int32Array.from([600, 600]),
      prize: Float64Array.from(prize),
      keep: Uint8Array.from(keep),
      vehicles: [{ start: 2, end: 3, startSeconds: 0, endSeconds: 28_800, capacity: 1 }],
    });
    const swapped = (p: PrizeProblem) => {
      const s = new PrizeRoutes(p, [[0]]);
      const n = swapWithUnserved(s, neighbourhoods(p, 1, 1), 1e5, emptyInsertion());
      return { n, routes: s.snapshot(), cost: s.totalCost, prize: s.prize };
    };
    expect(swapped(line([100, 100]))).toEqual({ n: 1, routes: [[1]], cost: 2000, prize: 100 });
    // The far job is urgent: it stays, although the near one drives less.
    expect(swapped(line([10_000, 100]))).toEqual({ n: 0, routes: [[0]], cost: 8000, prize: 10_000 });
    // The near one is urgent and the far one Normal: it takes the place.
    expect(swapped(line([100, 10_000])).routes).toEqual([[1]]);
    // A pinned job is never swapped out.
    expect(swapped(line([100, 100], [1, 0])).routes).toEqual([[0]]);
  });

  it('after the search no swap with an unserved job gains, and the day stays feasible', () => {
    const p = plane(300, 4, 5);
    const r = solvePrizeRoutes(p, [[], [], [], []], { iterations: 2000, seed: 3, prizeCost: 30 });
    expectFeasible(p, r.routes);
    const s = new PrizeRoutes(p, r.routes);
    expect(swapWithUnserved(s, neighbourhoods(p, 40, 4), 30, emptyInsertion())).toBe(0);
  });
});
