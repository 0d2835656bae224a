/**
 * The Balikpapan dispatcher plans the day in the console and sees the trips
 * drawn along the streets (issue 16): each trip line the map draws has the
 * streets' shape points (many vertices per stop), and those points lie on the
 * utility's road network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/db.js';
import { desktop, phone, useConsole } from '../support/browser.js';
import { seedBalikpapan } from '../../fixtures/balikpapan.js';
import { demoToken, farthestFromNetwork } from '../support/roads.js';
import { DEMO_PASSWORD } from '../../server/features/auth/service.js';

const t = useTestServer({ crews: 1 });
const { newPage } = useConsole(t);
const s = {} as { code: string; utilityId: number };

beforeAll(async () => {
  t.env.clock.set('2026-11-23T23:30:00Z'); // 07:30 WITA: the shifts begin
  s.code = `bpn-${t.env.utility.code.slice(5)}`;
  s.utilityId = await seedBalikpapan(t.env.ctx, { code: s.code, tickets: 24 });
}, 240_000);
// Before the server's own teardown (after-hooks run last registered first).
afterAll(async () => {
  await t.env.db('utilities').where({ id: s.utilityId }).delete();
});

async function planOf(planId: number): Promise<{ routes: { stops: unknown[]; path: { coordinates: [number, number][] } | null }[] }> {
  const token = await demoToken(t.server.baseUrl, s.code, 'dispatcher');
  return (await fetch(`${t.server.baseUrl}/api/v1/plans/${planId}`, { headers: { authorization: `Bearer ${token}` } })).json() as never;
}

describe('the Balikpapan dispatcher plans on roads', { timeout: 240_000 }, () => {
  for (const [name, viewport] of [['desktop', desktop], ['phone', phone]] as const) {
    it(`sees the trip lines follow the streets (${name})`, async () => {
      const page = await newPage(viewport);
      await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${s.code}#/masuk`);
      await page.fill('#username', 'dispatcher');
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('#login');
      await page.waitForSelector('#logout');
      await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${s.code}#/peta`);
      await page.click('#plan');
      await page.waitForSelector('#plan-card[data-status="draft"]');
      const drawn = (await page.getAttribute('#plan-box', 'data-trip-vertices'))!.split(' ').map(Number);
      const planId = await t.env.db('plans').where({ utility_id: s.utilityId, status: 'draft' }).first('id');
      const plan = await planOf(planId.id);
      const trips = plan.routes.filter((r) => r.path && r.path.coordinates.length > 1);
      expect(trips.length).toBeGreaterThanOrEqual(2);
      // The map draws each trip with every vertex of the street line, far more than base, stops and base.
      expect(drawn).toEqual(trips.map((r) => r.path!.coordinates.length));
      trips.forEach((r, k) => expect(drawn[k]).toBeGreaterThan(3 * (r.stops.length + 2)));
      // And those vertices lie on the network.
      expect(await farthestFromNetwork(t.env.db, s.utilityId, trips.flatMap((r) => r.path!.coordinates))).toBeLessThan(3);
      // The stops and the lines are on the map, in words the dispatcher reads (no raw codes).
      expect(await page.textContent('#plan-card')).toMatch(/km/);
      expect(await page.textContent('#plan-card')).not.toMatch(/off_road_network|shift_full/);
      await page.close();
    });
  }
});
