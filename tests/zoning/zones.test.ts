import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { gridDistance, latLngToCell } from 'h3-js';
import { buildZones, estimateZoneTravelSeconds, zoneOutline, ZONE_DEFAULTS, type ZoneTicket } from '../../server/core/zoning/zones.js';
import { createTravelModel, haversineMetres, travelMatrices } from '../../server/core/zoning/travel.js';
import { makassarScenario } from '../../bench/planning.js';

const travel = createTravelModel({ detourFactor: 1.35, speedKmh: 20 });

describe('travel model', () => {
  it('is haversine x detour at the city speed, in integer metres and seconds', () => {
    const a = { lat: -5.147, lon: 119.432 };
    const b = { lat: -5.135, lon: 119.45 };
    const straight = haversineMetres(a.lat, a.lon, b.lat, b.lon);
    expect(straight).toBeGreaterThan(2300);
    expect(straight).toBeLessThan(2500);
    expect(travel.metres(a, b)).toBe(Math.round(straight * 1.35));
    expect(travel.seconds(a, b)).toBe(Math.round(travel.metres(a, b) / (20 / 3.6)));
    const { distances, durations } = travelMatrices([a, b, a], travel);
    expect(Array.from(distances)).toEqual([0, travel.metres(a, b), 0, travel.metres(a, b), 0, travel.metres(a, b), 0, travel.metres(a, b), 0]);
    expect(durations[1]).toBe(travel.seconds(a, b));
  });

  it('refuses a detour below 1 or a speed of 0', () => {
    expect(() => createTravelModel({ detourFactor: 0.9, speedKmh: 20 })).toThrow(RangeError);
    expect(() => createTravelModel({ detourFactor: 1.35, speedKmh: 0 })).toThrow(RangeError);
  });
});

describe('buildZones', () => {
  const scenario = makassarScenario({ normal: 600, urgent: 0, crews: 1, seed: 3 });
  const tickets: ZoneTicket[] = scenario.tickets.map((t) => ({ lat: t.lat, lon: t.lon, serviceSeconds: t.serviceSeconds }));
  const capacity = 6 * 3600;
  const zones = buildZones(tickets, { resolution: 8, capacitySeconds: capacity, travel });

  it('puts every ticket in exactly one zone', () => {
    const seen = new Array(tickets.length).fill(0);
    for (const z of zones) for (const i of z.tickets) seen[i]++;
    expect(seen.every((n) => n === 1)).toBe(true);
  });

  it('sizes zones to a crew-day: none over capacity (unless one ticket), few crumbs', () => {
    for (const z of zones) {
      if (z.tickets.length > 1) expect(z.workSeconds).toBeLessThanOrEqual(capacity);
      expect(z.workSeconds).toBe(z.serviceSeconds + z.travelSeconds);
      expect(z.serviceSeconds).toBe(z.tickets.reduce((s, i) => s + tickets[i].serviceSeconds, 0));
    }
    const total = tickets.reduce((s, t) => s + t.serviceSeconds, 0);
    // Grown to a day each, not one zone per cell.
    expect(zones.length).toBeLessThan((2 * total) / capacity + 10);
    const small = zones.filter((z) => z.workSeconds < ZONE_DEFAULTS.mergeBelowShare * capacity).length;
    expect(small / zones.length).toBeLessThan(0.35);
  });

  it('groups connected cells: each zone cell is within two steps of another cell of the zone', () => {
    for (const z of zones) {
      expect(z.cells.every((c) => latLngToCell(0, 0, z.resolution).length === c.length)).toBe(true);
      for (const tIndex of z.tickets) expect(z.cells).toContain(latLngToCell(tickets[tIndex].lat, tickets[tIndex].lon, z.resolution));
      if (z.cells.length === 1 || z.id.includes('/')) continue;
      // Connected: a walk over near cells reaches them all.
      const reached = new Set([z.cells[0]]);
      const queue = [z.cells[0]];
      while (queue.length) {
        const c = queue.pop()!;
        for (const d of z.cells) {
          if (!reached.has(d) && gridDistance(c, d) <= ZONE_DEFAULTS.neighbourSteps) {
            reached.add(d);
            queue.push(d);
          }
        }
      }
      expect(reached.size).toBe(z.cells.length);
    }
  });

  it('outlines each zone as a MultiPolygon that contains its tickets', () => {
    for (const z of zones.slice(0, 40)) {
      const outline = zoneOutline(z);
      expect(outline.type).toBe('MultiPolygon');
      for (const i of z.tickets) expect(booleanPointInPolygon([tickets[i].lon, tickets[i].lat], outline)).toBe(true);
    }
  });

  it('is deterministic and ordered by id', () => {
    const again = buildZones(tickets, { resolution: 8, capacitySeconds: capacity, travel });
    expect(again.map((z) => [z.id, z.tickets])).toEqual(zones.map((z) => [z.id, z.tickets]));
    const ids = zones.map((z) => z.id);
    expect(ids).toEqual(ids.slice().sort());
  });

  it('splits a cell holding more than a day of work into finer cells, then slices', () => {
    // 40 tickets of 40 minutes within ~100 m: one resolution-8 cell, 26 hours of work.
    const dense: ZoneTicket[] = Array.from({ length: 40 }, (_, i) => ({ lat: -5.15 + (i % 7) * 0.0002, lon: 119.42 + Math.floor(i / 7) * 0.0002, serviceSeconds: 2400 }));
    const split = buildZones(dense, { resolution: 8, capacitySeconds: 8 * 3600, travel });
    expect(split.length).toBeGreaterThanOrEqual(4);
    expect(split.every((z) => z.resolution > 8)).toBe(true);
    for (const z of split) if (z.tickets.length > 1) expect(z.workSeconds).toBeLessThanOrEqual(8 * 3600);
    expect(split.flatMap((z) => z.tickets).sort((a, b) => a - b)).toEqual(dense.map((_, i) => i));
  });

  it('estimates no travel for one ticket and more for more tickets over more cells', () => {
    expect(estimateZoneTravelSeconds(1, 1, 8, travel)).toBe(0);
    expect(estimateZoneTravelSeconds(10, 3, 8, travel)).toBeGreaterThan(estimateZoneTravelSeconds(5, 3, 8, travel));
    expect(estimateZoneTravelSeconds(10, 6, 8, travel)).toBeGreaterThan(estimateZoneTravelSeconds(10, 3, 8, travel));
  });

  it('refuses a capacity of zero', () => {
    expect(() => buildZones(tickets, { resolution: 8, capacitySeconds: 0, travel })).toThrow(RangeError);
  });
});
