/**
 * The citizen's form when the report is journalled (202, many reports arriving
 * at once; INTAKE_JOURNAL_AT=0 journals every one here): the form says the
 * report is saved, polls its receipt and then shows the number as usual.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, sharpPhoto } from '../support/db.js';
import { phone, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 1, journalAt: 0 });
const { newPage } = useConsole(t);

describe('the report form under load, in a real browser', { timeout: 120_000 }, () => {
  it('says the report is saved while its number is made, then shows the receipt with the number', async () => {
    const page = await newPage(phone);
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/lapor`);
    await page.waitForSelector('#report-map canvas');
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#nearby-none, .nearby-item');
    await page.setInputFiles('#photo', { name: 'bocor.jpg', mimeType: 'image/jpeg', buffer: await sharpPhoto(601) });
    await page.fill('#phone', '0812 5000 0601');
    await page.fill('#description', 'Pipa bocor di depan pasar');
    const answers: number[] = [];
    page.on('response', (r) => r.url().includes('/api/v1/reports') && r.request().method() === 'POST' && answers.push(r.status()));
    await page.click('#send');
    await page.waitForFunction(() => document.querySelector('#send')?.textContent?.includes('nomornya sedang dibuat'));
    await page.waitForSelector('#receipt-number');
    expect(answers).toEqual([202]);
    const number = (await page.textContent('#receipt-number'))!.trim();
    expect(number).toMatch(/^LK-\d{4}-\d{6}$/);
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
    expect(ticket.description).toBe('Pipa bocor di depan pasar');
    const row = await t.env.db('intake_journal').where({ utility_id: t.env.utility.id }).orderBy('id', 'desc').first();
    expect(row.state).toBe('done');
    expect(row.response.number).toBe(number);
    await page.close();
  });
});
