import { describe, expect, it } from 'vitest';
import { callAs, useTestServer, loginAs, testArea } from '../support/db.js';
import { desktop, phone, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);

const as = (user: string, method: string, path: string, body?: unknown) => callAs(t.server.baseUrl, t.env.utility, user, method, path, body);

/** More open tickets than one page of the ticket list (500), spread over the test area, through the operator's API. */
const OPEN = 520;
async function manyOpenTickets(): Promise<number[]> {
  const token = await loginAs(t.server.baseUrl, t.env.utility, 'operator');
  const ids: number[] = [];
  for (let i = 0; i < OPEN; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, OPEN - i) }, async (_, j) => {
        const k = i + j;
        const res = await fetch(`${t.server.baseUrl}/api/v1/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ lat: testArea.minLat + 0.004 + ((k * 7919) % 997) / 997 * 0.032, lon: testArea.minLon + 0.004 + ((k * 104729) % 991) / 991 * 0.032, source: 'call_centre' }),
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: number }).id;
      }),
    );
    ids.push(...batch);
  }
  return ids;
}

describe('the dispatcher map', { timeout: 240_000 }, () => {
  it('GET /api/v1/tickets/map: every open ticket as five numbers, Critical first, a crew its own only', async () => {
    t.env.clock.set('2026-11-23T01:00:00Z');
    const ids = await manyOpenTickets();
    expect((await as('admin', 'POST', `/api/v1/tickets/${ids[100]}/spk`, { priority: 'critical' })).status).toBe(200);
    const map = await as('dispatcher', 'GET', '/api/v1/tickets/map');
    expect(map.status).toBe(200);
    expect(map.body.fields).toEqual(['id', 'lon', 'lat', 'priority', 'status']);
    expect(map.body.total).toBe(OPEN);
    expect(map.body.truncated).toBe(false);
    expect(map.body.points).toHaveLength(OPEN * 5);
    const [id, lon, lat, priority, status] = map.body.points.slice(0, 5);
    expect(id).toBe(ids[100]);
    expect(map.body.priorities[priority]).toBe('critical');
    expect(map.body.statuses[status]).toBe('spk_issued');
    expect(lon).toBeGreaterThan(testArea.minLon);
    expect(lat).toBeLessThan(testArea.maxLat);
    const small = await as('dispatcher', 'GET', '/api/v1/tickets/map?limit=10&status=spk_issued');
    expect(small.body).toMatchObject({ total: 1, truncated: false });
    expect((await as('dispatcher', 'GET', '/api/v1/tickets/map?limit=10')).body).toMatchObject({ total: OPEN, truncated: true });
    // A crew reads its own work only: none of these is assigned.
    expect((await as('crew1', 'GET', '/api/v1/tickets/map')).body).toMatchObject({ total: 0, points: [] });
    const bad = await as('dispatcher', 'GET', '/api/v1/tickets/map?status=leaking');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^status/);
  });

  for (const [name, viewport] of [['desktop', desktop], ['phone', phone]] as const) {
    it(`draws every open ticket, not a page of 500, and shows a clicked one with its status in words (${name})`, async () => {
      const page = await newPage(viewport);
      await login(page, 'dispatcher');
      await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/peta`);
      await page.waitForSelector(`#dispatch-map[data-tickets="${OPEN}"]`);
      await page.waitForSelector('#plan:not([disabled])');
      expect(await page.textContent('#plan-summary')).toContain(`${OPEN}`);
      // The tickets are spread over the whole test area: a click near the map's centre finds one.
      await page.locator('#dispatch-map').scrollIntoViewIfNeeded();
      const box = (await page.locator('#dispatch-map').boundingBox())!;
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      for (let i = 0; i < 40 && !(await page.locator('#ticket-detail [data-ticket]').count()); i++) {
        await page.mouse.click(centre.x + ((i % 7) - 3) * 12, centre.y + (Math.floor(i / 7) - 3) * 12);
        await page.waitForTimeout(50);
      }
      await page.waitForSelector('#ticket-detail [data-ticket] .ticket-status');
      const status = (await page.textContent('#ticket-detail .ticket-status'))!;
      expect(status).toMatch(/Laporan diterima|SPK terbit/);
      expect(status).not.toMatch(/received|spk_issued/);
      await page.close();
    });
  }
});
