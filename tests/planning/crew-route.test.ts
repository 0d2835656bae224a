import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../support/db.js';
import { api, insertTickets, pointInArea, planAndPublish } from './support.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let plan: any;
let withPhoto: number;
const DATE = '2026-11-24';

beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
  env.clock.set('2026-11-23T23:00:00Z');
  server = await startServer(env.ctx);
  const ids = await insertTickets(env, [...Array.from({ length: 8 }, (_, i) => pointInArea(i)), { ...pointInArea(9), priority: 'high' }]);
  withPhoto = ids[0];
  await env.db('photos').insert({
    utility_id: env.utility.id,
    ticket_id: withPhoto,
    kind: 'report',
    sha256: 'ab'.repeat(32),
    stored_path: 'ab/test.jpg',
    mime_type: 'image/jpeg',
    size_bytes: 1000,
    width: 160,
    height: 120,
    blur_score: 500,
  });
  plan = (await planAndPublish(server.baseUrl, await loginAs(server.baseUrl, env.utility, 'dispatcher'), { date: DATE, objective: 'makespan' })).body;
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

describe('GET /api/v1/crews/:id/route', () => {
  it("gives the crew its ordered stops with ETA, address, priority, photo, navigation links and the trip as GeoJSON", async () => {
    const token = await loginAs(server.baseUrl, env.utility, 'crew1');
    const res = await api(server.baseUrl, token, 'GET', `/api/v1/crews/${env.crews[0]}/route?date=${DATE}`);
    expect(res.status).toBe(200);
    const expected = plan.routes.find((r: any) => r.crewId === env.crews[0]);
    expect(res.body.stops.map((s: any) => s.ticketId)).toEqual(expected.stops.map((s: any) => s.ticketId));
    expect(res.body.stops.length).toBeGreaterThan(0);
    for (const [i, s] of res.body.stops.entries()) {
      expect(s.seq).toBe(i + 1);
      expect(s.eta).toMatch(/^2026-11-24T/);
      expect(s.address).toMatch(/^Jl\. Uji/);
      expect(s.description).toBe('Pipa bocor (uji)');
      expect(['critical', 'high', 'normal']).toContain(s.priority);
      expect(s.navigation.geo).toMatch(new RegExp(`^geo:${s.lat.toFixed(6)},${s.lon.toFixed(6)}\\?q=`));
      expect(s.navigation.web).toContain(`mlat=${s.lat.toFixed(6)}`);
      if (s.ticketId === withPhoto) expect(s.photoThumbnailUrl).toMatch(new RegExp(`^/api/v1/tickets/${withPhoto}/photos/\\d+\\?size=thumb$`));
      else expect(s.photoThumbnailUrl).toBeNull();
    }
    expect(res.body.geojson.type).toBe('Feature');
    expect(res.body.geojson.geometry.type).toBe('LineString');
    const coordinates = res.body.geojson.geometry.coordinates;
    expect(coordinates).toHaveLength(res.body.stops.length + 2);
    expect(coordinates[0]).toEqual(coordinates[coordinates.length - 1]);
    expect(coordinates[1][0]).toBeCloseTo(res.body.stops[0].lon, 6);
  });

  it('downloads the day as GPX: one waypoint per stop and the trip as a route', async () => {
    const token = await loginAs(server.baseUrl, env.utility, 'crew1');
    const res = await api(server.baseUrl, token, 'GET', `/api/v1/crews/${env.crews[0]}/route?date=${DATE}&format=gpx`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/gpx+xml');
    const stops = plan.routes.find((r: any) => r.crewId === env.crews[0]).stops.length;
    expect(res.text.startsWith('<?xml')).toBe(true);
    expect(res.text.match(/<wpt /g)?.length).toBe(stops);
    expect(res.text.match(/<rtept /g)?.length).toBe(stops + 2);
    expect(res.text).toContain('<name>1. ');
  });

  it("keeps a crew out of another crew's route (403) and answers 404 for a day without a plan", async () => {
    const token = await loginAs(server.baseUrl, env.utility, 'crew1');
    const other = await api(server.baseUrl, token, 'GET', `/api/v1/crews/${env.crews[1]}/route?date=${DATE}`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    const dispatcher = await loginAs(server.baseUrl, env.utility, 'dispatcher');
    const none = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/crews/${env.crews[1]}/route?date=2026-12-01`);
    expect(none.status).toBe(404);
    const viaDispatcher = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/crews/${env.crews[1]}/route?date=${DATE}`);
    expect(viaDispatcher.status).toBe(200);
  });

  it('leaves GET /api/v1/crews (the crews list) working beside it', async () => {
    const dispatcher = await loginAs(server.baseUrl, env.utility, 'dispatcher');
    const res = await api(server.baseUrl, dispatcher, 'GET', '/api/v1/crews');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: any) => c.id)).toEqual(env.crews);
  });
});
