/**
 * The dispatcher's "Buat rencana hari ini" in a real browser: a draft with its
 * changes per crew, published with a click; a stale draft offers the re-base.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer, loginAs } from '../../support/db.js';
import { desktop, useConsole } from '../../support/browser.js';
import { api, insertTickets, pointInArea } from '../../planning/support.js';

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);

async function dispatcherPage(): Promise<Page> {
  const page = await newPage(desktop);
  await login(page, 'dispatcher');
  await page.waitForSelector('#plan');
  return page;
}

const statusOf = async (ids: number[]) => (await t.env.db('tickets').whereIn('id', ids).select('status')).map((r) => r.status);

describe('plan, review and publish the day in the console', { timeout: 120_000 }, () => {
  it('shows a draft with its changes per crew, changes no ticket until published, then publishes', async () => {
    t.env.clock.set('2026-11-23T23:00:00Z'); // 07:00 WITA, before the shifts
    const ids = await insertTickets(t.env, Array.from({ length: 6 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    const page = await dispatcherPage();
    await page.click('#plan');
    await page.waitForSelector('#plan-card[data-status="draft"]');
    expect(await page.textContent('#plan-card h2')).toContain('Draf');
    const crews = page.locator('#plan-diff li');
    expect(await crews.count()).toBe(2);
    expect(await page.locator('#plan-diff li[data-changed="true"]').first().textContent()).toMatch(/\+\d+ tambah/);
    expect(new Set(await statusOf(ids))).toEqual(new Set(['spk_issued']));

    await page.click('#publish-plan');
    await page.waitForSelector('#plan-card[data-status="published"]');
    expect(await page.textContent('#plan-card h2')).toContain('Terbit');
    await expect.poll(async () => (await statusOf(ids)).filter((s) => s === 'assigned').length).toBeGreaterThan(0);
    await page.close();
  });

  it('a draft the day moved on from: publishing shows the refusal and the re-base, which makes a new draft', async () => {
    const page = await dispatcherPage();
    await page.click('#plan');
    await page.waitForSelector('#plan-card[data-status="draft"]');
    // Meanwhile a Critical ticket is dispatched: a new published version of the day.
    const [critical] = await insertTickets(t.env, [{ ...pointInArea(30), priority: 'critical', category: 'pipe_burst' }]);
    t.env.clock.set('2026-11-24T01:00:00Z'); // 09:00 WITA: crews on shift
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'dispatcher');
    const dispatched = await api(t.server.baseUrl, token, 'POST', '/api/v1/dispatch', { ticketId: critical, crewId: t.env.crews[0] });
    expect(dispatched.status).toBe(201);

    await page.click('#publish-plan');
    await page.waitForSelector('#rebase-plan');
    expect(await page.textContent('#plan-card .error')).toContain('Rencana terbit sudah berubah');
    expect(await t.env.db('plans').where({ utility_id: t.env.utility.id, status: 'published' }).max<{ max: number }>('version as max').first()).toEqual({ max: dispatched.body.version });
    await page.click('#rebase-plan');
    // The re-base solves again: on a loaded machine that takes longer than expect.poll's default second.
    await expect
      .poll(async () => (await t.env.db('plans').where({ utility_id: t.env.utility.id, status: 'draft' }).first('based_on'))?.based_on, { timeout: 30_000 })
      .toBe(dispatched.body.id);
    await page.waitForSelector('#plan-card[data-status="draft"]');
    await page.click('#publish-plan');
    await page.waitForSelector('#plan-card[data-status="published"]');
    expect(await t.env.db('tickets').where({ id: critical }).first('status', 'crew_id')).toEqual({ status: 'assigned', crew_id: t.env.crews[0] });
    await page.close();
  });
});
