import { describe, expect, it } from 'vitest';
import { dispatchOptions, type CrewDay, type DispatchStop } from '../../server/core/planning/dispatch.js';
import { insertionOptions, timeRoute } from '../../server/core/planning/route.js';
import { routeToGpx } from '../../server/core/planning/gpx.js';
import { createTravelModel } from '../../server/core/zoning/travel.js';

const travel = createTravelModel({ detourFactor: 1.35, speedKmh: 20 });
const H = 3600;
const base = { lat: -5.15, lon: 119.42 };

const stop = (id: number, lat: number, lon: number, priority: DispatchStop['priority'] = 'normal'): DispatchStop => ({ ticketId: id, lat, lon, serviceSeconds: 1800, priority });

function day(crewId: number, extra: Partial<CrewDay> = {}): CrewDay {
  return { crewId, base, shiftEndSeconds: 16 * H, capacityJobs: null, position: base, freeFromSeconds: 10 * H, pending: [], doneCount: 0, ...extra };
}

describe('dispatchOptions', () => {
  const ticket = { lat: -5.16, lon: 119.43, serviceSeconds: 2700, dueSeconds: 14 * H };

  it('ranks crews by arrival: a free crew nearby beats a busy one', () => {
    const busy = day(1, { freeFromSeconds: 11 * H });
    const free = day(2, { position: { lat: -5.17, lon: 119.44 } });
    const options = dispatchOptions([busy, free], ticket, travel);
    expect(options.map((o) => o.crewId)).toEqual([2, 1]);
    expect(options[0].arrivalSeconds).toBe(10 * H + travel.seconds(free.position, ticket));
    expect(options[1].arrivalSeconds).toBeGreaterThanOrEqual(11 * H);
  });

  it("puts the ticket where it costs least while meeting its due time, and re-times the crew's later stops", () => {
    const pending = [stop(1, -5.14, 119.41), stop(2, -5.165, 119.435), stop(3, -5.13, 119.40)];
    const [o] = dispatchOptions([day(1, { pending })], ticket, travel);
    expect(o.meetsDue).toBe(true);
    expect(o.route.stops).toHaveLength(4);
    expect(o.route.endSeconds).toBe(o.endSeconds);
    expect(o.endSeconds).toBeLessThanOrEqual(16 * H);
    // Next to stop 2 (the ticket's neighbour) rather than at the start.
    expect([1, 2, 3]).toContain(o.position);
    const before = timeRoute(0, base, 10 * H, [0, 1, 2], pending, travel);
    expect(o.endSeconds - before.endSeconds).toBe(o.addedSeconds);
  });

  it('prefers the earliest arrival when no position meets the due time', () => {
    const late = { ...ticket, dueSeconds: 10 * H };
    const pending = [stop(1, -5.14, 119.41), stop(2, -5.13, 119.40)];
    const [o] = dispatchOptions([day(1, { pending })], late, travel);
    expect(o.meetsDue).toBe(false);
    expect(o.position).toBe(0);
  });

  it('drops Normal stops from the end of a full day, never urgent ones, and only when nothing fits', () => {
    const pending = [stop(1, -5.14, 119.41, 'high'), stop(2, -5.141, 119.411), stop(3, -5.142, 119.412)];
    const tight = day(1, { pending, freeFromSeconds: 14 * H });
    const [o] = dispatchOptions([tight], ticket, travel);
    expect(o.dropped.length).toBeGreaterThan(0);
    expect(o.dropped).not.toContain(1);
    expect(o.route.endSeconds).toBeLessThanOrEqual(16 * H);
    const roomy = day(2, { pending, freeFromSeconds: 9 * H });
    const ranked = dispatchOptions([tight, roomy], ticket, travel);
    expect(ranked[0].crewId).toBe(2);
    expect(ranked[0].dropped).toEqual([]);
  });

  it('gives no option for a crew whose shift is over or whose job count is reached', () => {
    expect(dispatchOptions([day(1, { freeFromSeconds: 16 * H - 600 })], ticket, travel)).toEqual([]);
    expect(dispatchOptions([day(1, { capacityJobs: 2, doneCount: 2 })], ticket, travel)).toEqual([]);
  });
});

describe('insertionOptions', () => {
  it('lists every feasible position with its arrival and the added time', () => {
    const tickets = [{ lat: -5.14, lon: 119.41, serviceSeconds: 600 }, { lat: -5.16, lon: 119.43, serviceSeconds: 600 }];
    const r = timeRoute(0, base, 8 * H, [0], tickets, travel);
    const options = insertionOptions(r, tickets, tickets[1], { shiftEndSeconds: 16 * H, capacityJobs: null }, travel);
    expect(options.map((o) => o.position)).toEqual([0, 1]);
    for (const o of options) {
      const stops = [0];
      stops.splice(o.position, 0, 1);
      const after = timeRoute(0, base, 8 * H, stops, tickets, travel);
      expect(after.endSeconds).toBe(o.endSeconds);
      expect(after.stops[o.position].arrivalSeconds).toBe(o.arrivalSeconds);
    }
    expect(insertionOptions(r, tickets, tickets[1], { shiftEndSeconds: r.endSeconds + 100, capacityJobs: null }, travel)).toEqual([]);
    expect(insertionOptions(r, tickets, tickets[1], { shiftEndSeconds: 16 * H, capacityJobs: 1 }, travel)).toEqual([]);
  });
});

describe('routeToGpx', () => {
  it('writes waypoints in visit order and the trip as a route, with XML escaped', () => {
    const gpx = routeToGpx({
      crewCode: 'URC-1',
      date: '2026-11-24',
      stops: [
        { seq: 1, number: 'LK-1', lat: -5.1, lon: 119.4, eta: '2026-11-24T00:30:00.000Z', priority: 'high', address: 'Jl. A & B', description: '<bocor>' },
        { seq: 2, number: 'LK-2', lat: -5.2, lon: 119.5, eta: '2026-11-24T01:30:00.000Z', priority: 'normal', address: null, description: null },
      ],
      path: [[119.41, -5.15], [119.4, -5.1], [119.5, -5.2], [119.41, -5.15]],
    });
    expect(gpx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gpx version="1.1"/);
    expect(gpx.indexOf('1. LK-1')).toBeLessThan(gpx.indexOf('2. LK-2'));
    expect(gpx).toContain('Jl. A &amp; B');
    expect(gpx).toContain('&lt;bocor&gt;');
    expect(gpx.match(/<rtept /g)).toHaveLength(4);
    expect(gpx.trim().endsWith('</gpx>')).toBe(true);
  });
});
