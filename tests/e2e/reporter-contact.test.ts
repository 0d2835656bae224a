/**
 * Issue 12 in the console, in a real Chromium: staff see and set how a
 * ticket's reporter hears of it (channel, language) on the ticket page, and
 * the management reports page shows the time to first reply per channel
 * against the 2 h standard (seed 004).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, insideArea, loginAs } from '../support/db.js';
import { desktop, useConsole } from '../support/browser.js';
import { runTick } from '../../server/worker.js';
import { staffUser } from '../jobs/helpers.js';
import { approvedTemplates, startProviders } from '../jobs/providers.js';
import { submitReport } from '../../server/features/tickets/intake.service.js';

const t = useTestServer({ crews: 1 });
const { newPage, login } = useConsole(t);
const tick = () => runTick(t.env.ctx, { utilityIds: [t.env.utility.id] });
let providers: Awaited<ReturnType<typeof startProviders>>;

beforeAll(async () => {
  providers = await startProviders();
  t.env.ctx.config.webhookAllowedHosts = ['127.0.0.1'];
  const token = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
  const res = await fetch(`${t.server.baseUrl}/api/v1/notifications/channels/whatsapp`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'whatsapp_cloud', config: { baseUrl: providers.base, phoneNumberId: '77', accessToken: 'EAAG-e2e', templates: approvedTemplates } }),
  });
  expect(res.status).toBe(204);
});
afterAll(async () => {
  await providers?.close();
});

describe('the reporter’s messages in the console', { timeout: 120_000 }, () => {
  it('the operator sets the reporter’s channel and language on the ticket page; the kasie does not see the reporter', async () => {
    t.env.clock.set('2027-04-28T02:00:00Z'); // 10:00 WITA, the month before the next test's
    const r = await submitReport(t.env.ctx, t.env.utility, { ...insideArea, phone: '0812-6600-0001', name: 'Pak Anwar', source: 'call_centre', category: 'visible_leak' }, await staffUser(t.env, 'operator'));
    const page = await newPage(desktop);
    await login(page, 'operator');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/tiket/${r.id}`);
    await page.waitForSelector('#reporter-contact');
    expect(await page.textContent('#reporter-contact')).toContain('Kabar untuk pelapor');
    expect(await page.inputValue('#reporter-channel')).toBe('');
    expect(await page.inputValue('#reporter-language')).toBe('id');
    await page.selectOption('#reporter-channel', 'sms');
    await page.selectOption('#reporter-language', 'en');
    await page.click('#save-reporter-contact');
    await expect.poll(() => page.textContent('#reporter-contact-status')).toBe('Tersimpan');
    const reporter = await t.env.db('reporters').where({ utility_id: t.env.utility.id, phone: '+6281266000001' }).first();
    expect({ channel: reporter.preferred_channel, language: reporter.language }).toEqual({ channel: 'sms', language: 'en' });
    const audit = await t.env.db('audit_log').where({ utility_id: t.env.utility.id, action: 'reporter.contact' }).first();
    expect(audit.details).toMatchObject({ ticketId: r.id, from: { preferredChannel: null, language: 'id' }, to: { preferredChannel: 'sms', language: 'en' } });
    // In English by the switch; the page reloads with the saved choice.
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('#reporter-contact')?.textContent?.includes('Updates to the reporter'));
    expect(await page.inputValue('#reporter-channel')).toBe('sms');

    const kasie = await newPage(desktop);
    await login(kasie, 'kasie');
    await kasie.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/tiket/${r.id}`);
    await kasie.waitForSelector('#ticket-status');
    expect(await kasie.locator('#reporter-contact').count()).toBe(0);
  });

  it('the reports page shows the time to first reply per channel against the 2 h standard', async () => {
    t.env.clock.set('2027-05-04T02:00:00Z');
    await submitReport(t.env.ctx, t.env.utility, { ...insideArea, phone: '0812-6600-0002', source: 'call_centre', category: 'visible_leak' }, await staffUser(t.env, 'operator'));
    await tick();
    expect(providers.whatsappTo('6281266000002')).toHaveLength(1);
    const page = await newPage(desktop);
    await login(page, 'kabag');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/laporan`);
    await page.waitForSelector('#first-reply');
    expect(await page.textContent('#first-reply h2')).toContain('standar 2 jam');
    const row = page.locator('#first-reply-table tr[data-channel="whatsapp"]');
    expect(await row.locator('td').allTextContents()).toEqual(['WhatsApp', '1', '1 (100%)', '0', '0']);
  });
});
