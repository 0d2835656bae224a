import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer, sharpPhoto, insideArea, staffCall } from '../support/db.js';
import { desktop, phone, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);

/** The test clock's calendar day in the utility's zone (YYYY-MM-DD). */
const testToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: t.env.utility.timeZone }).format(t.env.clock.now());

async function open(path: string): Promise<Page> {
  const page = await newPage(phone);
  await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}${path}`);
  return page;
}

/** An API call as a staff user, logged in at the test clock's current time. */
const as = (user: string, method: string, path: string, body?: unknown) => staffCall(t, user, method, path, body);

/** A report the call centre entered, inside the test area unless told otherwise. */
async function callCentreTicket(fields: Record<string, unknown> = {}): Promise<{ id: number; number: string }> {
  const r = await as('operator', 'POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre', ...fields });
  expect(r.status).toBe(201);
  return r.body;
}

const ticketCount = async () => Number((await t.env.db('tickets').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>({ count: '*' }))[0].count);

// A real browser on a shared 2-core machine: generous time per test.
describe('the console in a real browser', { timeout: 120_000 }, () => {
  it('lets a citizen report a leak with a photo and a point tapped on the map, then follow it', async () => {
    const page = await open('#/lapor');
    await page.waitForSelector('#report-map canvas');
    await page.setInputFiles('#photo', { name: 'bocor.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(77) });
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.textContent('#location-text')).toContain('Lokasi dipilih');
    await page.fill('#phone', '0812 3333 4444');
    await page.fill('#description', 'Pipa bocor di depan masjid');
    await page.click('#send');
    await page.waitForSelector('#receipt-number');
    const number = (await page.textContent('#receipt-number'))!.trim();
    expect(number).toMatch(/^LK-\d{4}-\d{6}$/);
    const stored = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
    expect(stored.description).toBe('Pipa bocor di depan masjid');
    expect(stored.source).toBe('app');
    await page.click('text=Lihat status');
    await page.waitForSelector('#status-label');
    expect(await page.textContent('#status-label')).toBe('Laporan diterima');
    await page.close();
  });

  it('shows a refusal in Bahasa Indonesia and stores nothing when the photo is missing', async () => {
    const before = await ticketCount();
    const page = await open('#/lapor');
    await page.waitForSelector('#report-map canvas');
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.fill('#phone', '0812 3333 5555');
    await page.click('#send');
    await page.waitForSelector('.error');
    expect(await page.textContent('.error')).toContain('Foto wajib dilampirkan');
    expect(await ticketCount()).toBe(before);
    await page.close();
  });

  it('switches to English', async () => {
    const page = await open('#/lapor');
    await page.waitForSelector('h1');
    await page.click('#lang');
    await expect.poll(() => page.textContent('h1')).toBe('Report a leak');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('lets the admin issue an SPK from the queue', async () => {
    const { id } = await callCentreTicket({ address: 'Jl. Uji Antrian 1' });
    const page = await newPage(desktop);
    await login(page, 'admin');
    const card = page.locator(`li[data-ticket="${id}"]`);
    await card.waitFor();
    await card.locator('select[name=priority]').selectOption('high');
    await card.locator('button.spk').click();
    await expect.poll(() => card.textContent()).toContain('SPK SPK-');
    const ticket = await t.env.db('tickets').where({ id }).first();
    expect(ticket.status).toBe('spk_issued');
    expect(ticket.priority).toBe('high');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('shows a crew its planned stops in order and records arrival on site', async () => {
    for (let i = 0; i < 3; i++) {
      const { id } = await callCentreTicket({ lat: insideArea.lat + 0.004 * i, lon: insideArea.lon - 0.003 * i, address: `Jl. Rute ${i}` });
      expect((await as('admin', 'POST', `/api/v1/tickets/${id}/spk`, { priority: 'normal' })).status).toBe(200);
    }
    const plan = await as('dispatcher', 'POST', '/api/v1/plans', { date: testToday() });
    expect(plan.status).toBe(201);
    // A plan is a draft until published: the crew sees it only then.
    expect((await as('dispatcher', 'POST', `/api/v1/plans/${plan.body.id}/publish`, {})).status).toBe(200);
    const crewOfUser = (await t.env.db('staff_users').where({ id: t.env.users.crew1 }).first()).crew_id;
    const planned = await t.env.db('tickets').where({ utility_id: t.env.utility.id, crew_id: crewOfUser, status: 'assigned' });
    const page = await newPage(phone);
    await login(page, 'crew1');
    expect(planned.length).toBeGreaterThan(0);
    await page.waitForSelector('#stops > li');
    const stops = page.locator('#stops > li');
    expect(await stops.count()).toBe(planned.length);
    const first = stops.first();
    expect(await first.locator('.n').textContent()).toBe('1');
    await first.locator('button', { hasText: 'Sudah di lokasi' }).click();
    await expect.poll(() => first.locator('.badge').last().textContent()).toBe('Tim di lokasi');
    const ticketId = Number(await first.getAttribute('data-ticket'));
    // Shown at once, sent through the phone's queue: the server has it when the queue is empty.
    await expect.poll(async () => (await t.env.db('tickets').where({ id: ticketId }).first()).status).toBe('on_site');
    await expect.poll(() => page.locator('#outbox li').count()).toBe(0);
    await page.close();
  });
});

describe('management pages in a real browser', { timeout: 120_000 }, () => {
  it('shows the Kabag the tickets pending over 24 h and saves an explanation', async () => {
    t.env.clock.set('2026-11-20T01:00:00Z');
    const { id } = await callCentreTicket({ source: 'walk_in', address: 'Jl. Lama Sekali' });
    t.env.clock.set('2026-11-23T01:00:00Z');
    const page = await newPage(desktop);
    await login(page, 'kabag');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/laporan`);
    const row = page.locator(`#pending tr[data-ticket="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('72 h');
    await row.locator('input').fill('Menunggu pipa pengganti dari gudang');
    await row.locator('button').click();
    await expect.poll(() => row.locator('button').textContent()).toBe('✓');
    expect((await t.env.db('pending_explanations').where({ ticket_id: id }).first()).explanation).toBe('Menunggu pipa pengganti dari gudang');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it("shows the Direktur the escalation of a late Critical ticket in the inbox", async () => {
    const { runTick } = await import('../../server/worker.js');
    t.env.clock.set('2026-11-23T02:00:00Z');
    const { id, number } = await callCentreTicket();
    expect((await as('admin', 'POST', `/api/v1/tickets/${id}/spk`, { priority: 'critical' })).status).toBe(200);
    t.env.clock.advanceMinutes(20); // respond within 15 min: breached
    await runTick(t.env.ctx, { utilityIds: [t.env.utility.id] });
    const page = await newPage(phone);
    await login(page, 'direktur');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/kotak-masuk`);
    await page.waitForSelector('#inbox li');
    expect(await page.textContent('#inbox')).toContain(number);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe('urgent dispatch in a real browser', { timeout: 120_000 }, () => {
  it('shows the dispatcher a High ticket waiting for a crew and dispatches it to the suggested crew', async () => {
    t.env.clock.set('2026-11-23T01:30:00Z'); // 09:30 WITA, crews on shift
    const { id } = await callCentreTicket({ address: 'Jl. Darurat 9', category: 'pipe_burst' });
    expect((await as('admin', 'POST', `/api/v1/tickets/${id}/spk`, { priority: 'high' })).status).toBe(200);
    const page = await newPage(desktop);
    await login(page, 'dispatcher');
    const item = page.locator(`#urgent li[data-ticket="${id}"]`);
    await item.waitFor();
    await item.locator('button', { hasText: 'Usulan tim tercepat' }).click();
    const assign = item.locator('button', { hasText: 'Tugaskan' }).first();
    await assign.waitFor();
    await assign.click();
    await expect.poll(async () => (await t.env.db('tickets').where({ id }).first()).status).toBe('assigned');
    expect((await t.env.db('tickets').where({ id }).first()).crew_id).not.toBeNull();
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe('area incidents in a real browser', { timeout: 120_000 }, () => {
  it('lets the dispatcher mark an incident on the map; a citizen inside it sees its message', async () => {
    t.env.clock.set('2026-11-23T02:00:00Z');
    const page = await newPage(desktop);
    await login(page, 'dispatcher');
    await page.waitForSelector('#incident-pick');
    await page.fill('#incident-title', 'Pipa induk pecah di uji');
    await page.fill('#incident-radius', '3000');
    await page.fill('#incident-message', 'Sedang diperbaiki, 2 jam');
    await page.click('#incident-pick');
    const box = (await page.locator('#dispatch-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#incidents [data-incident]');
    const incident = await t.env.db('incidents').where({ utility_id: t.env.utility.id, title: 'Pipa induk pecah di uji' }).first();
    expect(incident.status).toBe('active');
    await page.evaluate(() => localStorage.clear());
    await page.close();

    const citizen = await open('#/lapor');
    await citizen.waitForSelector('#report-map canvas');
    await citizen.setInputFiles('#photo', { name: 'a.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(91) });
    const b = (await citizen.locator('#report-map').boundingBox())!;
    await citizen.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await citizen.fill('#phone', '0812 4444 9999');
    await citizen.click('#send');
    await citizen.waitForSelector('#receipt-incident');
    expect(await citizen.textContent('#receipt-incident')).toContain('Pipa induk pecah di uji');
    await citizen.click('text=Lihat status');
    await citizen.waitForSelector('#incident');
    expect(await citizen.textContent('#incident')).toContain('Sedang diperbaiki, 2 jam');
    await citizen.close();
    // Restore it so the other tests' reports in the area are not attached.
    expect((await as('admin', 'PATCH', `/api/v1/incidents/${incident.id}`, { status: 'restored' })).status).toBe(200);
  });
});
