import { describe, expect, it } from 'vitest';
import { useTestServer, photoWithExif, photosAnalysed, staffCall } from '../support/db.js';
import { desktop, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 1 });
const { newPage, login } = useConsole(t);

/** An API call as a staff user, logged in at the test clock's current time. */
const as = (user: string, method: string, path: string, body?: unknown) => staffCall(t, user, method, path, body);

/** A citizen report whose photo was taken 5°9'0"S 119°25'12"E, reported a little way off. */
async function citizenReport(lat: number, lon: number, phone: string): Promise<{ id: number; number: string }> {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(lat));
  f.set('lon', String(lon));
  f.set('phone', phone);
  f.set('name', 'Ibu Sari');
  const photo = await photoWithExif({ latDms: [5, 9, 0], latRef: 'S', lonDms: [119, 25, 12], lonRef: 'E' }, '2026:11:23 08:15:00');
  f.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'bocor.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
  expect(res.status).toBe(201);
  const number = ((await res.json()) as { number: string }).number;
  // Numbers are per utility, and the test database holds other tests' utilities too.
  return { id: (await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first()).id, number };
}

describe('the ticket page for staff', { timeout: 180_000 }, () => {
  it('shows the photo full size, its EXIF position beside the reported point with the distance, the phone, the timeline and nearby tickets, and issues the SPK', async () => {
    t.env.clock.set('2026-11-23T01:00:00Z');
    // EXIF at -5.15, 119.42; reported ~111 m north of it.
    const mine = await citizenReport(-5.149, 119.42, '0812 9999 1111');
    const neighbour = await citizenReport(-5.1495, 119.4205, '0812 9999 2222');
    // The EXIF position is read after the acknowledgment: the page shows it once the analysis is done.
    await photosAnalysed(t.env);
    const page = await newPage(desktop);
    await login(page, 'admin');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/tiket/${mine.id}`);
    await page.waitForSelector('#photos figure[data-kind="report"] img[src^="blob:"]', { timeout: 60_000 });
    // Full size, not the 96 x 72 thumbnail.
    expect(await page.$eval('#photos img', (img) => (img as HTMLImageElement).naturalWidth)).toBe(160);
    const distance = (await page.textContent('#photos .exif-distance'))!;
    const metres = Number(/· (\d+) m dari titik laporan/.exec(distance)?.[1]);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(125);
    expect(await page.getAttribute('#reporter a.call', 'href')).toBe('tel:+6281299991111');
    expect(await page.textContent('#timeline')).toContain('Laporan diterima · pelapor');
    expect(await page.textContent('#timeline')).not.toMatch(/\breporter\b/);
    expect(await page.textContent('#nearby')).toContain(neighbour.number);
    await page.selectOption('#ticket-actions select[name=priority]', 'high');
    await page.click('#ticket-actions button.spk');
    await expect.poll(async () => (await t.env.db('tickets').where({ id: mine.id }).first()).status, { timeout: 30_000 }).toBe('spk_issued');
    await expect.poll(() => page.textContent('#ticket-status'), { timeout: 30_000 }).toBe('SPK terbit');
    expect((await t.env.db('tickets').where({ id: mine.id }).first()).priority).toBe('high');
    await page.close();
  });

  it('orders a queue by priority, then age', async () => {
    t.env.clock.set('2026-11-24T01:00:00Z');
    const made: number[] = [];
    for (const priority of ['normal', 'high', 'normal', 'critical']) {
      const r = await as('operator', 'POST', '/api/v1/tickets', { lat: -5.151, lon: 119.421, source: 'walk_in' });
      expect((await as('admin', 'POST', `/api/v1/tickets/${r.body.id}/spk`, { priority })).status).toBe(200);
      made.push(r.body.id);
      t.env.clock.advanceMinutes(5);
    }
    const list = await as('admin', 'GET', '/api/v1/tickets?status=spk_issued&order=priority&limit=500');
    const order = (list.body.items as { id: number }[]).map((i) => i.id).filter((id) => made.includes(id));
    expect(order).toEqual([made[3], made[1], made[0], made[2]]);
  });
});
