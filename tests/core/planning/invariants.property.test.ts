/**
 * The invariants of every re-plan (core/planning/invariants.ts) over random days:
 * the plans slice's preparation (features/plans/replan.ts, pure) around planDay,
 * with the solver's budget counted in clock ticks (iterations), not time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDay } from '../../../server/core/planning/plan-day.js';
import { otherDaysUntouched, pinsKept, startedStopsKept, underWayKept, urgentServedFirst, type CrewReach, type ReplanOutcome } from '../../../server/core/planning/invariants.js';
import { createTravelModel } from '../../../server/core/zoning/travel.js';
import { replan, type ReplanDay, type ReplanTicket } from '../../../server/features/plans/replan.js';
import type { Priority, TicketStatus } from '../../../server/core/domain/tickets.js';

const travel = createTravelModel({ detourFactor: 1.35, speedKmh: 20 });
const SHIFT = { start: 8 * 3600, end: 16 * 3600 };

interface Spec {
  crews: { dLat: number; dLon: number; capacity: number | null; locked: boolean }[];
  tickets: { dLat: number; dLon: number; priority: Priority; service: number; due: number | null; kind: number; crew: number; pin: number; committed: boolean; hand: boolean }[];
  now: number;
  began: boolean;
}

const specs: fc.Arbitrary<Spec> = fc.record({
  crews: fc.array(fc.record({ dLat: fc.double({ min: -0.03, max: 0.03, noNaN: true }), dLon: fc.double({ min: -0.03, max: 0.03, noNaN: true }), capacity: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }), locked: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  tickets: fc.array(
    fc.record({
      dLat: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      dLon: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      priority: fc.constantFrom<Priority>('critical', 'high', 'normal', 'normal', 'normal'),
      service: fc.integer({ min: 900, max: 5400 }),
      due: fc.option(fc.integer({ min: -7200, max: 30_000 }), { nil: null }),
      // 0-4: waiting (spk_issued), 5-6: assigned by a plan, 7: on site, 8: fixed
      kind: fc.integer({ min: 0, max: 8 }),
      crew: fc.nat(),
      // 0-6: no pin, 7: pinned to `crew`, 8: taken out
      pin: fc.integer({ min: 0, max: 8 }),
      committed: fc.boolean(),
      hand: fc.boolean(),
    }),
    { maxLength: 30 },
  ),
  now: fc.integer({ min: 6 * 3600, max: 14 * 3600 }),
  began: fc.boolean(),
});

function dayOf(spec: Spec): { day: ReplanDay; underWay: Map<number, number>; started: Map<number, number>; pins: Map<number, number | null> } {
  const K = spec.crews.length;
  const crewIds = spec.crews.map((_, k) => 100 + k);
  const tickets: ReplanTicket[] = spec.tickets.map((t, i) => {
    const status: TicketStatus = t.kind <= 4 ? 'spk_issued' : t.kind <= 6 ? 'assigned' : t.kind === 7 ? 'on_site' : 'fixed';
    return {
      id: i + 1,
      lat: -5.15 + t.dLat,
      lon: 119.42 + t.dLon,
      priority: t.priority,
      serviceSeconds: t.service,
      dueSeconds: t.due === null ? null : spec.now + t.due,
      receivedSeconds: i,
      status,
      crewId: status === 'spk_issued' ? null : crewIds[t.crew % K],
      handAssigned: status === 'assigned' && t.hand,
    };
  });
  const underWay = new Map(tickets.filter((t) => t.status === 'on_site' || t.status === 'fixed').map((t) => [t.id, t.crewId!]));
  // Committed to another day: some tickets assigned by a plan (not by hand).
  const committed = new Set(tickets.filter((t, i) => t.status === 'assigned' && !t.handAssigned && spec.tickets[i].committed).map((t) => t.id));
  const began = spec.began && spec.now >= SHIFT.start;
  const next = new Map<number, number>();
  if (began) {
    for (const t of tickets) if (t.status === 'assigned' && !committed.has(t.id) && !next.has(t.crewId!)) next.set(t.crewId!, t.id);
  }
  const isNext = new Set(next.values());
  const pins = new Map<number, number | null>();
  spec.tickets.forEach((t, i) => {
    const ticket = tickets[i];
    if ((ticket.status !== 'spk_issued' && ticket.status !== 'assigned') || committed.has(ticket.id) || isNext.has(ticket.id)) return;
    if (t.pin === 7) pins.set(ticket.id, crewIds[t.crew % K]);
    if (t.pin === 8) pins.set(ticket.id, null);
  });
  const locks = new Map<number, number[]>();
  spec.crews.forEach((c, k) => {
    if (c.locked) locks.set(crewIds[k], tickets.filter((t) => t.crewId === crewIds[k] && t.status === 'assigned' && !committed.has(t.id)).map((t) => t.id));
  });
  let ticks = 0;
  const day: ReplanDay = {
    tickets,
    crews: spec.crews.map((c, k) => {
      const done = tickets.filter((t) => underWay.get(t.id) === crewIds[k]).map((t) => t.id);
      const last = done.length > 0 ? tickets[done[done.length - 1] - 1] : null;
      return {
        id: crewIds[k],
        base: { lat: -5.15 + c.dLat, lon: 119.42 + c.dLon },
        shiftStartSeconds: SHIFT.start,
        shiftEndSeconds: SHIFT.end,
        capacityJobs: c.capacity,
        done,
        position: last ? { lat: last.lat, lon: last.lon, seconds: spec.now - 600 } : null,
        next: next.get(crewIds[k]) ?? null,
      };
    }),
    pins,
    locks,
    committedElsewhere: committed,
    nowSeconds: spec.now,
    travel,
    objective: 'distance',
    resolution: 8,
    maxReachMetres: 30_000,
    budgetMs: 400,
    clockMs: () => ticks++,
  };
  const started = new Map([...next.entries()].map(([crew, ticket]) => [ticket, crew]));
  // Hand assignments are the dispatcher's too: kept like pins.
  const effective = new Map(pins);
  for (const t of tickets) if (t.handAssigned && !pins.has(t.id) && !committed.has(t.id) && !isNext.has(t.id)) effective.set(t.id, t.crewId);
  return { day, underWay, started, pins: effective };
}

describe('re-plan invariants over random days (planDay on an iteration budget)', () => {
  it('keeps work under way, started stops, pins and other days; serves urgent work before Normal', async () => {
    await fc.assert(
      fc.asyncProperty(specs, async (spec) => {
        const { day, underWay, started, pins } = dayOf(spec);
        const result = await replan(day, planDay);
        const outcome: ReplanOutcome = {
          routes: result.routes.map((r) => ({ crewId: r.crewId, ticketIds: [...r.done, ...r.stops.map((s) => s.ticketId)] })),
          unplanned: result.unplanned,
        };
        // Every ticket of the pool is in exactly one route or unplanned.
        const seen = new Map<number, number>();
        for (const r of outcome.routes) for (const t of r.ticketIds) seen.set(t, (seen.get(t) ?? 0) + 1);
        for (const u of outcome.unplanned) seen.set(u.ticketId, (seen.get(u.ticketId) ?? 0) + 1);
        for (const [t, n] of seen) expect(n, `ticket ${t}`).toBe(1);
        // No route past its shift, unless all it holds is the next stop its crew is already driving to.
        for (const r of result.routes) {
          const next = day.crews.find((x) => x.id === r.crewId)!.next;
          if (r.endSeconds > SHIFT.end) expect(r.stops.map((s) => s.ticketId)).toEqual([next]);
        }

        expect(underWayKept(underWay, outcome)).toEqual([]);
        expect(startedStopsKept(started, outcome)).toEqual([]);
        expect(pinsKept(pins, outcome)).toEqual([]);
        expect(otherDaysUntouched(day.committedElsewhere, outcome)).toEqual([]);

        // The rest of each crew's day starts where it is (its last stop), not before now and its shift.
        const reaches: CrewReach[] = result.reaches;
        for (const r of reaches) {
          const crew = day.crews.find((x) => x.id === r.crewId)!;
          expect(r.from).toEqual(crew.position ? { lat: crew.position.lat, lon: crew.position.lon } : crew.base);
          expect(r.startSeconds).toBe(Math.max(SHIFT.start, day.nowSeconds, crew.position?.seconds ?? 0));
          expect(r.capacityJobs).toBe(crew.capacityJobs === null ? null : Math.max(0, crew.capacityJobs - crew.done.length));
        }
        const tickets = result.tickets;
        const indexOf = new Map(tickets.map((t, i) => [t.id, i]));
        const routes = reaches.map((c) => result.routes.find((r) => r.crewId === c.crewId)!.stops.map((s) => indexOf.get(s.ticketId)!));
        const unplanned = result.unplanned.filter((u) => indexOf.has(u.ticketId)).map((u) => ({ ticket: indexOf.get(u.ticketId)!, reason: u.reason }));
        const nextOf = (k: number) => day.crews.find((x) => x.id === reaches[k].crewId)!.next;
        const yields = (k: number) => new Set(routes[k].filter((i) => tickets[i].priority === 'normal' && tickets[i].pinnedCrew == null && tickets[i].id !== nextOf(k)));
        const first = (k: number) => (routes[k].length > 0 && tickets[routes[k][0]].id === nextOf(k) ? 1 : 0);
        const reachTickets = tickets.map((t, i) => ({ ...t, id: i }));
        expect(urgentServedFirst(reachTickets, reaches, routes, unplanned, yields, travel, day.nowSeconds, first)).toEqual([]);
        // A crew's next stop comes first in its route.
        for (const r of result.routes) {
          const next = day.crews.find((x) => x.id === r.crewId)!.next;
          if (next !== null && r.stops.some((s) => s.ticketId === next)) expect(r.stops[0].ticketId).toBe(next);
        }
        // Urgent tickets no crew can reach in time are listed first.
        const firstOther = result.unplanned.findIndex((u) => u.reason !== 'no_crew_within_sla');
        if (firstOther >= 0) expect(result.unplanned.slice(firstOther).every((u) => u.reason !== 'no_crew_within_sla')).toBe(true);
      }),
      { numRuns: 150, seed: 20261124 },
    );
  }, 120_000);

  it('each check finds what breaks it', () => {
    const outcome: ReplanOutcome = { routes: [{ crewId: 1, ticketIds: [10, 11] }, { crewId: 2, ticketIds: [12] }], unplanned: [{ ticketId: 13, reason: 'shift_full' }] };
    expect(underWayKept(new Map([[12, 1]]), outcome).map((v) => v.ticketId)).toEqual([12]);
    expect(startedStopsKept(new Map([[10, 2]]), outcome).map((v) => v.ticketId)).toEqual([10]);
    expect(pinsKept(new Map<number, number | null>([[13, 1], [11, null], [12, 2]]), outcome).map((v) => v.ticketId)).toEqual([13, 11]);
    expect(otherDaysUntouched(new Set([13, 99]), outcome).map((v) => v.ticketId)).toEqual([13]);
    // A Critical ticket next to crew 1, left out while crew 1 drives to a far Normal one.
    const tickets = [
      { id: 0, lat: -5.15, lon: 119.42, priority: 'critical' as const, serviceSeconds: 1800, dueSeconds: 40_000 },
      { id: 1, lat: -5.2, lon: 119.5, priority: 'normal' as const, serviceSeconds: 25_000, dueSeconds: null },
    ];
    const crews: CrewReach[] = [{ crewId: 1, base: { lat: -5.15, lon: 119.42 }, from: { lat: -5.15, lon: 119.42 }, startSeconds: SHIFT.start, shiftEndSeconds: SHIFT.end, capacityJobs: null }];
    const left = [{ ticket: 0, reason: 'shift_full' }];
    expect(urgentServedFirst(tickets, crews, [[1]], left, () => new Set([1]), travel, SHIFT.start).map((v) => v.invariant)).toEqual(['urgent_left_for_normal']);
    expect(urgentServedFirst(tickets, crews, [[1]], left, () => new Set(), travel, SHIFT.start)).toEqual([]);
    // Due before anyone can get there: the reason must say so.
    const late = [{ ...tickets[0], lat: -5.4, dueSeconds: SHIFT.start + 600 }];
    expect(urgentServedFirst(late, crews, [[]], left, () => new Set(), travel, SHIFT.start).map((v) => v.invariant)).toEqual(['urgent_reason_wrong']);
  });
});
