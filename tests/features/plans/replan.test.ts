/**
 * The re-plan's finishing steps (features/plans/replan.ts, pure), on a solver
 * stand-in that breaks the urgent-first rule: the repair puts the urgent
 * ticket in place of Normal stops, and an urgent ticket nobody can reach in
 * time gets the reason that says so, first in the list.
 */
import { describe, expect, it } from 'vitest';
import { createTravelModel } from '../../../server/core/zoning/travel.js';
import { replan, type ReplanDay, type ReplanTicket } from '../../../server/features/plans/replan.js';
import type { DayPlan } from '../../../server/core/planning/plan-day.js';
import { timeRoute } from '../../../server/core/planning/route.js';
import type { PlanInput } from '../../../server/core/planning/model.js';

const travel = createTravelModel({ detourFactor: 1.35, speedKmh: 20 });
const base = { lat: -5.15, lon: 119.42 };
const ticket = (id: number, dLat: number, priority: ReplanTicket['priority'], dueSeconds: number | null, serviceSeconds = 3 * 3600): ReplanTicket => ({
  id,
  lat: base.lat + dLat,
  lon: base.lon,
  priority,
  serviceSeconds,
  dueSeconds,
  receivedSeconds: id,
  status: 'spk_issued',
  crewId: null,
  handAssigned: false,
});

function dayWith(tickets: ReplanTicket[]): ReplanDay {
  return {
    tickets,
    crews: [{ id: 7, base, shiftStartSeconds: 8 * 3600, shiftEndSeconds: 16 * 3600, capacityJobs: null, done: [], position: null, next: null }],
    pins: new Map(),
    locks: new Map(),
    committedElsewhere: new Set(),
    nowSeconds: 7 * 3600,
    travel,
    objective: 'distance',
    resolution: 8,
    maxReachMetres: 50_000,
  };
}

/** A solver that fills the day with the Normal tickets and leaves every urgent one out. */
const normalFirst = (input: PlanInput): DayPlan => {
  const normals = input.tickets.map((t, i) => ({ t, i })).filter(({ t }) => t.priority === 'normal').map(({ i }) => i);
  return {
    routes: [timeRoute(0, input.crews[0].base, input.crews[0].shiftStartSeconds, normals, input.tickets, travel)],
    unplanned: input.tickets.map((t, i) => ({ t, i })).filter(({ t }) => t.priority !== 'normal').map(({ i }) => ({ ticket: i, reason: 'shift_full' as const })),
    zones: [],
    zoneCrew: [0],
  };
};

describe('urgent work before Normal, after the solve', () => {
  it('a Critical ticket the crew can reach in time takes the place of Normal stops; they go back where they fit', async () => {
    const day = dayWith([ticket(1, 0.002, 'normal', null), ticket(2, 0.004, 'normal', null), ticket(3, 0.001, 'critical', 12 * 3600, 1800)]);
    const result = await replan(day, normalFirst);
    const stops = result.routes[0].stops.map((s) => s.ticketId);
    expect(stops).toContain(3);
    expect(result.routes[0].stops.find((s) => s.ticketId === 3)!.arrivalSeconds).toBeLessThanOrEqual(12 * 3600);
    expect(result.routes[0].endSeconds).toBeLessThanOrEqual(16 * 3600);
    // 8 h: the Critical job (30 min) and one 3 h Normal job fit with travel; the other Normal one rolls over.
    expect(stops).toHaveLength(3 - result.unplanned.length);
    expect(result.unplanned.every((u) => u.reason === 'shift_full' && u.ticketId !== 3)).toBe(true);
  });

  it('an urgent ticket no crew can reach in time is listed first, with the reason no_crew_within_sla', async () => {
    // Due at 08:05, 20 km away: no crew gets there in time.
    // Two 5 h Normal jobs: the second rolls over (shift_full), listed after it.
    const day = dayWith([ticket(1, 0.002, 'normal', null, 5 * 3600), ticket(2, 0.18, 'high', 8 * 3600 + 300, 1800), ticket(3, 0.003, 'normal', null, 5 * 3600)]);
    const result = await replan(day, normalFirst);
    expect(result.unplanned).toEqual([
      { ticketId: 2, reason: 'no_crew_within_sla' },
      { ticketId: 3, reason: 'shift_full' },
    ]);
  });
});
