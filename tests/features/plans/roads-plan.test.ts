/**
 * Planning on roads through the HTTP API (issue 16): the Balikpapan demo
 * (fixtures/balikpapan.ts, its OpenStreetMap extract imported at seed time)
 * is planned on its street network: trip lines follow the edges, their length
 * is the road distance the plan counts, a ticket off the network is left out
 * with a reason the dispatcher can act on, and the crew's GPX carries the
 * street points. A utility without a network keeps straight lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, startServer, type TestEnv } from '../../support/db.js';
import { api, insertTickets, pointInArea, PLAN_MORNING } from '../../planning/support.js';
import { seedBalikpapan } from '../../../fixtures/balikpapan.js';
import { demoToken, farthestFromNetwork as metresFromRoads } from '../../support/roads.js';
import { findUtilityById } from '../../../server/features/utilities/service.js';
import { haversineMetres } from '../../../server/core/zoning/travel.js';

const t = {} as { env: TestEnv; server: { baseUrl: string; close(): Promise<void> }; utilityId: number; code: string };
const PLAN_DAY = '2026-11-24';
/** In the bay south of the city: about 1 km from the nearest street. */
const AT_SEA = { lat: -1.2905, lon: 116.8345 };

beforeAll(async () => {
  t.env = await createTestEnv({ crews: 2 });
  t.env.clock.set(PLAN_MORNING);
  t.code = `bpn-${t.env.utility.code.slice(5)}`;
  t.utilityId = await seedBalikpapan(t.env.ctx, { code: t.code });
  t.server = await startServer(t.env.ctx);
}, 240_000);

afterAll(async () => {
  await t.env?.db('utilities').where({ id: t.utilityId }).delete();
  await t.server?.close();
  await t.env?.close();
});

const tokenOf = (username: string) => demoToken(t.server.baseUrl, t.code, username);
const farthestFromNetwork = (points: readonly [number, number][]) => metresFromRoads(t.env.db, t.utilityId, points);

