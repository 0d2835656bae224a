/**
 * Issue 15: #/atur-sistem in Chromium: every utility setting on one page with
 * its SOP default; a refusal shown at the field it names and nothing stored;
 * only changed values stored, audited; "back to the SOP" removes the override.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/db.js';
import { desktop, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 1 });
const { newPage, login } = useConsole(t);

const overrides = async () => {
  const { settings } = await t.env.db('utilities').where({ id: t.env.utility.id }).first('settings');
  return settings;
};

describe('#/atur-sistem', { timeout: 120_000 }, () => {
  it('shows each setting with its SOP default, refuses a bad value at its field, stores only what changed, resets to the SOP', async () => {
    const before = await overrides();
    const page = await newPage(desktop);
    await page.addInitScript(() => localStorage.setItem('lang', 'id'));
    await login(page, 'admin');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/atur-sistem`);
    await page.waitForSelector('main [data-ready="true"] #settings-save');
    expect(await page.textContent('#nav-setup')).toContain('Pengaturan sistem');
    const critical = page.locator('[data-setting="sla.critical.respondMinutes"]');
    expect(await critical.textContent()).toContain('Kritis · Batas waktu respons (menit)');
    expect(await critical.textContent()).toContain('SOP: 15');
    expect(await page.inputValue('#set-sla-critical-respondMinutes')).toBe('15');
    expect(await page.locator('.settings-group').count()).toBe(7);

    await page.fill('#set-sla-critical-respondMinutes', '10');
    await page.fill('#set-notifications-dailyDigestAt', '25:00');
    await page.click('#settings-save');
    await page.waitForSelector('main [data-state="refused"]');
    expect(await page.getAttribute('#set-notifications-dailyDigestAt', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#set-notifications-dailyDigestAt-error')).toContain('HH:MM');
    expect(await page.getAttribute('#set-sla-critical-respondMinutes', 'aria-invalid')).toBeNull();
    expect(await overrides()).toEqual(before);

    await page.fill('#set-notifications-dailyDigestAt', '06:30');
    await page.selectOption('#set-sla-high-escalateTo', 'direktur');
    await page.click('#settings-save');
    await page.waitForSelector('main [data-state="saved"]');
    const after = await overrides();
    expect(after.sla).toEqual({ critical: { respondMinutes: 10 }, high: { escalateTo: 'direktur' } });
    expect(after.notifications).toEqual({ dailyDigestAt: '06:30' });
    expect(await critical.getAttribute('data-own')).not.toBeNull();
    const audit = await t.env.db('audit_log').where({ utility_id: t.env.utility.id, action: 'settings.update' }).first('actor_id', 'details');
    expect(audit.actor_id).toBe(t.env.users.admin);

    await page.click('#set-sla-critical-respondMinutes-reset');
    await expect.poll(async () => (await overrides()).sla).toEqual({ high: { escalateTo: 'direktur' } });
    await expect.poll(() => page.inputValue('#set-sla-critical-respondMinutes')).toBe('15');
    expect(await critical.getAttribute('data-own')).toBeNull();

    // In English, the same page in English.
    await page.click('#lang');
    await page.waitForSelector('main [data-ready="true"] #settings-save');
    expect(await page.textContent('[data-setting="sla.high.escalateTo"]')).toContain('High · If late, escalate to');
    await page.close();
  });
});
