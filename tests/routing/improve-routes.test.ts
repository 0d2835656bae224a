import { describe, expect, it } from 'vitest';
import { improveRoutes, solveVrp, type VrpProblem } from '../../server/core/routing/index.js';
import { randomVrp } from './helpers.js';

/** Travel + service seconds, distance and load of a job list driven by vehicle v (0 when empty). */
function measure(p: VrpProblem, v: number, jobs: readonly number[]) {
  if (jobs.length === 0) return { seconds: 0, distance: 0, load: 0 };
  const n = p.size;
  const dist = p.distances ?? p.durations;
  let at = p.vehicles[v].start;
  let seconds = 0;
  let distance = 0;
  let load = 0;
  for (const j of jobs) {
    const l = p.jobs[j].location;
    seconds += p.durations[at * n + l] + Math.round(p.jobs[j].serviceSeconds);
    distance += dist[at * n + l];
    load += p.jobs[j].demand ?? 1;
    at = l;
  }
  const end = p.vehicles[v].end;
  return { seconds: seconds + p.durations[at * n + end], distance: distance + dist[at * n + end], load };
}

function expectFeasible(p: VrpProblem, routes: number[][], jobsBefore: number[][]) {
  expect(routes.flat().sort((a, b) => a - b)).toEqual(jobsBefore.flat().sort((a, b) => a - b));
  routes.forEach((jobs, v) => {
    const m = measure(p, v, jobs);
    const vehicle = p.vehicles[v];
    expect(m.seconds).toBeLessThanOrEqual(vehicle.shiftEndSeconds - vehicle.shiftStartSeconds);
    expect(m.load).toBeLessThanOrEqual(vehicle.capacity ?? Infinity);
    for (const j of jobs) if (p.jobs[j].allowedVehicles) expect(p.jobs[j].allowedVehicles).toContain(v);
  });
}

const total = (p: VrpProblem, routes: number[][]) => routes.reduce((s, jobs, v) => s + measure(p, v, jobs).distance, 0);
const longest = (p: VrpProblem, routes: number[][]) => Math.max(...routes.map((jobs, v) => measure(p, v, jobs).seconds));

describe('improveRoutes', () => {
  // Two crews at opposite ends of a line; every job sits beside crew 1 but crew 0 has them all.
  const line = (jobs: number, objective: 'distance' | 'makespan', pinFirst = false): VrpProblem => {
    const xs = [0, 1000, ...Array.from({ length: jobs }, (_, i) => 950 - i * 10)];
    const n = xs.length;
    const m = new Int32Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) m[a * n + b] = Math.abs(xs[a] - xs[b]);
    return {
      size: n,
      durations: m,
      vehicles: [
        { start: 0, end: 0, shiftStartSeconds: 0, shiftEndSeconds: 100_000 },
        { start: 1, end: 1, shiftStartSeconds: 0, shiftEndSeconds: 100_000 },
      ],
      jobs: Array.from({ length: jobs }, (_, j) => ({ location: 2 + j, serviceSeconds: 600, ...(pinFirst && j === 0 ? { allowedVehicles: [0] } : {}) })),
      objective,
    };
  };

  it("'distance': gives the jobs to the crew beside them", () => {
    const p = line(6, 'distance');
    const start = [[0, 1, 2, 3, 4, 5], []];
    const { routes, moves } = improveRoutes(p, start);
    expect(moves).toBeGreaterThan(0);
    expect(total(p, routes)).toBe(2 * 100);
    expect(routes[0]).toEqual([]);
    expectFeasible(p, routes, start);
  });

  it('never moves a pinned job to another crew', () => {
    for (const objective of ['distance', 'makespan'] as const) {
      const p = line(6, objective, true);
      const start = [[0, 1, 2, 3, 4, 5], []];
      const { routes } = improveRoutes(p, start);
      expect(routes[0]).toContain(0);
      expectFeasible(p, routes, start);
    }
  });

  it("'makespan': shortens the longest day and never lengthens it", () => {
    const p = line(6, 'makespan');
    const start = [[0, 1, 2, 3, 4, 5], []];
    const { routes, moves } = improveRoutes(p, start);
    expect(moves).toBeGreaterThan(0);
    expect(longest(p, routes)).toBeLessThan(longest(p, start));
    expect(routes[1].length).toBeGreaterThan(0);
    expectFeasible(p, routes, start);
  });

  it('keeps every job, shift, capacity and pin on random problems, and never makes its objective worse', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const p = randomVrp({ seed, locations: 40, jobs: 35, vehicles: 4, pins: true, asymmetricDurations: seed % 2 === 0 });
      const start = solveVrp(p, { iterations: 0, seed }).routes.map((r) => r.jobs);
      const byDistance = improveRoutes(p, start);
      expectFeasible(p, byDistance.routes, start);
      expect(total(p, byDistance.routes)).toBeLessThanOrEqual(total(p, start));
      const byMakespan = improveRoutes({ ...p, objective: 'makespan' }, start);
      expectFeasible(p, byMakespan.routes, start);
      expect(longest(p, byMakespan.routes)).toBeLessThanOrEqual(longest(p, start));
    }
  });

  it('refuses routes that repeat a job or name one that does not exist, by code', () => {
    const p = line(3, 'distance');
    expect(() => improveRoutes(p, [[0, 0], [1]])).toThrow(expect.objectContaining({ code: 'invalid_problem' }));
    expect(() => improveRoutes(p, [[7], []])).toThrow(expect.objectContaining({ code: 'invalid_problem' }));
    expect(() => improveRoutes(p, [[0]])).toThrow(expect.objectContaining({ code: 'invalid_problem' }));
  });
});
