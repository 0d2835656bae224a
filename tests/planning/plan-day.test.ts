import { describe, expect, it } from 'vitest';
import { groupCrews, planDay, slaUrgency, zoneCapacitySeconds, type DayPlan } from '../../server/core/planning/plan-day.js';
import { firstComeFirstServed } from '../../server/core/planning/baseline.js';
import { hungarian } from '../../server/core/planning/assign.js';
import { improveAcrossCrews } from '../../server/core/planning/improve.js';
import { metricsOf, timeRoute } from '../../server/core/planning/route.js';
import { createTravelModel } from '../../server/core/zoning/travel.js';
import type { PlanCrew, PlanInput, PlanTicket } from '../../server/core/planning/model.js';
import { makassarScenario } from '../../bench/planning.js';

const travel = createTravelModel({ detourFactor: 1.35, speedKmh: 20 });
const H = 3600;

function scenarioInput(normal: number, urgent: number, crews: number, seed = 5): { tickets: PlanTicket[]; crews: PlanCrew[] } {
  const s = makassarScenario({ normal, urgent, crews, seed });
  const slaSeconds = { critical: 4 * H, high: 12 * H, normal: 24 * H };
  return {
    tickets: s.tickets.map((t, i) => ({
      id: 1000 + i,
      lat: t.lat,
      lon: t.lon,
      priority: t.priority,
      serviceSeconds: t.serviceSeconds,
      receivedSeconds: -t.receivedMinutesBefore * 60,
      dueSeconds: -t.receivedMinutesBefore * 60 + slaSeconds[t.priority],
    })),
    crews: s.crews.map((c, k) => ({ id: k + 1, base: { lat: c.lat, lon: c.lon }, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null })),
  };
}

// An iteration budget only (a huge time cap): the same input gives the same plan on any machine.
const input = (tickets: PlanTicket[], crews: PlanCrew[], extra: Partial<PlanInput> = {}): PlanInput => ({
  tickets,
  crews,
  travel,
  objective: 'distance',
  resolution: 8,
  maxReachMetres: 25_000,
  budgetMs: 600_000,
  ...extra,
});

function checkInvariants(plan: DayPlan, tickets: PlanTicket[], crews: PlanCrew[]) {
  const seen = new Array(tickets.length).fill(0);
  for (const r of plan.routes) for (const s of r.stops) seen[s.ticket]++;
  for (const u of plan.unplanned) seen[u.ticket]++;
  expect(seen.every((n) => n === 1)).toBe(true);
  for (const r of plan.routes) {
    const crew = crews[r.crew];
    expect(r.endSeconds).toBeLessThanOrEqual(crew.shiftEndSeconds);
    expect(r.startSeconds).toBeGreaterThanOrEqual(crew.shiftStartSeconds);
    if (crew.capacityJobs !== null) expect(r.stops.length).toBeLessThanOrEqual(crew.capacityJobs);
    // The stored timing is the route's own timing, recomputed.
    const again = timeRoute(r.crew, crew.base, r.startSeconds, r.stops.map((s) => s.ticket), tickets, travel);
    expect(again.endSeconds).toBe(r.endSeconds);
    expect(again.distanceMetres).toBe(r.distanceMetres);
  }
}

