/**
 * Issue 12: the citizen form asks for a code when the server wants the phone
 * proven (a known reporter's details would change), takes the code, and sends
 * the report again with the proof; in a real browser.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, sharpPhoto, insideArea } from '../support/db.js';
import { phone, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 1 });
const { newPage } = useConsole(t);

const reporter = () => t.env.db('reporters').where({ utility_id: t.env.utility.id, phone: '+6281250000077' }).first();

/** A first report from the number, by API: the reporter is known from then on. */
async function firstReport() {
  const f = new FormData();
  for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-5000-0077', name: 'Ibu Sari' })) f.set(k, v);
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto(77))], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
  expect(res.status).toBe(201);
}

describe('the report form and a known phone', { timeout: 120_000 }, () => {
  it('offers "send code / enter code" when the server asks, then sends the report with the proof and the new details', async () => {
    await firstReport();
    const page = await newPage(phone);
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/lapor`);
    await page.waitForSelector('#report-map canvas');
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
    await page.waitForFunction(() => (document.querySelector('input[name=lat]') as HTMLInputElement | null)?.value !== '');
    await page.setInputFiles('#photo', { name: 'bocor.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(78) });
    await page.fill('#phone', '0812 5000 0077');
    await page.fill('#name', 'Sari Wulandari');
    await page.selectOption('#preferred-channel', 'sms');
    await page.selectOption('#language', 'en');
    const tickets = async () => Number((await t.env.db('tickets').where({ utility_id: t.env.utility.id }).count<{ n: string }[]>({ n: '*' }))[0].n);
    const before = await tickets();
    await page.click('#send');

    // The server asked for a proven phone: no error, the code is offered, nothing was written.
    await page.waitForSelector('#send-code');
    expect(await page.textContent('#phone-proof')).toContain('sudah terdaftar');
    expect(await page.locator('.error').count()).toBe(0);
    expect(await tickets()).toBe(before);
    expect((await reporter()).name).toBe('Ibu Sari');

    await page.click('#send-code');
    await page.waitForSelector('#code');
    // The code went out through the outbox (its event holds it until sent); the citizen reads it on the phone.
    const event = await t.env.db('notification_events').where({ utility_id: t.env.utility.id, kind: 'phone.code' }).orderBy('id', 'desc').first('data');
    expect(event.data.phone).toBe('+6281250000077');
    await page.fill('#code', event.data.code === '000000' ? '111111' : '000000');
    await page.click('#confirm-code');
    await expect.poll(() => page.textContent('#phone-proof')).toContain('wrong code');
    await page.fill('#code', event.data.code);
    await page.click('#confirm-code');

    await page.waitForSelector('#receipt-number');
    expect(await tickets()).toBe(before + 1);
    const r = await reporter();
    expect({ name: r.name, preferred_channel: r.preferred_channel, language: r.language }).toEqual({ name: 'Sari Wulandari', preferred_channel: 'sms', language: 'en' });
  });
});
