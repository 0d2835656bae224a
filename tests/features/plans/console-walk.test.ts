/**
 * Issue 10's walk in a real browser: the dispatcher drafts the day and reads
 * the diff, publishes, pins a ticket to another crew from the crew lists beside
 * the map and publishes again; the crew's phone shows the changed day; the crew
 * marks a stop on site; a second re-plan keeps that stop with its crew and in
 * place. Then the other edits: take out, put back, lock, and the page in English.
 * Every wait is on the page's state, never on a timeout.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer } from '../../support/db.js';
import { desktop, phone, useConsole } from '../../support/browser.js';
import { insertTickets, pointInArea } from '../../planning/support.js';

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);

const ticketRow = (id: number) => t.env.db('tickets').where({ id }).first('status', 'crew_id');
const crewUser = (crewId: number) => `crew${t.env.crews.indexOf(crewId) + 1}`;

/** The crews' stops as the page lists them: ticket -> { crew, seq, status }. */
async function stopsOnPage(page: Page): Promise<Map<number, { crew: number; seq: number; status: string; pinned: boolean }>> {
  const rows = await page.$$eval('#plan-diff .plan-stop', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return [Number(d.ticket), { crew: Number(d.crew), seq: Number(d.seq), status: String(d.status), pinned: d.pinned === 'true' }] as const;
    }),
  );
  return new Map(rows);
}

/** Clicks a button that solves and waits until the page is done with it (a loaded machine may take a while); a refusal fails here, with its text. */
async function solveBy(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await page.waitForSelector('#plan-box:not([data-busy])', { timeout: 120_000 });
  expect(await page.textContent('#plan-notice')).toBe('');
}

/** The phone comes back into focus: the route page notices the new plan version and offers the new list. */
async function openChangedRoute(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.waitForSelector('#route-changed');
  expect(await page.textContent('#route-changed')).toContain('Rute Anda diubah oleh dispatcher.');
  await page.click('#route-refresh');
  await page.waitForSelector('#route-changed', { state: 'detached' });
  await page.waitForSelector('#stops');
}