describe('planDay on an overbooked Makassar day (300 Normal + 20 Critical/High, 8 crews)', () => {
  const { tickets, crews } = scenarioInput(300, 20, 8);
  const plan = planDay(input(tickets, crews));
  const metrics = metricsOf(plan.routes, tickets);
  const baseline = firstComeFirstServed(tickets, crews, { travel });

  it('puts every ticket in exactly one route or the unplanned list; no route breaks its shift', () => {
    checkInvariants(plan, tickets, crews);
  });

  it('serves every Critical and High ticket first', () => {
    expect(metrics.served.critical + metrics.served.high).toBe(20);
  });

  it('serves more tickets than first come, first served, on fewer kilometres', () => {
    expect(metrics.served.total).toBeGreaterThan(baseline.metrics.served.total);
    expect(metrics.distanceMetres).toBeLessThan(baseline.metrics.distanceMetres / 2);
  });

  it('keeps every crew busy on an overbooked day: nobody idles while tickets roll over', () => {
    for (const r of plan.routes) expect(r.endSeconds - r.startSeconds).toBeGreaterThan(7 * H);
    expect(plan.unplanned.every((u) => u.reason === 'shift_full')).toBe(true);
  });

  it('gives each crew one zone at most, and zones only to crews', () => {
    const given = plan.zoneCrew.filter((k) => k >= 0);
    expect(new Set(given).size).toBe(given.length);
    expect(given.length).toBeLessThanOrEqual(crews.length);
  });

  it('puts urgent stops at the front of their trip, or runs a full trip in the direction that reaches them sooner', () => {
    let front = 0;
    for (const r of plan.routes) {
      const urgent = r.stops.map((s) => tickets[s.ticket].priority !== 'normal');
      const first = urgent.indexOf(true);
      if (first < 0) continue;
      const firstNormal = urgent.indexOf(false);
      if (firstNormal < 0 || !urgent.slice(firstNormal).includes(true)) front++;
      else expect(first).toBeLessThanOrEqual((r.stops.length - 1) / 2);
    }
    expect(front).toBeGreaterThan(0);
  });

  it('is deterministic under an iteration budget', () => {
    const again = planDay(input(tickets, crews));
    expect(again.routes.map((r) => r.stops.map((s) => s.ticket))).toEqual(plan.routes.map((r) => r.stops.map((s) => s.ticket)));
  });

  it("with 'makespan', keeps the longest day within the shift and serves as many urgent tickets", () => {
    const m = planDay(input(tickets, crews, { objective: 'makespan' }));
    checkInvariants(m, tickets, crews);
    const mm = metricsOf(m.routes, tickets);
    expect(mm.served.critical + mm.served.high).toBe(20);
    expect(mm.longestDaySeconds).toBeLessThanOrEqual(8 * H);
  });
});

