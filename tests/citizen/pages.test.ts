import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer, sharpPhoto, loginAs, insideArea } from '../support/db.js';
import { phone, useConsole } from '../support/browser.js';
import { ratingLinkFor } from '../../server/features/satisfaction/service.js';

const t = useTestServer({ crews: 1 });
const { newPage } = useConsole(t);

async function open(path: string): Promise<Page> {
  const page = await newPage(phone);
  await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}${path}`);
  return page;
}

async function as(user: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const token = await loginAs(t.server.baseUrl, t.env.utility, user);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: payload });
  return { status: res.status, body: await res.json() };
}

const ticketNumbered = (number: string) => t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();

// A real browser on a shared 2-core machine: generous time per test.
describe('the citizen pages in a real browser', { timeout: 120_000 }, () => {
  it('shows the open reports near the chosen point, adds the citizen’s report to one, then takes a note and a photo through the receipt link', async () => {
    const page = await open('#/lapor');
    await page.waitForSelector('#report-map canvas');
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#nearby-none');
    expect(await page.textContent('#nearby-none')).toContain('Belum ada laporan terbuka');
    // Someone reported this very spot already (by phone, to the call centre).
    const [lat, lon] = [Number(await page.inputValue('input[name=lat]')), Number(await page.inputValue('input[name=lon]'))];
    const existing = await as('operator', 'POST', '/api/v1/tickets', { lat, lon: lon + 0.0002, source: 'call_centre', category: 'visible_leak', address: 'Depan masjid' });
    expect(existing.status).toBe(201);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.nearby-item');
    const item = (await page.textContent('.nearby-item'))!;
    expect(item).toContain(existing.body.number);
    expect(item).toContain('Kebocoran terlihat');
    expect(item).not.toContain('Depan masjid');
    await page.click('.same-problem');
    await expect.poll(() => page.textContent('#duplicate-choice')).toContain(existing.body.number);
    await page.setInputFiles('#photo', { name: 'bocor.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(501) });
    await page.fill('#phone', '0812 5000 0001');
    await page.fill('#description', 'Air keluar dari aspal');
    await page.click('#send');
    await page.waitForSelector('#receipt-number');
    expect((await page.textContent('#receipt-number'))!.trim()).toBe(existing.body.number);
    expect(await page.textContent('#receipt')).toContain('ditambahkan ke laporan yang sudah ada');
    expect(await page.textContent('#receipt-reports')).toContain('2');
    const master = await ticketNumbered(existing.body.number);
    const merged = await t.env.db('tickets').where({ duplicate_of_id: master.id, status: 'merged' });
    expect(merged.map((m) => m.description)).toEqual(['Air keluar dari aspal']);

    // The receipt's link: the reporter's page, where a note and a photo are added.
    await page.click('#follow-up-link');
    await page.waitForSelector('#follow-up-form');
    expect(await page.textContent('#follow-up-number')).toBe(existing.body.number);
    await page.fill('#note', 'Sekarang makin deras');
    await page.setInputFiles('#photo', { name: 'lagi.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(502) });
    await page.click('#send-follow-up');
    await page.waitForSelector('#follow-up-done');
    expect(await page.textContent('#follow-up-done')).toContain('Terima kasih');
    const added = await t.env.db('ticket_events').where({ ticket_id: master.id, action: 'add_info' }).first();
    expect(added.note).toContain('Sekarang makin deras');
    expect(await t.env.db('photos').where({ ticket_id: master.id })).toHaveLength(1);
    await page.close();
  });

  it('rates a closed report once through the link of the closing message', async () => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat + 0.01), lon: String(insideArea.lon), phone: '0812 5000 0002' })) f.set(k, v);
    f.set('photo', new Blob([new Uint8Array(await sharpPhoto(503))], { type: 'image/jpeg' }), 'p.jpg');
    const number = ((await (await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f })).json()) as any).number;
    const id = (await ticketNumbered(number)).id;
    expect((await as('admin', 'POST', `/api/v1/tickets/${id}/spk`, { priority: 'normal' })).status).toBe(200);
    expect((await as('dispatcher', 'POST', `/api/v1/tickets/${id}/assign`, { crewId: t.env.crews[0] })).status).toBe(200);
    expect((await as('crew1', 'POST', `/api/v1/tickets/${id}/arrive`, {})).status).toBe(200);
    const fix = new FormData();
    fix.set('photo', new Blob([new Uint8Array(await sharpPhoto(504))], { type: 'image/jpeg' }), 'done.jpg');
    expect((await as('crew1', 'POST', `/api/v1/tickets/${id}/fix`, fix)).status).toBe(200);
    expect((await as('admin', 'POST', `/api/v1/tickets/${id}/close`, {})).status).toBe(200);
    const link = (await ratingLinkFor(t.env.ctx, t.env.utility, id))!;

    const page = await open(`#${link.split('#')[1]}`);
    await page.waitForSelector('#rating-form');
    expect(await page.textContent('#rating-number')).toBe(number);
    // Sending without a score: told to choose one, nothing stored.
    await page.click('#send-rating');
    await page.waitForSelector('.error');
    expect(await page.textContent('.error')).toContain('Pilih salah satu nilai');
    await page.check('#score input[value="3"]');
    await page.click('#rating-elements summary');
    await page.check('#element-speed input[value="4"]');
    await page.fill('#comment', 'Petugas ramah');
    await page.click('#send-rating');
    await page.waitForSelector('#rating-thanks');
    const rating = await t.env.db('ratings').where({ ticket_id: id }).first();
    expect(rating).toMatchObject({ score: 3, comment: 'Petugas ramah' });
    expect(rating.elements).toEqual({ speed: 4 });
    await page.reload();
    await page.waitForSelector('#rating-closed');
    expect(await page.textContent('#rating-closed')).toContain('sudah Anda nilai');
    await page.close();
  });

  it('shows the service charter to anyone, in Bahasa Indonesia and in English', async () => {
    const page = await open('#/');
    await page.click('#go-charter');
    await page.waitForSelector('#charter-promises');
    expect(await page.textContent('#charter-title')).toBe('Maklumat Pelayanan');
    const promises = await page.locator('#charter-promises tbody tr').allTextContents();
    expect(promises).toEqual(['Kritis15 menit4 jam', 'Tinggi30 menit12 jam', 'Normal60 menit24 jam']);
    expect(await page.textContent('#charter-reply')).toContain('2 jam');
    await page.click('#lang');
    await expect.poll(() => page.textContent('#charter-title')).toBe('Service charter');
    expect(await page.locator('#charter-achieved thead').textContent()).toContain('On time (repair)');
    await page.close();
  });

  it('finds one’s reports by phone after a one-time code, on the status page, and opens one to add to it', async () => {
    const report = async (phoneNumber: string, lat: number, seed: number) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(lat), lon: String(insideArea.lon - 0.01), phone: phoneNumber })) f.set(k, v);
      f.set('photo', new Blob([new Uint8Array(await sharpPhoto(seed))], { type: 'image/jpeg' }), 'p.jpg');
      return ((await (await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f })).json()) as any).number as string;
    };
    const mine = [await report('0812 5000 0031', insideArea.lat - 0.01, 511), await report('0812-5000-0031', insideArea.lat - 0.012, 512)];
    const someoneElse = await report('0812 5000 0032', insideArea.lat - 0.014, 513);

    const page = await open('#/status');
    await page.waitForSelector('#phone-lookup[data-state=phone]');
    await page.fill('#lookup-phone', '0812 5000 0031');
    await page.click('#lookup-send-code');
    await page.waitForSelector('#phone-lookup[data-state=code]');
    expect(await page.textContent('#lookup-code-sent')).toContain('0812 5000 0031');
    // The code the SMS gateway would carry, read where it waits in the outbox.
    const sent = await t.env.db('notification_events').where({ utility_id: t.env.utility.id, kind: 'phone.code' }).orderBy('id', 'desc').first('data');
    await page.fill('#lookup-code', sent.data.code === '000000' ? '111111' : '000000');
    await page.click('#lookup-confirm');
    await page.waitForSelector('#phone-lookup .error');
    expect(await page.textContent('#phone-lookup .error')).toContain('wrong code');
    await page.fill('#lookup-code', sent.data.code);
    await page.click('#lookup-confirm');
    await page.waitForSelector('#phone-lookup[data-state=list]');
    const items = await page.locator('.my-report').allTextContents();
    expect(items).toHaveLength(2);
    expect(items.join()).toContain(mine[0]);
    expect(items.join()).toContain(mine[1]);
    expect(items.join()).not.toContain(someoneElse);
    expect(items[0]).toContain('Laporan diterima');
    await page.click('#lang');
    await page.waitForSelector('#phone-lookup[data-state=phone]');
    expect(await page.inputValue('#lookup-phone')).toBe('0812 5000 0031'); // the switch keeps what was typed
    await page.click('#lang');
    await page.waitForSelector('#phone-lookup[data-state=phone]');
    await page.close();

    // The list's link opens the report's follow-up page (a fresh page: the proof is not kept).
    const proofPage = await open('#/status');
    await proofPage.waitForSelector('#phone-lookup[data-state=phone]');
    await proofPage.fill('#lookup-phone', '0812 5000 0031');
    await proofPage.click('#lookup-send-code');
    await proofPage.waitForSelector('#phone-lookup[data-state=code]');
    const again = await t.env.db('notification_events').where({ utility_id: t.env.utility.id, kind: 'phone.code' }).orderBy('id', 'desc').first('data');
    await proofPage.fill('#lookup-code', again.data.code);
    await proofPage.click('#lookup-confirm');
    await proofPage.waitForSelector('#phone-lookup[data-state=list]');
    await proofPage.locator('.my-report .follow-up').first().click();
    await proofPage.waitForSelector('#follow-up-form');
    expect(mine).toContain(await proofPage.textContent('#follow-up-number'));
    await proofPage.close();
  });

  it('a repeat report after an area disruption was restored says the admin checks it again, not that a crew is sent back', async () => {
    const page = await open('#/lapor');
    await page.waitForSelector('#report-map canvas');
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 + 40);
    await page.waitForSelector('#nearby-none, .nearby-item');
    const [lat, lon] = [Number(await page.inputValue('input[name=lat]')), Number(await page.inputValue('input[name=lon]'))];
    // Earlier today: the same phone reported no water here, inside a main break that was then restored.
    const incident = await as('dispatcher', 'POST', '/api/v1/incidents', { title: 'Pipa induk pecah', centre: { lat, lon }, radiusMetres: 300, messageId: 'Sedang diperbaiki' });
    expect(incident.status).toBe(201);
    const f = new FormData();
    for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(lat), lon: String(lon), phone: '0812 5000 0041', category: 'no_water' })) f.set(k, v);
    f.set('photo', new Blob([new Uint8Array(await sharpPhoto(521))], { type: 'image/jpeg' }), 'p.jpg');
    const earlier = (await (await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f })).json()) as any;
    expect(earlier.status).toBe('attached');
    expect((await as('dispatcher', 'PATCH', `/api/v1/incidents/${incident.body.id}`, { status: 'restored', messageId: 'Air sudah normal' })).status).toBe(200);

    await page.setInputFiles('#photo', { name: 'lagi.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(522) });
    await page.fill('#phone', '0812 5000 0041');
    await page.click('#send');
    await page.waitForSelector('#receipt-number');
    expect((await page.textContent('#receipt-number'))!.trim()).toBe(earlier.number);
    const receipt = (await page.textContent('#receipt'))!;
    expect(receipt).toContain('diperiksa lagi oleh admin PDAM');
    expect(receipt).not.toContain('tim dikirim lagi');
    expect((await ticketNumbered(earlier.number)).status).toBe('received');
    await page.close();
  });
});
