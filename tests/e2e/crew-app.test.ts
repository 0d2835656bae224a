import crypto from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestServer, insideArea, staffCall } from '../support/db.js';
import { phone, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);

const testToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: t.env.utility.timeZone }).format(t.env.clock.now());

/** An API call as a staff user, logged in at the test clock's current time. */
const as = (user: string, method: string, path: string, body?: unknown) => staffCall(t, user, method, path, body);

/** A camera-sized photo (noise, so sharp): the phone must shrink it before it travels. */
async function cameraPhoto(width: number, height: number): Promise<Buffer> {
  const pixels = crypto.randomBytes(width * height * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

/** Tickets through SPK into a published plan; the crew user with the most stops and its tickets in route order. */
async function plannedDay(n: number): Promise<{ user: string; crewId: number; ticketIds: number[] }> {
  for (let i = 0; i < n; i++) {
    const r = await as('operator', 'POST', '/api/v1/tickets', { lat: insideArea.lat + 0.003 * i, lon: insideArea.lon - 0.002 * i, source: 'call_centre', address: `Jl. Lapangan ${i}`, phone: `0812 5555 000${i}` });
    expect(r.status).toBe(201);
    expect((await as('admin', 'POST', `/api/v1/tickets/${r.body.id}/spk`, { priority: 'normal' })).status).toBe(200);
  }
  const plan = await as('dispatcher', 'POST', '/api/v1/plans', { date: testToday() });
  expect(plan.status).toBe(201);
  expect((await as('dispatcher', 'POST', `/api/v1/plans/${plan.body.id}/publish`, {})).status).toBe(200);
  const counts = await Promise.all(['crew1', 'crew2'].map(async (user) => {
    const crewId = (await t.env.db('staff_users').where({ id: t.env.users[user] }).first()).crew_id as number;
    const route = await as(user, 'GET', `/api/v1/crews/${crewId}/route?date=${testToday()}`);
    return { user, crewId, ticketIds: (route.body.stops as { ticketId: number }[]).map((s) => s.ticketId) };
  }));
  return counts.sort((a, b) => b.ticketIds.length - a.ticketIds.length)[0];
}

describe('the crew app without a network', { timeout: 180_000 }, () => {
  it('queues arrival, a repair with a shrunk photo and a refused step offline, opens offline, and sends them when the network returns', async () => {
    t.env.clock.set('2026-11-23T01:00:00Z'); // 09:00 WITA
    const day = await plannedDay(4);
    expect(day.ticketIds.length).toBeGreaterThanOrEqual(2);
    const [first, second] = day.ticketIds;
    const otherCrew = t.env.crews.find((c) => c !== day.crewId)!;

    const page = await newPage(phone);
    const context = page.context();
    await login(page, day.user);
    await page.waitForSelector(`#stops > li[data-ticket="${first}"]`);
    // The reporter's phone as a tel: link, for the crew assigned to it.
    await page.waitForSelector(`#stops > li[data-ticket="${first}"] a.call[href^="tel:"]`);
    // Only the step that fits: an assigned stop offers arrival, not the repair.
    const stop1 = page.locator(`#stops > li[data-ticket="${first}"]`);
    expect(await stop1.locator('button.arrive').count()).toBe(1);
    expect(await stop1.locator('button.fix').count()).toBe(0);
    expect(await stop1.locator('.badge.state').textContent()).toBe('Dijadwalkan ke tim');
    // The app shell is kept by the service worker for the day without network.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toContain('/sw.js');

    await context.setOffline(true);
    await page.waitForSelector('#offline:not([hidden])');
    await stop1.locator('button.arrive').click();
    await expect.poll(() => stop1.locator('.badge.state').textContent()).toBe('Tim di lokasi');
    await page.setInputFiles(`#photo-${first}`, { name: 'hasil.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(2400, 1800) });
    await expect.poll(() => stop1.locator('.photo-state').textContent()).toContain('Foto siap');
    await stop1.locator('button.fix').click();
    await expect.poll(() => stop1.locator('.badge.state').textContent()).toBe('Sudah diperbaiki');

    // Meanwhile the dispatcher moves the second stop to the other crew; the phone does not know yet.
    expect((await as('dispatcher', 'POST', `/api/v1/tickets/${second}/assign`, { crewId: otherCrew })).status).toBe(200);
    const stop2 = page.locator(`#stops > li[data-ticket="${second}"]`);
    await stop2.locator('button.arrive').click();
    await expect.poll(() => page.locator('#outbox li[data-state="waiting"]').count()).toBe(3);
    expect(await t.env.db('tickets').where({ id: first }).first()).toMatchObject({ status: 'assigned' });

    // Closed and opened again without network: the shell from the service worker, the route and the queue from IndexedDB.
    await page.reload();
    await page.waitForSelector('#saved-copy');
    await expect.poll(() => page.locator('#outbox li[data-state="waiting"]').count()).toBe(3);

    await context.setOffline(false);
    await expect.poll(async () => (await t.env.db('tickets').where({ id: first }).first()).status, { timeout: 30_000 }).toBe('fixed');
    const conflict = page.locator(`#outbox li[data-state="conflict"][data-ticket="${second}"]`);
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('dipindah ke tim lain');
    expect(await page.locator('#outbox li[data-state="waiting"]').count()).toBe(0);
    const moved = await t.env.db('tickets').where({ id: second }).first();
    expect(moved).toMatchObject({ status: 'assigned', crew_id: otherCrew });
    // The photo was shrunk on the phone: 1600 px on its long side, not the camera's 2400.
    const result = await as(day.user, 'GET', `/api/v1/tickets/${first}`);
    const photo = result.body.photos.find((p: { kind: string }) => p.kind === 'result');
    expect(Math.max(photo.width, photo.height)).toBe(1600);
    // Each action once, under the key the phone made for it.
    const events = await t.env.db('ticket_events').where({ ticket_id: first }).whereIn('action', ['arrive', 'fix']);
    expect(events.length).toBe(2);
    await conflict.locator('button').click();
    await expect.poll(() => page.locator('#outbox li').count()).toBe(0);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe('the crew app before the day is published', { timeout: 180_000 }, () => {
  it('says that no route is published yet (no error, no raw code), and shows the day on Reload once it is', async () => {
    t.env.clock.set('2026-11-25T01:00:00Z'); // 09:00 WITA, a day with no plan yet
    const page = await newPage(phone);
    await login(page, 'crew1');
    await page.waitForSelector('#no-route');
    expect(await page.textContent('#no-route')).toContain('Belum ada rute yang diterbitkan untuk regu Anda hari ini');
    expect(await page.locator('main .error').count()).toBe(0);
    const day = await plannedDay(2);
    await page.click('#reload-route');
    await page.waitForSelector('#stops');
    expect(await page.locator('#no-route').count()).toBe(0);
    if (day.user === 'crew1') await page.waitForSelector(`#stops > li[data-ticket="${day.ticketIds[0]}"]`);
    await page.close();
  });
});