describe('planDay choices', () => {
  const base = { lat: -5.15, lon: 119.42 };
  const crew = (id: number, extra: Partial<PlanCrew> = {}): PlanCrew => ({ id, base, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null, ...extra });
  const at = (i: number, extra: Partial<PlanTicket> = {}): PlanTicket => ({
    id: i,
    lat: -5.15 + ((i * 37) % 23) * 0.0012,
    lon: 119.42 + ((i * 53) % 29) * 0.0012,
    priority: 'normal',
    serviceSeconds: 40 * 60,
    receivedSeconds: -i * 60,
    dueSeconds: 20 * H,
    ...extra,
  });

  it('on a day with more work than hours, serves the tickets nearest their SLA due time first', () => {
    // Pairs at the same spot: one overdue, one due tomorrow. Either of a pair costs the same.
    const tickets: PlanTicket[] = [];
    for (let i = 0; i < 20; i++) {
      const p = at(i);
      tickets.push({ ...p, id: 2 * i, dueSeconds: -2 * H }, { ...p, id: 2 * i + 1, dueSeconds: 40 * H });
    }
    const plan = planDay(input(tickets, [crew(1)]));
    const served = new Set(plan.routes[0].stops.map((s) => tickets[s.ticket].id));
    expect(served.size).toBeGreaterThan(5);
    expect(served.size).toBeLessThan(20);
    // A ticket due tomorrow is served only beside its overdue twin (then it costs no travel: count comes first).
    for (const id of served) if (id % 2 === 1) expect(served.has(id - 1), `twin of ${id}`).toBe(true);
    const overdue = [...served].filter((id) => id % 2 === 0).length;
    expect(overdue).toBeGreaterThan(served.size / 2);
  });

  it('drops Normal stops to place a Critical ticket when the day is full', () => {
    const tickets: PlanTicket[] = Array.from({ length: 30 }, (_, i) => at(i, { dueSeconds: -H }));
    tickets.push(at(99, { id: 99, priority: 'critical', serviceSeconds: 60 * 60, lat: -5.16, lon: 119.43, dueSeconds: 12 * H }));
    const plan = planDay(input(tickets, [crew(1)]));
    const served = plan.routes[0].stops.map((s) => tickets[s.ticket].id);
    expect(served).toContain(99);
    expect(served[0]).toBe(99);
  });

  it('puts an urgent stop first when its SLA falls due today; one due later goes where it costs the fewest km', () => {
    // East of the base: two Normal tickets either side of the line, the High ticket beyond them. The short
    // loop passes a Normal ticket first; the High one first costs a longer loop.
    const tickets: PlanTicket[] = [
      at(1, { lat: -5.148, lon: 119.429 }),
      at(2, { lat: -5.152, lon: 119.429 }),
      at(3, { priority: 'high', lat: -5.15, lon: 119.438 }),
    ];
    const order = (dueSeconds: number) =>
      planDay(input(tickets.map((t) => (t.priority === 'high' ? { ...t, dueSeconds } : t)), [crew(1)])).routes[0].stops.map((s) => tickets[s.ticket].id);
    const dueToday = order(12 * H);
    const dueTomorrow = order(30 * H);
    expect(dueToday).toHaveLength(3);
    expect(dueToday[0]).toBe(3);
    expect(dueTomorrow).toHaveLength(3);
    expect(dueTomorrow[1]).toBe(3);
    const km = (ids: number[]) => {
      const stops = [base, ...ids.map((id) => tickets.find((t) => t.id === id)!), base];
      return stops.slice(1).reduce((sum, p, q) => sum + travel.metres(stops[q], p), 0);
    };
    expect(km(dueTomorrow)).toBeLessThan(km(dueToday));
  });

  it('honours pins: a pinned ticket goes to its crew even when the other crew is nearer', () => {
    const far = { lat: -5.2, lon: 119.47 };
    const tickets = Array.from({ length: 6 }, (_, i) => at(i));
    tickets[0] = { ...tickets[0], pinnedCrew: 1 };
    const plan = planDay(input(tickets, [crew(1), crew(2, { base: far })]));
    expect(plan.routes[1].stops.map((s) => s.ticket)).toContain(0);
    expect(plan.routes[0].stops.map((s) => s.ticket)).not.toContain(0);
  });

  it('a pin to a crew without room leaves the ticket unplanned as pinned_crew_full', () => {
    const tickets = Array.from({ length: 3 }, (_, i) => at(i, { pinnedCrew: 0, serviceSeconds: 3 * H }));
    const plan = planDay(input(tickets, [crew(1)]));
    expect(plan.routes[0].stops).toHaveLength(2);
    expect(plan.unplanned).toEqual([{ ticket: expect.any(Number), reason: 'pinned_crew_full' }]);
  });

  it('marks tickets no crew can reach, and tickets longer than any shift', () => {
    const tickets = [at(1, { roadless: true }), at(2, { lat: -5.6, lon: 119.42 }), at(3, { serviceSeconds: 9 * H }), at(4)];
    const plan = planDay(input(tickets, [crew(1)]));
    expect(plan.unplanned).toEqual([
      { ticket: 0, reason: 'no_crew_in_reach' },
      { ticket: 1, reason: 'no_crew_in_reach' },
      { ticket: 2, reason: 'shift_too_short' },
    ]);
    expect(plan.routes[0].stops.map((s) => s.ticket)).toEqual([3]);
  });

  it('starts no route before the time given (planning a day under way)', () => {
    const tickets = Array.from({ length: 4 }, (_, i) => at(i));
    const plan = planDay(input(tickets, [crew(1)], { notBeforeSeconds: 11 * H }));
    expect(plan.routes[0].startSeconds).toBe(11 * H);
    expect(plan.routes[0].stops[0].arrivalSeconds).toBeGreaterThan(11 * H);
  });

  it('on a light day shares the work out: both crews get some', () => {
    const tickets = Array.from({ length: 8 }, (_, i) => at(i));
    const plan = planDay(input(tickets, [crew(1), crew(2, { base: { lat: -5.16, lon: 119.43 } })], { objective: 'makespan' }));
    expect(plan.unplanned).toEqual([]);
    expect(plan.routes.every((r) => r.stops.length > 0)).toBe(true);
  });

  it('grades SLA urgency: overdue, due today, due tomorrow, later', () => {
    expect(slaUrgency({ dueSeconds: 7 * H }, 8 * H, 16 * H)).toBe(3);
    expect(slaUrgency({ dueSeconds: 12 * H }, 8 * H, 16 * H)).toBe(2);
    expect(slaUrgency({ dueSeconds: 30 * H }, 8 * H, 16 * H)).toBe(1);
    expect(slaUrgency({ dueSeconds: 60 * H }, 8 * H, 16 * H)).toBe(0);
    expect(slaUrgency({ dueSeconds: null }, 8 * H, 16 * H)).toBe(0);
  });

  it('sizes zones to a crew-day, or to a share of a light day', () => {
    expect(zoneCapacitySeconds([8 * H, 8 * H], 100 * H)).toBeCloseTo(0.85 * 8 * H, 0);
    expect(zoneCapacitySeconds([8 * H, 8 * H], 2 * H)).toBeCloseTo((1.3 * 2 * H) / 2, 0);
  });
});

