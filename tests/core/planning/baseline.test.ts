/**
 * The fair baseline's rule, checked step by step on random days: tickets in
 * intake order, each to the crew nearest in travel seconds from where it is
 * now among those that can still fit it (there, the repair, back to base
 * within the shift), ties to the lowest crew; no crew can fit a ticket that
 * stays out; roadless tickets never go in.
 */
import { describe, expect, it } from 'vitest';
import { firstComeFirstServed } from '../../../server/core/planning/baseline.js';
import type { PlanCrew, PlanTicket } from '../../../server/core/planning/model.js';
import { createTravelModel, type LatLon } from '../../../server/core/zoning/travel.js';

const travel = createTravelModel({ detourFactor: 1.35, speedKmh: 20 });
const H = 3600;

function randomDay(seed: number): { tickets: PlanTicket[]; crews: PlanCrew[] } {
  let x = seed * 7919 + 13;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const at = () => ({ lat: -5.2 + random() * 0.1, lon: 119.4 + random() * 0.1 });
  const crews: PlanCrew[] = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, k) => ({
    id: k + 1,
    base: at(),
    shiftStartSeconds: 8 * H,
    shiftEndSeconds: (10 + Math.floor(random() * 7)) * H,
    capacityJobs: random() < 0.3 ? 1 + Math.floor(random() * 4) : null,
  }));
  const tickets: PlanTicket[] = Array.from({ length: 5 + Math.floor(random() * 60) }, (_, i) => ({
    id: 100 + i,
    ...at(),
    priority: (['critical', 'high', 'normal', 'normal'] as const)[Math.floor(random() * 4)],
    serviceSeconds: [1200, 1800, 2700][Math.floor(random() * 3)],
    dueSeconds: null,
    receivedSeconds: Math.floor(random() * 20) * 60,
    roadless: random() < 0.05,
  }));
  return { tickets, crews };
}

describe('fair baseline (first come, first served to the nearest crew that can fit it)', () => {
  it('follows its rule on random days and keeps every crew within its shift and capacity', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { tickets, crews } = randomDay(seed);
      const { routes, metrics } = firstComeFirstServed(tickets, crews, { travel });
      // Replay the rule.
      const order = tickets.map((_, i) => i).sort((a, b) => tickets[a].receivedSeconds - tickets[b].receivedSeconds || a - b);
      const used = crews.map((c) => c.shiftStartSeconds);
      const where: LatLon[] = crews.map((c) => c.base);
      const expected: number[][] = crews.map(() => []);
      for (const i of order) {
        const t = tickets[i];
        if (t.roadless) continue;
        let best = -1;
        for (let c = 0; c < crews.length; c++) {
          const fits = used[c] + travel.seconds(where[c], t) + t.serviceSeconds + travel.seconds(t, crews[c].base) <= crews[c].shiftEndSeconds;
          const room = crews[c].capacityJobs === null || expected[c].length < crews[c].capacityJobs!;
          if (fits && room && (best < 0 || travel.seconds(where[c], t) < travel.seconds(where[best], t))) best = c;
        }
        if (best < 0) continue;
        used[best] += travel.seconds(where[best], t) + t.serviceSeconds;
        where[best] = t;
        expected[best].push(i);
      }
      expect(routes.map((r) => r.stops.map((s) => s.ticket))).toEqual(expected);
      const seen = new Set<number>();
      for (const r of routes) {
        expect(r.endSeconds).toBeLessThanOrEqual(crews[r.crew].shiftEndSeconds);
        if (crews[r.crew].capacityJobs !== null) expect(r.stops.length).toBeLessThanOrEqual(crews[r.crew].capacityJobs!);
        for (const s of r.stops) {
          expect(seen.has(s.ticket)).toBe(false);
          expect(tickets[s.ticket].roadless).toBeFalsy();
          seen.add(s.ticket);
        }
      }
      expect(metrics.served.total).toBe(seen.size);
    }
  });

  it('ignores priority: a Normal ticket that came first is served before a later High one', () => {
    const p = { lat: -5.15, lon: 119.42 };
    const crews: PlanCrew[] = [{ id: 1, base: p, shiftStartSeconds: 8 * H, shiftEndSeconds: 9 * H, capacityJobs: null }];
    const tickets: PlanTicket[] = [
      { id: 1, ...p, priority: 'normal', serviceSeconds: 1800, receivedSeconds: 0, dueSeconds: null },
      { id: 2, ...p, priority: 'high', serviceSeconds: 1800, receivedSeconds: 100, dueSeconds: null },
      { id: 3, ...p, priority: 'normal', serviceSeconds: 1800, receivedSeconds: 50, dueSeconds: null },
    ];
    const b = firstComeFirstServed(tickets, crews, { travel });
    expect(b.routes[0].stops.map((s) => s.ticket)).toEqual([0, 2]);
  });

  it('gives a tie to the lowest crew and skips the tickets the caller names', () => {
    const p = { lat: -5.15, lon: 119.42 };
    const crews: PlanCrew[] = [1, 2].map((id) => ({ id, base: p, shiftStartSeconds: 8 * H, shiftEndSeconds: 16 * H, capacityJobs: null }));
    const tickets: PlanTicket[] = [1, 2].map((id) => ({ id, ...p, priority: 'normal', serviceSeconds: 1800, receivedSeconds: id, dueSeconds: null }));
    const b = firstComeFirstServed(tickets, crews, { travel, skip: new Set([0]) });
    expect(b.routes.map((r) => r.stops.map((s) => s.ticket))).toEqual([[1], []]);
  });
});
