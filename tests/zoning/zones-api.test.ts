import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { api, insertTickets, pointInArea, usePlanningServer } from '../planning/support.js';

const DATE = '2026-11-24';
const fx = usePlanningServer({ crews: 3 });

describe('GET /api/v1/zones', () => {
  it('zones the Normal tickets with an SPK as merged H3 outlines with counts and work minutes', async () => {
    const normal = await insertTickets(fx.env, Array.from({ length: 30 }, (_, i) => pointInArea(i)));
    await insertTickets(fx.env, [
      { ...pointInArea(40), priority: 'high' },
      { ...pointInArea(41), priority: null, status: 'received' },
    ]);
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'GET', `/api/v1/zones?date=${DATE}`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/geo+json');
    expect(res.body.type).toBe('FeatureCollection');
    const features = res.body.features;
    expect(features.length).toBeGreaterThan(1);
    const all = features.flatMap((f: any) => f.properties.ticketIds);
    expect(all.sort((a: number, b: number) => a - b)).toEqual(normal.slice().sort((a, b) => a - b));
    const points = new Map((await fx.env.db('tickets').whereIn('id', normal).select('id', fx.env.db.raw('ST_X(location::geometry) AS lon'), fx.env.db.raw('ST_Y(location::geometry) AS lat'))).map((r) => [r.id, [r.lon, r.lat]]));
    for (const f of features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(f.properties.ticketCount).toBe(f.properties.ticketIds.length);
      expect(f.properties.workMinutes).toBeCloseTo(f.properties.serviceMinutes + f.properties.travelMinutes, 0);
      if (f.properties.ticketCount > 1) expect(f.properties.workMinutes).toBeLessThanOrEqual(res.body.zoneCapacityMinutes + 0.1);
      for (const id of f.properties.ticketIds) expect(booleanPointInPolygon(points.get(id) as [number, number], f.geometry)).toBe(true);
      expect(f.properties.crewId).toBeNull();
    }
  });

  it('names the crew each zone went to once the day is planned', async () => {
    const plan = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
    expect(plan.status).toBe(201);
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'GET', `/api/v1/zones?date=${DATE}`);
    expect(res.body.planId).toBe(plan.body.id);
    const withCrew = res.body.features.filter((f: any) => f.properties.crewId !== null);
    expect(withCrew.length).toBeGreaterThan(0);
    for (const f of withCrew) expect(fx.env.crews).toContain(f.properties.crewId);
  });

  it('refuses a malformed date', async () => {
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'GET', '/api/v1/zones?date=tomorrow');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('date');
  });
});