describe('first come, first served baseline', () => {
  it('sends each ticket in intake order to the nearest free crew, within shifts', () => {
    const north = { lat: -5.1, lon: 119.42 };
    const south = { lat: -5.2, lon: 119.42 };
    const crews: PlanCrew[] = [
      { id: 1, base: north, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null },
      { id: 2, base: south, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null },
    ];
    // Alternating north and south: first come, first served ping-pongs.
    const tickets: PlanTicket[] = Array.from({ length: 12 }, (_, i) => ({ id: i, ...(i % 2 ? south : north), lat: (i % 2 ? south : north).lat + i * 0.001, priority: 'normal', serviceSeconds: 1800, receivedSeconds: i, dueSeconds: null }));
    const b = firstComeFirstServed(tickets, crews, { travel });
    expect(b.routes[0].stops.map((s) => s.ticket)[0]).toBe(0);
    expect(b.routes[1].stops.map((s) => s.ticket)[0]).toBe(1);
    for (const r of b.routes) expect(r.endSeconds).toBeLessThanOrEqual(16 * H);
    expect(b.metrics.served.total).toBeGreaterThan(0);
    const plan = planDay({ tickets, crews, travel, objective: 'distance', resolution: 8, maxReachMetres: 25_000, budgetMs: 600_000 });
    expect(metricsOf(plan.routes, tickets).distanceMetres).toBeLessThanOrEqual(b.metrics.distanceMetres);
  });
});

describe('hungarian', () => {
  it('finds the minimum-cost assignment (checked by brute force)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 30; trial++) {
      const rows = 1 + (trial % 4);
      const cols = rows + (trial % 3);
      const cost = Float64Array.from({ length: rows * cols }, () => Math.round(random() * 100) - 20);
      const match = hungarian(cost, rows, cols);
      expect(new Set(match).size).toBe(rows);
      const total = (m: ArrayLike<number>) => Array.from(m).reduce((s, c, r) => s + cost[r * cols + c], 0);
      let best = Infinity;
      const walk = (r: number, used: number[], chosen: number[]) => {
        if (r === rows) {
          best = Math.min(best, total(chosen));
          return;
        }
        for (let c = 0; c < cols; c++) if (!used.includes(c)) walk(r + 1, [...used, c], [...chosen, c]);
      };
      walk(0, [], []);
      expect(total(match)).toBe(best);
    }
  });

  it('refuses more rows than columns', () => {
    expect(() => hungarian(new Float64Array(6), 3, 2)).toThrow(RangeError);
  });
});

