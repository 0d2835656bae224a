/**
 * Issue 15: the admin's #/atur-kategori page in Chromium, and the citizen's
 * form following it: the utility's name shown, a deactivated category gone, a
 * photo optional where the admin made it so; a bad value refused at its field.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/db.js';
import { desktop, phone, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 1 });
const { newPage, login } = useConsole(t);

const settingsOf = async () => (await t.env.db('utilities').where({ id: t.env.utility.id }).first('settings')).settings;

describe('#/atur-kategori', { timeout: 120_000 }, () => {
  it('the admin renames a category, makes its photo optional, deactivates another; a bad value is refused at its field', async () => {
    const page = await newPage(desktop);
    await page.addInitScript(() => localStorage.setItem('lang', 'id'));
    await login(page, 'admin');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/atur-kategori`);
    await page.waitForSelector('main [data-ready="true"] #categories');
    expect(await page.textContent('#nav-setup')).toContain('Jenis kebocoran');
    expect(await page.inputValue('#cat-no_water-name-id')).toBe('Air tidak mengalir');

    await page.fill('#cat-no_water-minutes', '2');
    await page.click('#cat-no_water-save');
    await page.waitForSelector('tr[data-category="no_water"][data-saved="false"]');
    expect(await page.getAttribute('#cat-no_water-minutes', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#cat-no_water-state')).toContain('repairMinutes');
    expect((await settingsOf()).serviceMinutes).toBeUndefined();

    await page.fill('#cat-no_water-name-id', 'Air mati total');
    await page.fill('#cat-no_water-minutes', '25');
    await page.uncheck('#cat-no_water-photo');
    await page.click('#cat-no_water-save');
    await page.waitForSelector('tr[data-category="no_water"][data-saved="true"]');
    expect(await page.getAttribute('#cat-no_water-minutes', 'aria-invalid')).toBeNull();
    await page.uncheck('#cat-other-active');
    await page.click('#cat-other-save');
    await page.waitForSelector('tr[data-category="other"][data-saved="true"]');
    const settings = await settingsOf();
    expect(settings.serviceMinutes).toEqual({ no_water: 25 });
    expect(settings.categories.no_water).toMatchObject({ name: { id: 'Air mati total', en: 'No water' }, photoRequired: false });
    expect(settings.categories.other.active).toBe(false);
    expect(await t.env.db('audit_log').where({ utility_id: t.env.utility.id, action: 'category.update' }).count<{ count: number }[]>({ count: '*' })).toEqual([{ count: 2 }]);
    await page.close();
  });

  it("the citizen's form follows: the utility's name, no deactivated category, no photo needed for 'no water'", async () => {
    const page = await newPage(phone);
    await page.addInitScript(() => localStorage.setItem('lang', 'id'));
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/lapor`);
    await page.waitForSelector('#report-map canvas');
    const options = await page.locator('#category option').allTextContents();
    expect(options).toContain('Air mati total');
    expect(options).not.toContain('Lainnya');
    expect(await page.textContent('#photo-label')).toBe('Foto kebocoran (wajib)');
    await page.selectOption('#category', 'no_water');
    expect(await page.textContent('#photo-label')).toContain('tidak wajib');
    const box = (await page.locator('#report-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.textContent('#location-text')).toContain('Lokasi dipilih');
    await page.fill('#phone', '0812 2626 0001');
    await page.click('#send');
    await page.waitForSelector('#receipt-number');
    const number = (await page.textContent('#receipt-number'))!.trim();
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first('id', 'category');
    expect(ticket.category).toBe('no_water');
    expect(await t.env.db('photos').where({ ticket_id: ticket.id }).count<{ count: number }[]>({ count: '*' })).toEqual([{ count: 0 }]);
    await page.close();
  });
});
