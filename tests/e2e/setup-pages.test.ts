/**
 * Issue 15 in the browser: the admin's crews page (#/atur-regu: form with the
 * base placed on the map, validation, deactivation, CSV import with its dry
 * run), the staff page (#/atur-staf: create with a one-time password, reset,
 * deactivate, the last admin kept), and the first-login password screen, on a
 * desktop and on a phone. Real Chromium, real server, real PostGIS.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer, insideArea, outsideArea } from '../support/db.js';
import { desktop, useConsole } from '../support/browser.js';
import { addCrewsInConsole, addStaffInConsole, firstLoginInConsole } from '../support/setup-steps.js';

const t = useTestServer({ crews: 1 });
const { newPage, login } = useConsole(t);
const narrow = { width: 360, height: 740 };
const consoleUrl = () => `${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}`;

async function adminOn(hash: string, ready: string, viewport = desktop): Promise<Page> {
  const page = await newPage(viewport);
  page.setDefaultTimeout(60_000);
  page.on('dialog', (d) => void d.accept());
  await login(page, 'admin');
  await page.goto(`${consoleUrl()}${hash}`);
  await page.waitForSelector(ready);
  return page;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);
const crewRow = (code: string) => t.env.db('crews').where({ utility_id: t.env.utility.id, code }).first();

describe('#/atur-regu: the admin\'s crews', { timeout: 180_000 }, () => {
  it('adds a crew with its base placed by a click on the map, refuses a duplicate code naming the field, deactivates it', async () => {
    t.env.clock.set('2026-11-23T23:00:00Z');
    const page = await adminOn('#/atur-regu', '#crews-setup[data-loaded]');
    expect(await page.$$eval('#nav a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(expect.arrayContaining(['#/atur-regu', '#/atur-staf']));
    await page.click('#new-crew');
    await page.waitForSelector('#crew-map[data-drawn-features]');
    const box = (await (await page.$('#crew-map'))!.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#crew-map[data-placed]');
    const lat = Number(await page.inputValue('#crew-lat'));
    const lon = Number(await page.inputValue('#crew-lon'));
    expect(Math.abs(lat - insideArea.lat)).toBeLessThan(0.01);
    expect(Math.abs(lon - insideArea.lon)).toBeLessThan(0.01);
    await page.fill('#crew-code', 'URC-20');
    await page.fill('#crew-name', 'Tim URC Dua Puluh');
    await page.fill('#crew-members', 'Andi (0812-3456-7890)\nBudi');
    await page.fill('#shift-sat-start', '');
    await page.fill('#shift-sat-end', '');
    await page.fill('#crew-equipment', 'pompa lumpur; excavator');
    await page.click('#crew-save');
    await page.waitForSelector('#crew-saved[data-code="URC-20"]');
    const row = await crewRow('URC-20');
    expect(row.members).toEqual([{ name: 'Andi', phone: '+6281234567890' }, { name: 'Budi', phone: null }]);
    expect(row.shifts[5]).toBeNull(); // Saturday off
    expect(row.shifts[0]).toEqual({ start: '08:00', end: '16:00' });
    expect(row.equipment).toEqual(['pompa lumpur', 'excavator']);
    const placed = await t.env.db.raw('SELECT ST_Y(base::geometry) AS lat, ST_X(base::geometry) AS lon FROM crews WHERE id = ?', [row.id]);
    expect(placed.rows[0].lat).toBeCloseTo(lat, 5);

    // The same code again: refused, the field named, nothing written.
    await page.click('#new-crew');
    await page.fill('#crew-code', 'URC-20');
    await page.fill('#crew-name', 'Kembar');
    await page.fill('#crew-lat', String(insideArea.lat));
    await page.fill('#crew-lon', String(insideArea.lon));
    await page.click('#crew-save');
    await page.waitForSelector('#crew-errors .error');
    expect(await page.textContent('#crew-error-fields')).toContain('code');
    // A base outside the service area names the base.
    await page.fill('#crew-code', 'URC-21');
    await page.fill('#crew-lat', String(outsideArea.lat));
    await page.fill('#crew-lon', String(outsideArea.lon));
    await page.click('#crew-save');
    await expect.poll(() => page.textContent('#crew-error-fields')).toContain('base');
    expect(await crewRow('URC-21')).toBeUndefined();

    // Deactivate through the edit form.
    await page.click('#crew-cancel');
    await page.click('.edit-crew[data-code="URC-20"]');
    await page.waitForSelector('#crew-form[data-crew-id]');
    await page.uncheck('#crew-active');
    await page.click('#crew-save');
    await page.waitForSelector('#crew-saved[data-code="URC-20"]');
    expect(await page.textContent('tr[data-code="URC-20"] .crew-state')).toBe('Nonaktif');
    expect((await crewRow('URC-20')).active).toBe(false);
    await page.close();
  });

  it('imports a CSV: the check lists problems by row and column and enables nothing; a clean file imports', async () => {
    const page = await adminOn('#/atur-regu', '#crews-setup[data-loaded]');
    const header = 'code,name,lat,lon,members,mon,tue,wed,thu,fri,sat,sun';
    const good = `I-1,Impor Satu,${insideArea.lat},${insideArea.lon},Citra,07:00-15:00,07:00-15:00,07:00-15:00,07:00-15:00,07:00-15:00,,`;
    const bad = `I-2,Impor Dua,${insideArea.lat},${insideArea.lon},,7 pagi,,,,,,`;
    await page.setInputFiles('#import-file', { name: 'regu.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n${bad}\n`) });
    await page.click('#import-check');
    await page.waitForSelector('#import-problems tr[data-row="3"][data-column="mon"]');
    expect(await page.textContent('#import-problems tr[data-row="3"][data-column="mon"]')).toContain('bukan jam kerja'); // in the reader's language
    expect(await page.isDisabled('#import-apply')).toBe(true);
    await page.setInputFiles('#import-file', { name: 'regu.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n`) });
    await page.click('#import-check');
    await page.waitForSelector('#import-ok');
    await page.click('#import-apply');
    await page.waitForSelector('#import-done');
    await page.waitForSelector('tr[data-code="I-1"]');
    expect((await crewRow('I-1')).shifts[6]).toBeNull();
    expect(await crewRow('I-2')).toBeUndefined();
    await page.close();
  });
});

describe('#/atur-staf and the first login', { timeout: 180_000 }, () => {
  let oneTime: Record<string, string> = {};

  it('adds crews and staff through the set-up steps, shows each password once, resets and deactivates; the last admin stays', async () => {
    const page = await adminOn('#/atur-staf', '#staff-setup[data-loaded]');
    await addCrewsInConsole(page, [{ code: 'URC-31', name: 'Tim Tiga Satu', lat: insideArea.lat, lon: insideArea.lon, members: ['Dewi (0813-2222-3333)'] }]);
    oneTime = await addStaffInConsole(page, [
      { username: 'ketua31', displayName: 'Ketua Tim 31', role: 'crew', crewCode: 'URC-31' },
      { username: 'operator2', displayName: 'Operator Dua', role: 'operator' },
    ]);
    expect(oneTime.ketua31).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const leader = await t.env.db('staff_users').where({ utility_id: t.env.utility.id, username: 'ketua31' }).first();
    expect(leader).toMatchObject({ role: 'crew', must_change_password: true, active: true });
    expect(leader.crew_id).toBe((await crewRow('URC-31')).id);
    expect(await page.textContent('tr[data-username="ketua31"] .staff-state')).toContain('wajib ganti kata sandi');

    // Reset: a new one-time password replaces the shown one.
    await page.click('.reset-staff[data-username="operator2"]');
    await page.waitForFunction((old) => {
      const el = document.querySelector('#one-time-password[data-username="operator2"] #one-time-password-value');
      return el !== null && el.textContent !== old;
    }, oneTime.operator2);
    // Deactivate: the row says so; the last admin cannot be deactivated (the refusal is shown).
    await page.click('.deactivate-staff[data-username="operator2"]');
    await page.waitForSelector('tr[data-username="operator2"][data-active="false"]');
    expect((await t.env.db('staff_users').where({ utility_id: t.env.utility.id, username: 'operator2' }).first()).active).toBe(false);
    await page.click('.deactivate-staff[data-username="admin"]');
    await page.waitForSelector('#staff-row-errors .error');
    expect(await page.textContent('#staff-row-errors')).toContain('admin');
    expect((await t.env.db('staff_users').where({ id: t.env.users.admin }).first()).active).toBe(true);
    await page.close();
  });

  it('the crew leader\'s first login shows only the password change (rules shown, mismatch refused; desktop), then, changed on a phone, the crew\'s route', async () => {
    const page = await newPage(desktop);
    page.setDefaultTimeout(60_000);
    await page.goto(`${consoleUrl()}#/masuk`);
    await page.fill('#username', 'ketua31');
    await page.fill('#password', oneTime.ketua31);
    await page.click('#login');
    await page.waitForSelector('#password-form');
    expect(await page.$$('#nav a')).toHaveLength(0);
    expect(await page.textContent('#password-rules')).toContain('10');
    expect(await noSidewaysScroll(page)).toBe(true);
    // Another page asked for: still only the password change.
    await page.evaluate(() => (location.hash = '#/rute'));
    await page.waitForSelector('#password-form');
    await page.fill('#current-password', oneTime.ketua31);
    await page.fill('#new-password', 'regu-tiga-satu-2026');
    await page.fill('#new-password-2', 'regu-tiga-satu-2027');
    await page.click('#change-password');
    await page.waitForSelector('#password-errors .error');
    expect(await page.textContent('#password-errors')).toContain('tidak sama');
    await page.close();

    const phonePage = await newPage(narrow);
    phonePage.setDefaultTimeout(60_000);
    await firstLoginInConsole(phonePage, consoleUrl(), 'ketua31', oneTime.ketua31, 'regu-tiga-satu-2026');
    await phonePage.waitForFunction(() => location.hash === '#/rute');
    await phonePage.waitForSelector('#nav a[href="#/rute"]');
    expect(await noSidewaysScroll(phonePage)).toBe(true);
    expect((await t.env.db('staff_users').where({ utility_id: t.env.utility.id, username: 'ketua31' }).first()).must_change_password).toBe(false);
    await phonePage.close();
  });

  it('both set-up pages on a 360 px phone in both languages: no sideways scroll, roles in words', async () => {
    for (const lang of ['id', 'en'] as const) {
      for (const [hash, ready] of [
        ['#/atur-regu', '#crews-setup[data-loaded]'],
        ['#/atur-staf', '#staff-setup[data-loaded]'],
      ] as const) {
        const page = await newPage(narrow);
        await page.addInitScript((l) => localStorage.setItem('lang', l), lang);
        page.setDefaultTimeout(60_000);
        await login(page, 'admin');
        await page.goto(`${consoleUrl()}${hash}`);
        await page.waitForSelector(ready);
        expect(await noSidewaysScroll(page), `${lang} ${hash}`).toBe(true);
        if (hash === '#/atur-staf') {
          const shown = await page.$$eval('.staff-role', (cells) => cells.map((c) => c.textContent ?? ''));
          expect(shown.length).toBeGreaterThan(5);
          for (const code of ['admin', 'operator', 'crew', 'kasie', 'kabag', 'direktur']) expect(shown, `${lang}: role ${code} in words`).not.toContain(code);
        }
        await page.close();
      }
    }
  });
});
