import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neighbourhoods, solvePrizeRoutes, type PrizeProblem } from '../../server/core/routing/index.js';
import { Rng } from '../../server/core/routing/base/random.js';
import { gatherSlack } from '../../server/core/routing/prize/gather.js';
import { bestInsertion, emptyInsertion, insertBest, PrizeRoutes } from '../../server/core/routing/prize/routes.js';
import { measureRoute, prizePlane } from './helpers.js';

/** The search's rule for a day that counts prize first (refine.ts on a day with room): prize x 1e5 - metres. */
const LEXICOGRAPHIC = 1e5;
const better = (prize: number, cost: number, prize0: number, cost0: number) => {
  const d = (prize - prize0) * LEXICOGRAPHIC - (cost - cost0);
  return d > 0 || (d === 0 && prize > prize0);
};

/** Closed trips on a plane (helpers.ts prizePlane): 6 x 6 km, 10 % High. */
const plane = (jobs: number, vehicles: number, seed: number, shiftSeconds: number): PrizeProblem =>
  prizePlane(jobs, vehicles, seed, { sideMetres: 6_000, highShare: 0.1, shiftSeconds, pointsPerVehicle: 1 });

const measure = measureRoute;

/** A feasible day built greedily in a random order (free time spread over the routes, as a search leaves it). */
function greedyDay(p: PrizeProblem, rng: Rng): PrizeRoutes {
  const s = new PrizeRoutes(
    p,
    p.vehicles.map(() => []),
  );
  const order = [...Array(p.jobCount).keys()].sort(() => rng.nextFloat() - 0.5);
  const slot = emptyInsertion();
  for (const j of order) {
    slot.route = -1;
    slot.cost = Infinity;
    bestInsertion(s, rng.nextInt(p.vehicles.length), j, slot);
    if (slot.route >= 0) insertBest(s, j, slot);
  }
  return s;
}

describe('gathering slack (prize search)', () => {
  it('moves a short job to the other crew so that a long waiting one fits, and undoes everything when nothing can', () => {
    // Every point within 30 m of the bases: legs of a few seconds. Two crews of 5,000 s; jobs 0 and 1 (2,000 s)
    // and 2 and 3 (1,000 s) served, 2,000 s free in each route; job 4 (2,500 s) fits in neither.
    const x = Float64Array.from([10, 20, 12, 22, 15, 0, 30]);
    const y = Float64Array.from([0, 0, 5, 5, 10, 0, 0]);
    const d = (a: number, b: number) => (a === b ? 0 : Math.round(Math.hypot(x[a] - x[b], y[a] - y[b])));
    const p = (keep: number[]): PrizeProblem => ({
      jobCount: 5,
      pointCount: 7,
      x,
      y,
      metres: d,
      seconds: d,
      service: Int32Array.from([2000, 2000, 1000, 1000, 2500]),
      prize: Float64Array.from([100, 100, 100, 100, 100]),
      onlyVehicle: new Int32Array(5).fill(-1),
      keep: Uint8Array.from(keep),
      symmetric: true,
      vehicles: [
        { start: 5, end: 5, startSeconds: 0, endSeconds: 5000, capacity: Infinity },
        { start: 6, end: 6, startSeconds: 0, endSeconds: 5000, capacity: Infinity },
      ],
      costBy: 'metres',
    });
    const free = p([0, 0, 0, 0, 0]);
    const s = new PrizeRoutes(free, [
      [0, 2],
      [1, 3],
    ]);
    expect(gatherSlack(s, neighbourhoods(free, 4, 2), better)).toBe(1);
    expect(s.snapshot().flat().sort()).toEqual([0, 1, 2, 3, 4]);
    for (let v = 0; v < 2; v++) expect(measure(free, v, s.jobs[v]).seconds).toBeLessThanOrEqual(5000);
    // The short jobs pinned: no move frees the time, the day is left as it was.
    const pinned = p([0, 0, 1, 1, 0]);
    const t = new PrizeRoutes(pinned, [
      [0, 2],
      [1, 3],
    ]);
    const cost = t.totalCost;
    expect(gatherSlack(t, neighbourhoods(pinned, 4, 2), better)).toBe(0);
    expect(t.snapshot()).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(t.totalCost).toBe(cost);
    expect(t.prize).toBe(400);
  });

  it('keeps every route within its shift, no job twice, pins where they were, and never serves fewer', () => {
    let gathered = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 5 }), (seed, vehicles) => {
        const rng = new Rng(seed);
        const p = plane(12 * vehicles, vehicles, seed, 14_400);
        // Some jobs are pinned to a vehicle (and kept once there), some only allowed on one.
        for (let j = 0; j < p.jobCount; j += 7) {
          p.onlyVehicle[j] = rng.nextInt(vehicles);
          p.keep[j] = rng.nextFloat() < 0.5 ? 1 : 0;
        }
        p.rank = Uint8Array.from(p.prize, (w) => (w >= 10_000 ? 0 : 1));
        const s = greedyDay(p, rng);
        const before = s.snapshot();
        const served = before.flat().length;
        const prize = s.prize;
        const added = gatherSlack(s, neighbourhoods(p, 10, 2), better, { maxMoves: 20 });
        gathered += added;
        const after = s.snapshot();
        const all = after.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(served + added);
        expect(s.prize).toBeGreaterThanOrEqual(prize);
        expect(s.prize).toBe(all.reduce((t, j) => t + p.prize[j], 0));
        let cost = 0;
        after.forEach((jobs, v) => {
          const m = measure(p, v, jobs);
          cost += m.cost;
          expect(m.seconds).toBeLessThanOrEqual(p.vehicles[v].endSeconds);
          expect(s.cost[v]).toBe(m.cost);
          for (const j of jobs) {
            expect(s.routeOf[j]).toBe(v);
            if (p.onlyVehicle[j] >= 0) expect(p.onlyVehicle[j]).toBe(v);
          }
          for (let q = 1; q < jobs.length; q++) expect(p.rank![jobs[q - 1]]).toBeLessThanOrEqual(p.rank![jobs[q]]);
          for (const j of before[v]) if (p.keep[j] === 1) expect(jobs).toContain(j);
        });
        expect(s.totalCost).toBe(cost);
        for (let j = 0; j < p.jobCount; j++) if (!all.includes(j)) expect(s.routeOf[j]).toBe(-1);
      }),
      { numRuns: 60, seed: 20261130 },
    );
    // The property is not empty: on some of these days gathering served one more.
    expect(gathered).toBeGreaterThan(0);
  });

  it('the search (prize first) ends with no waiting job that a gathering would add, within every limit', () => {
    const p = plane(90, 4, 17, 14_400);
    const r = solvePrizeRoutes(p, [[], [], [], []], { iterations: 3000, seed: 2, prizeCost: 30, bestPrizeCost: LEXICOGRAPHIC });
    const s = new PrizeRoutes(p, r.routes);
    expect(gatherSlack(s, neighbourhoods(p, 40, 4), better)).toBe(0);
    expect(r.prize).toBe(r.routes.flat().reduce((t, j) => t + p.prize[j], 0));
    r.routes.forEach((jobs, v) => expect(measure(p, v, jobs).seconds).toBeLessThanOrEqual(14_400));
  });
});
