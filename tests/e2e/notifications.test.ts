/** The inbox and the message-text editor in a real Chromium. */
import { describe, expect, it } from 'vitest';
import { useTestServer, insideArea } from '../support/db.js';
import { desktop, useConsole } from '../support/browser.js';
import { runTick } from '../../server/worker.js';
import { act, spkTicket, staffUser } from '../jobs/helpers.js';
import { submitReport } from '../../server/features/tickets/intake.service.js';

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);
const tick = () => runTick(t.env.ctx, { utilityIds: [t.env.utility.id] });

describe('the inbox in a real browser', { timeout: 120_000 }, () => {
  it('groups the Kabag’s items by ticket, in Bahasa Indonesia then English, with the actions that fit, and acknowledges them', async () => {
    t.env.clock.set('2027-04-01T01:00:00Z');
    // One High ticket: late to respond, then "needs heavy equipment" (two items, one group).
    const high = await spkTicket(t.env, 'high');
    t.env.clock.advanceMinutes(31);
    await tick();
    await act(t.env, 'dispatcher', high, 'assign', { crewId: t.env.crews[0] });
    await act(t.env, 'crew1', high, 'arrive');
    await act(t.env, 'crew1', high, 'escalate', { note: 'Perlu ekskavator' });
    // A second High ticket, late to respond: its own group.
    const other = await spkTicket(t.env, 'high', 3);
    t.env.clock.advanceMinutes(31);
    await tick();
    const numbers = await t.env.db('tickets').whereIn('id', [high, other]).orderBy('id').pluck('number');

    const page = await newPage(desktop);
    await login(page, 'kabag');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/kotak-masuk`);
    await page.waitForSelector('#inbox section');
    const groups = page.locator('#inbox section');
    expect(await groups.count()).toBe(2);
    const first = page.locator(`#inbox section[data-group="t${high}"]`);
    expect(await first.locator('h2').textContent()).toContain(numbers[0]);
    expect(await first.locator('li').count()).toBe(2);
    const text = await first.textContent();
    expect(text).toContain('perlu alat berat');
    expect(text).toContain('belum direspons');
    expect(await page.locator('h1').textContent()).toBe('Kotak masuk (3 belum dibaca)');
    // The actions: open the ticket, the dispatcher's urgent list.
    expect(await first.locator('[data-kind="escalation.respond"] a[data-action="open-ticket"]').getAttribute('href')).toBe(`#/status/${numbers[0]}`);
    expect(await first.locator('[data-kind="escalation.respond"] a[data-action="open-urgent"]').getAttribute('href')).toBe('#/peta');

    // English by the switch.
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Inbox'));
    expect(await page.locator(`#inbox section[data-group="t${high}"]`).textContent()).toContain('needs heavy equipment');

    // Acknowledge one, then the rest of the group at once.
    const group = page.locator(`#inbox section[data-group="t${high}"]`);
    await group.locator('li').first().locator('button[data-action="ack"]').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Inbox (2 unread)');
    await page.locator(`#inbox section[data-group="t${other}"] li button[data-action="ack"]`).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Inbox (1 unread)');
    await group.locator('li button[data-action="ack"]').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Inbox (0 unread)');
    const kabag = await staffUser(t.env, 'kabag');
    expect(await t.env.db('notifications').where({ user_id: kabag.id }).whereNull('read_at').count<{ count: string }[]>({ count: '*' }).then((r) => Number(r[0].count))).toBe(0);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('offers the explanation for the pending-24 h list on a late fix', async () => {
    t.env.clock.set('2027-04-03T01:00:00Z');
    const operator = await staffUser(t.env, 'operator');
    const r = await submitReport(t.env.ctx, t.env.utility, { ...insideArea, source: 'call_centre', category: 'other' }, operator);
    await act(t.env, 'admin', r.id, 'issue_spk', { priority: 'high' });
    await act(t.env, 'dispatcher', r.id, 'assign', { crewId: t.env.crews[1] });
    t.env.clock.advanceMinutes(12 * 60 + 1);
    await tick();
    const page = await newPage(desktop);
    await login(page, 'kabag');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/kotak-masuk`);
    const item = page.locator(`#inbox section[data-group="t${r.id}"] li[data-kind="escalation.resolve"]`);
    await item.waitFor();
    await item.locator('a[data-action="write-explanation"]').click();
    await page.waitForFunction(() => location.hash === '#/laporan');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe('the message-text editor in a real browser', { timeout: 120_000 }, () => {
  it('lets the admin preview, save, refuse a typo and reset a text', async () => {
    t.env.clock.set('2027-04-05T02:00:00Z');
    const page = await newPage(desktop);
    await login(page, 'admin');
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/pesan`);
    await page.waitForSelector('#template-kind');
    await page.selectOption('#template-kind', 'ticket.spk_issued');
    expect(await page.inputValue('#template-body')).toContain('Surat Perintah Kerja telah diterbitkan');
    expect(await page.textContent('#template-state')).toContain('bawaan');

    await page.fill('#template-body', 'Baik {{name}}, SPK untuk laporan {{number}} sudah terbit.');
    await page.click('#template-preview-button');
    await page.waitForFunction(() => document.querySelector('#template-preview')?.textContent?.includes('LK-2026-000123'));
    expect(await page.textContent('#template-preview')).toContain('Baik Bapak/Ibu Natalia, SPK untuk laporan LK-2026-000123 sudah terbit.');
    await page.click('#template-save');
    await page.waitForFunction(() => document.querySelector('#template-state')?.textContent?.includes('Tersimpan'));
    const row = await t.env.db('notification_templates').where({ utility_id: t.env.utility.id, kind: 'ticket.spk_issued', lang: 'id' }).first();
    expect(row.body).toBe('Baik {{name}}, SPK untuk laporan {{number}} sudah terbit.');

    await page.fill('#template-body', 'Halo {{nama}}');
    await page.click('#template-save');
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('{{nama}}');
    expect((await t.env.db('notification_templates').where({ utility_id: t.env.utility.id, kind: 'ticket.spk_issued', lang: 'id' }).first()).body).toBe(row.body);

    await page.click('#template-reset');
    await page.waitForFunction(() => (document.querySelector('#template-body') as HTMLTextAreaElement).value.includes('Surat Perintah Kerja'));
    expect(await t.env.db('notification_templates').where({ utility_id: t.env.utility.id, kind: 'ticket.spk_issued' }).first()).toBeUndefined();
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