describe('the dispatcher plans, reviews, edits and publishes the day; the crews see it', { timeout: 180_000 }, () => {
  let dispatcher: Page;

  it('draft -> diff -> publish -> pin to another crew -> publish -> phone updates -> on site -> re-plan keeps it', async () => {
    t.env.clock.set('2026-11-23T23:00:00Z'); // 07:00 WITA on the 24th, before the shifts
    const ids = await insertTickets(t.env, Array.from({ length: 8 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    dispatcher = await newPage(desktop);
    await login(dispatcher, 'dispatcher');
    await dispatcher.waitForSelector('#plan');

    // The draft, its diff per crew (every stop new), the fair baseline's rule; no ticket changed yet.
    await solveBy(dispatcher, '#plan');
    await dispatcher.waitForSelector('#plan-card[data-status="draft"]');
    expect(await dispatcher.locator('#plan-diff > li').count()).toBe(2);
    expect(await dispatcher.locator('#plan-diff > li[data-changed="true"]').first().locator('.crew-changes').textContent()).toMatch(/\+\d+ tambah/);
    expect(await dispatcher.textContent('#plan-diff > li[data-changed="true"] .crew-figures')).toMatch(/^0 → \d+ Titik kerja · 0 → [\d.]+ km · 0 → [\d.]+ jam$/);
    expect(await dispatcher.textContent('#baseline-rule')).toContain('tim terdekat yang sedang bebas');
    expect(await dispatcher.textContent('#plan-baseline')).toContain('Hemat dibanding pembanding adil');
    const draftStops = await stopsOnPage(dispatcher);
    expect([...draftStops.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await ticketRow(id)).toEqual({ status: 'spk_issued', crew_id: null });

    await solveBy(dispatcher, '#publish-plan');
    await dispatcher.waitForSelector('#plan-card[data-status="published"]');
    const v1 = await stopsOnPage(dispatcher);

    // A crew with at least two stops gives one to the other crew.
    const byCrew = (crew: number) => [...v1].filter(([, s]) => s.crew === crew).sort((a, b) => a[1].seq - b[1].seq);
    const [a, b] = [...t.env.crews].sort((x, y) => byCrew(y).length - byCrew(x).length);
    expect(byCrew(a).length).toBeGreaterThanOrEqual(2);
    const moved = byCrew(a)[byCrew(a).length - 1][0];

    // The other crew's phone before the change.
    const crewPhone = await newPage(phone);
    await login(crewPhone, crewUser(b));
    await crewPhone.waitForSelector('#stops, main .muted:not(:empty)');
    expect(await crewPhone.locator(`#stops li[data-ticket="${moved}"]`).count()).toBe(0);

    // Pin it to the other crew from the list beside the map: a new draft with the move in its diff.
    await dispatcher.click(`.plan-stop[data-ticket="${moved}"]`);
    await dispatcher.waitForSelector(`#plan-selected [data-ticket="${moved}"]`);
    await dispatcher.selectOption('#pin-crew-select', String(b));
    await solveBy(dispatcher, '#pin-crew');
    await dispatcher.waitForSelector(`#plan-card[data-status="draft"] .plan-stop[data-ticket="${moved}"][data-crew="${b}"][data-pinned="true"]`);
    // (The re-solve may move more of the day with it; the pinned ticket is among the moves either way.)
    const number = await dispatcher.textContent(`.plan-stop[data-ticket="${moved}"] strong`);
    expect(await dispatcher.textContent(`#plan-diff > li[data-crew="${b}"] .crew-changes`)).toMatch(new RegExp(`\\d+ pindah masuk \\([^)]*${number}`));
    expect(await dispatcher.textContent(`#plan-diff > li[data-crew="${a}"] .crew-changes`)).toMatch(new RegExp(`\\d+ pindah keluar \\([^)]*${number} → C${t.env.crews.indexOf(b) + 1}`));
    expect(await ticketRow(moved)).toEqual({ status: 'assigned', crew_id: a });

    await solveBy(dispatcher, '#publish-plan');
    await dispatcher.waitForSelector('#plan-card[data-status="published"]');
    expect(await ticketRow(moved)).toEqual({ status: 'assigned', crew_id: b });

    // The crew's phone, back in front of the crew, says the day changed and shows the new list.
    await openChangedRoute(crewPhone);
    await crewPhone.waitForSelector(`#stops li[data-ticket="${moved}"]`);

    // During the day the crew arrives at its first stop.
    t.env.clock.set('2026-11-24T02:00:00Z'); // 10:00 WITA
    const first = crewPhone.locator('#stops li').first();
    const onSite = Number(await first.getAttribute('data-ticket'));
    await first.getByRole('button', { name: 'Sudah di lokasi' }).click();
    await crewPhone.waitForSelector(`#stops li[data-ticket="${onSite}"] .badge.state:text-is("Tim di lokasi")`);
    // The phone's send queue delivers the step: wait until the server has it.
    await expect.poll(async () => (await ticketRow(onSite)).status, { timeout: 30_000, interval: 200 }).toBe('on_site');
    const before = (await stopsOnPage(dispatcher)).get(onSite)!;

    // More work comes in; the dispatcher re-plans: the stop under way stays with its crew, in its place.
    await insertTickets(t.env, [{ ...pointInArea(50), priority: 'high', category: 'pipe_burst' }, { ...pointInArea(51), priority: 'normal' }]);
    await solveBy(dispatcher, '#plan');
    await dispatcher.waitForSelector('#plan-card[data-status="draft"][data-version="3"]');
    const again = await stopsOnPage(dispatcher);
    expect(again.get(onSite)).toEqual({ ...before, status: 'on_site' });
    expect(await dispatcher.textContent(`.plan-stop[data-ticket="${onSite}"]`)).toContain('sedang dikerjakan');
    await solveBy(dispatcher, '#publish-plan');
    await dispatcher.waitForSelector('#plan-card[data-status="published"]');
    expect(await ticketRow(onSite)).toEqual({ status: 'on_site', crew_id: b });
    await openChangedRoute(crewPhone);
    await crewPhone.waitForSelector(`#stops li[data-ticket="${onSite}"]`);
    expect(await crewPhone.locator('#stops li').first().getAttribute('data-ticket')).toBe(String(onSite));
    await crewPhone.close();
  });

  it('takes a ticket out (listed as unplanned with its reason and the way back), puts it back, locks a crew; in English too', async () => {
    const stops = await stopsOnPage(dispatcher);
    // A crew's last stop (its next one stays with it once the day began, whatever the edits).
    const [out] = [...stops].filter(([, s]) => s.status === 'assigned').sort((x, y) => y[1].seq - x[1].seq)[0];
    await dispatcher.click(`.plan-stop[data-ticket="${out}"]`);
    await solveBy(dispatcher, '#take-out');
    const held = dispatcher.locator(`#unplanned li[data-ticket="${out}"][data-reason="held_out"]`);
    await held.waitFor();
    expect(await held.locator('.reason').textContent()).toBe('Dikeluarkan dari hari ini oleh dispatcher: kembalikan untuk dijadwalkan');
    expect(await dispatcher.locator(`.plan-stop[data-ticket="${out}"]`).count()).toBe(0);
    await solveBy(dispatcher, `#unplanned li[data-ticket="${out}"] .put-back`);
    await dispatcher.waitForSelector(`.plan-stop[data-ticket="${out}"]`);
    expect(await dispatcher.locator(`#unplanned li[data-ticket="${out}"]`).count()).toBe(0);

    const crew = stops.get(out)!.crew;
    await solveBy(dispatcher, `#plan-diff > li[data-crew="${crew}"] .lock-crew`);
    await dispatcher.waitForSelector(`#plan-diff > li[data-crew="${crew}"][data-locked="true"]`);
    expect(await dispatcher.textContent(`#plan-diff > li[data-crew="${crew}"]`)).toContain('urutan terkunci');

    await dispatcher.click('#lang');
    await dispatcher.waitForSelector('#baseline-rule');
    expect(await dispatcher.textContent('#baseline-rule')).toBe('Fair baseline: tickets served first come, first served, each by the nearest free crew, on the same travel model and crew shifts.');
    expect(await dispatcher.textContent(`#plan-diff > li[data-crew="${crew}"]`)).toContain('order locked');
    await dispatcher.click('#lang');
    await dispatcher.close();
  });
});
