/**
 * Time budgets, on a clock the test owns (every read advances it): the plan
 * reports the time it took on that clock, stays feasible whatever the budget
 * (every crew back within its shift, no ticket twice, every ticket planned or
 * given a reason), and the solver stops when its budget is spent rather than
 * after its iterations. No wall-clock assertion: speed is bench:planning's and
 * bench:routing's.
 */
import { describe, expect, it } from 'vitest';
import { planDay } from '../../../server/core/planning/plan-day.js';
import type { PlanCrew, PlanTicket } from '../../../server/core/planning/model.js';
import { createTravelModel } from '../../../server/core/zoning/travel.js';
import { solveVrp, type VrpProblem } from '../../../server/core/routing/index.js';

const H = 3600;
const travel = createTravelModel({ detourFactor: 1.35, speedKmh: 20 });

function day(seed: number, n: number, k: number): { tickets: PlanTicket[]; crews: PlanCrew[] } {
  let x = seed * 48271 + 1;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const at = () => ({ lat: -5.2 + random() * 0.12, lon: 119.4 + random() * 0.1 });
  const crews: PlanCrew[] = Array.from({ length: k }, (_, c) => ({ id: c + 1, base: at(), shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null }));
  const tickets: PlanTicket[] = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    ...at(),
    priority: i % 11 === 0 ? 'high' : 'normal',
    serviceSeconds: [1200, 1800, 2700][i % 3],
    dueSeconds: null,
    receivedSeconds: i,
  }));
  return { tickets, crews };
}

/** A clock that moves `step` ms at every read. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('time budgets', () => {
  it('planDay reports its elapsed time on the given clock and stays feasible at every budget', () => {
    for (const budgetMs of [100, 200, 500, 1000, 5000]) {
      const { tickets, crews } = day(budgetMs, 150, 6);
      const plan = planDay({ tickets, crews, travel, objective: 'distance', resolution: 8, maxReachMetres: 40_000, budgetMs, clockMs: steppingClock(0.05) });
      expect(plan.budgetMs).toBe(budgetMs);
      expect(plan.elapsedMs).toBeGreaterThan(0);
      const seen = new Set<number>();
      for (const r of plan.routes) {
        expect(r.endSeconds).toBeLessThanOrEqual(crews[r.crew].shiftEndSeconds);
        for (const s of r.stops) {
          expect(seen.has(s.ticket)).toBe(false);
          seen.add(s.ticket);
        }
      }
      for (const u of plan.unplanned) expect(seen.has(u.ticket)).toBe(false);
      expect(seen.size + plan.unplanned.length).toBe(tickets.length);
      expect(seen.size).toBeGreaterThan(0);
    }
  });

  it('the solver stops on its time budget, not after its iterations (a clock that runs fast ends the search early)', () => {
    const { tickets, crews } = day(7, 120, 4);
    const points = [...crews.map((c) => c.base), ...tickets];
    const n = points.length;
    const durations = new Int32Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) durations[i * n + j] = travel.seconds(points[i], points[j]);
    const problem: VrpProblem = {
      size: n,
      durations,
      vehicles: crews.map((_, v) => ({ start: v, end: v, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H })),
      jobs: tickets.map((t, i) => ({ location: crews.length + i, serviceSeconds: t.serviceSeconds, priority: t.priority === 'high' ? 10 : 1 })),
    };
    const slow = { iterations: 0 };
    const fast = { iterations: 0 };
    solveVrp(problem, { timeMs: 1e9, iterations: 400, seed: 1, stats: slow });
    // 1 ms per read, 100 ms budget: far fewer than 400 iterations fit.
    const sol = solveVrp(problem, { timeMs: 100, iterations: 400, seed: 1, stats: fast, now: steppingClock(1) });
    expect(slow.iterations).toBe(400);
    expect(fast.iterations).toBeLessThan(400);
    for (const r of sol.routes) expect(r.endSeconds).toBeLessThanOrEqual(16 * H);
    expect(sol.routes.reduce((t, r) => t + r.jobs.length, 0)).toBeGreaterThan(0);
  });
});