describe('improveAcrossCrews', () => {
  const west = { lat: -5.15, lon: 119.40 };
  const east = { lat: -5.15, lon: 119.46 };
  const crews: PlanCrew[] = [
    { id: 1, base: west, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null },
    { id: 2, base: east, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: 6 },
  ];
  // Six tickets beside the east base, all given to the west crew.
  const tickets: PlanTicket[] = Array.from({ length: 6 }, (_, i) => ({ id: i, lat: -5.15 + i * 0.002, lon: 119.455, priority: 'normal', serviceSeconds: 1800, receivedSeconds: 0, dueSeconds: null }));
  const start = () => [timeRoute(0, west, 8 * H, [0, 1, 2, 3, 4, 5], tickets, travel), timeRoute(1, east, 8 * H, [], tickets, travel)];
  const ticketsOf = (routes: ReturnType<typeof start>) => routes.flatMap((r) => r.stops.map((s) => s.ticket)).sort();

  it("'distance': moves stops to the crew next to them, never adding km, never past capacity", () => {
    const routes = start();
    const before = routes[0].distanceMetres + routes[1].distanceMetres;
    const moves = improveAcrossCrews(routes, tickets, crews, travel, 'distance');
    expect(moves).toBeGreaterThan(0);
    expect(routes[0].distanceMetres + routes[1].distanceMetres).toBeLessThan(before);
    expect(routes[1].stops.length).toBe(6);
    const capped = start();
    improveAcrossCrews(capped, tickets, [crews[0], { ...crews[1], capacityJobs: 2 }], travel, 'distance');
    expect(capped[1].stops.length).toBeLessThanOrEqual(2);
    expect(ticketsOf(capped)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticketsOf(routes)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [k, r] of routes.entries()) expect(r.endSeconds).toBeLessThanOrEqual(crews[k].shiftEndSeconds);
  });

  it("'makespan': shortens the longest day, and leaves pinned stops where they are", () => {
    const pinned = tickets.map((t, i) => (i === 0 ? { ...t, pinnedCrew: 0 } : t));
    const routes = start();
    const longest = () => Math.max(...routes.map((r) => r.endSeconds - r.startSeconds));
    const before = longest();
    improveAcrossCrews(routes, pinned, crews, travel, 'makespan');
    expect(longest()).toBeLessThan(before);
    expect(routes[0].stops.map((s) => s.ticket)).toContain(0);
    expect(routes[1].stops.length).toBeGreaterThan(0);
    expect(ticketsOf(routes)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('groupCrews', () => {
  const { crews } = scenarioInput(10, 0, 23);
  it('partitions the crews into groups of at most the size asked, neighbours together', () => {
    const groups = groupCrews(crews, 5);
    expect(groups.flat().sort((a, b) => a - b)).toEqual(crews.map((_, k) => k));
    expect(groups.every((g) => g.length >= 1 && g.length <= 5)).toBe(true);
    expect(groups.length).toBeLessThanOrEqual(Math.ceil(23 / 5) + 2);
    // A group's spread is smaller than the city's.
    const span = (ks: number[]) => Math.max(...ks.flatMap((a) => ks.map((b) => Math.hypot(crews[a].base.lat - crews[b].base.lat, crews[a].base.lon - crews[b].base.lon))));
    const city = span(crews.map((_, k) => k));
    const mean = groups.reduce((s, g) => s + span(g), 0) / groups.length;
    expect(mean).toBeLessThan(city / 2);
  });

  it('with size 1, one crew per group', () => {
    expect(groupCrews(crews, 1)).toEqual(crews.map((_, k) => [k]));
  });
});