describe('planning on roads (Balikpapan demo)', { timeout: 240_000 }, () => {
  let plan: any;

  it('seeds the demo on its network: WITA, a boundary from the network, two regions, three crews on the network, a day of reports with an SPK', async () => {
    expect(await seedBalikpapan(t.env.ctx, { code: t.code })).toBe(t.utilityId);
    const utility = (await findUtilityById(t.env.db, t.utilityId))!;
    expect(utility.timeZone).toBe('Asia/Makassar');
    const regions = await t.env.db('service_regions').where({ utility_id: t.utilityId }).count({ n: '*' }).first();
    expect(Number(regions!.n)).toBe(2);
    const crews = await t.env.db('crews').where({ utility_id: t.utilityId }).select(t.env.db.raw('ST_X(base::geometry) AS lon, ST_Y(base::geometry) AS lat'));
    expect(crews).toHaveLength(3);
    expect(await farthestFromNetwork(crews.map((c) => [c.lon, c.lat]))).toBeLessThan(1);
    const tickets = await t.env.db('tickets').where({ utility_id: t.utilityId }).select('status', t.env.db.raw('ST_X(location::geometry) AS lon, ST_Y(location::geometry) AS lat'));
    expect(tickets.length).toBeGreaterThanOrEqual(35);
    expect(new Set(tickets.map((x) => x.status))).toEqual(new Set(['spk_issued']));
    // On or beside the streets.
    expect(await farthestFromNetwork(tickets.map((x) => [x.lon, x.lat]))).toBeLessThan(25);
    // The boundary is the network's hull: every edge inside it, and far less than the extract's bounding box.
    const { rows } = await t.env.db.raw(
      `SELECT ST_Area(u.service_area) AS area, bool_and(ST_Covers(ST_Buffer(u.service_area::geometry, 0.000001), e.geom)) AS covers FROM utilities u JOIN road_edges e ON e.utility_id = u.id WHERE u.id = ? GROUP BY u.service_area`,
      [t.utilityId],
    );
    expect(rows[0].covers).toBe(true);
    expect(Number(rows[0].area)).toBeLessThan(0.9 * 7.6e3 * 3.7e3);
  });

  it('plans the day on the streets: trip lines along the edges, as long as the road km the plan counts; a ticket at sea set aside with its reason', async () => {
    // A report out in the bay (the service area stretched to take it): off the network.
    await t.env.db.raw('UPDATE utilities SET service_area = ST_Multi(ST_Union(service_area::geometry, ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.003)))::geography WHERE id = ?', [AT_SEA.lon, AT_SEA.lat, t.utilityId]);
    const operator = await tokenOf('operator');
    const admin = await tokenOf('admin');
    const report = await api(t.server.baseUrl, operator, 'POST', '/api/v1/tickets', { ...AT_SEA, category: 'visible_leak', source: 'call_centre', description: 'Rembesan di dermaga' });
    expect(report.status).toBe(201);
    expect((await api(t.server.baseUrl, admin, 'POST', `/api/v1/tickets/${report.body.id}/spk`, { priority: 'normal' })).status).toBe(200);

    const dispatcher = await tokenOf('dispatcher');
    const res = await api(t.server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: PLAN_DAY });
    expect(res.status).toBe(201);
    plan = res.body;
    const routes = plan.routes.filter((r: any) => r.stops.length > 0);
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const stopsServed = routes.reduce((a: number, r: any) => a + r.stops.length, 0);
    expect(stopsServed).toBeGreaterThanOrEqual(15);

    for (const r of routes) {
      const coords: [number, number][] = r.path.coordinates;
      // The streets' shape points: many more vertices than the base, the stops and the base again.
      expect(coords.length).toBeGreaterThan(3 * (r.stops.length + 2));
      // Every vertex on an edge of the network (a few metres: the stored line is rounded to 1e-7 degrees).
      expect(await farthestFromNetwork(coords)).toBeLessThan(3);
      // The line is the road distance the plan counts for the trip (snapping a stop to its street adds a little).
      let lineMetres = 0;
      for (let i = 1; i < coords.length; i++) lineMetres += haversineMetres(coords[i - 1][1], coords[i - 1][0], coords[i][1], coords[i][0]);
      expect(Math.abs(lineMetres - r.km * 1000) / (r.km * 1000)).toBeLessThan(0.1);
      // And longer than the straight lines between the stops.
      const via = [[r.path.coordinates[0][1], r.path.coordinates[0][0]], ...r.stops.map((s: any) => [s.lat, s.lon]), [r.path.coordinates[0][1], r.path.coordinates[0][0]]];
      let straight = 0;
      for (let i = 1; i < via.length; i++) straight += haversineMetres(via[i - 1][0], via[i - 1][1], via[i][0], via[i][1]);
      expect(lineMetres).toBeGreaterThan(straight);
    }

    const atSea = plan.unplanned.find((u: any) => u.ticketId === report.body.id);
    expect(atSea).toMatchObject({ reason: 'off_road_network' });
    expect(atSea.message).toMatch(/pin it to a crew/);
    expect(plan.unplanned.filter((u: any) => u.reason === 'off_road_network')).toHaveLength(1);
    // The fair baseline is planned on the same roads (it serves tickets, with road km).
    expect(plan.baseline.served.total).toBeGreaterThan(0);
  });

  it('a ticket off the network pinned to a crew is planned (its legs by straight line)', async () => {
    const dispatcher = await tokenOf('dispatcher');
    const atSea = plan.unplanned.find((u: any) => u.reason === 'off_road_network');
    const crewId = plan.routes[0].crewId;
    const pinned = await api(t.server.baseUrl, dispatcher, 'POST', `/api/v1/plans/${plan.id}/pins`, { ticketId: atSea.ticketId, crewId });
    expect(pinned.status).toBe(201);
    const route = pinned.body.routes.find((r: any) => r.crewId === crewId);
    expect(route.stops.map((s: any) => s.ticketId)).toContain(atSea.ticketId);
    expect(pinned.body.unplanned.some((u: any) => u.ticketId === atSea.ticketId)).toBe(false);
    plan = pinned.body;
  });

  it("the crew's GPX follows the streets: every point of the stored line", async () => {
    const dispatcher = await tokenOf('dispatcher');
    const published = await api(t.server.baseUrl, dispatcher, 'POST', `/api/v1/plans/${plan.id}/publish`, {});
    expect(published.status).toBe(200);
    const route = plan.routes.find((r: any) => r.stops.length > 1 && !r.stops.some((s: any) => s.lat < -1.285));
    const gpx = await api(t.server.baseUrl, dispatcher, 'GET', `/api/v1/crews/${route.crewId}/route?date=${PLAN_DAY}&format=gpx`);
    expect(gpx.status).toBe(200);
    const points = [...gpx.text.matchAll(/<rtept lat="([-\d.]+)" lon="([-\d.]+)"/g)].map((m) => [Number(m[2]), Number(m[1])] as [number, number]);
    expect(points.length).toBe(route.path.coordinates.length);
    expect(points.length).toBeGreaterThan(3 * (route.stops.length + 2));
    expect(await farthestFromNetwork(points)).toBeLessThan(3);
  });

  it('an urgent ticket dispatched now goes into a crew\'s day along the streets; the zones preview sizes zones on the roads', async () => {
    const [operator, admin, dispatcher] = await Promise.all(['operator', 'admin', 'dispatcher'].map(tokenOf));
    const site = { lat: -1.2668, lon: 116.8392 };
    const report = await api(t.server.baseUrl, operator, 'POST', '/api/v1/tickets', { ...site, category: 'pipe_burst', source: 'call_centre', description: 'Pipa induk pecah' });
    expect(report.status).toBe(201);
    expect((await api(t.server.baseUrl, admin, 'POST', `/api/v1/tickets/${report.body.id}/spk`, { priority: 'critical' })).status).toBe(200);
    const suggestions = await api(t.server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${report.body.id}`);
    expect(suggestions.status).toBe(200);
    const best = suggestions.body.options[0];
    expect(best.addedKm).toBeGreaterThan(0);
    const dispatched = await api(t.server.baseUrl, dispatcher, 'POST', '/api/v1/dispatch', { ticketId: report.body.id, crewId: best.crewId });
    expect(dispatched.status).toBe(201);
    const route = dispatched.body.routes.find((r: any) => r.crewId === best.crewId);
    expect(route.stops.map((x: any) => x.ticketId)).toContain(report.body.id);
    expect(route.path.coordinates.length).toBeGreaterThan(3 * (route.stops.length + 2));
    expect(await farthestFromNetwork(route.path.coordinates.filter(([lon, lat]: [number, number]) => lat > -1.285 || lon < 116.83))).toBeLessThan(3);

    const zones = await api(t.server.baseUrl, dispatcher, 'GET', `/api/v1/zones?date=${PLAN_DAY}`);
    expect(zones.status).toBe(200);
    expect(zones.body.features.length).toBeGreaterThan(0);
  });

  it('a utility without a road network keeps straight lines: base, stops, base', async () => {
    await insertTickets(t.env, Array.from({ length: 5 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dispatcher', password: 'rahasia-uji', jurisdiction_id: t.env.utility.code }) });
    const { token } = (await res.json()) as { token: string };
    const made = await api(t.server.baseUrl, token, 'POST', '/api/v1/plans', { date: PLAN_DAY });
    expect(made.status).toBe(201);
    const routes = made.body.routes.filter((r: any) => r.stops.length > 0);
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) expect(r.path.coordinates).toHaveLength(r.stops.length + 2);
  });
});
