/**
 * A solve's progress in the console (issue 10): the dispatcher sees what the
 * planner is doing in words and a progress bar that advances with the share
 * of its budget used, then the draft; "Batalkan" cancels the solve job on the
 * server (nothing stored). The solve is held (held-solve.ts) and the test
 * reports the planner's progress itself, so what the page shows is known on
 * any machine; on release the real solver makes the draft.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer } from '../../support/db.js';
import { desktop, phone, useConsole } from '../../support/browser.js';
import { insertTickets, pointInArea } from '../../planning/support.js';
import { holdNextSolve } from './held-solve.js';

vi.mock('../../../server/platform/solver/pool.js', async (importOriginal) => (await import('./held-solve.js')).holdingPool(await importOriginal()));

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);
const plansOfUtility = () => t.env.db('plans').where({ utility_id: t.env.utility.id });

/** Waits until the bar shows at least `percent` and the step reads `words`. */
async function progressReaches(page: Page, words: string, percent: number): Promise<number> {
  await page.locator('#plan-step', { hasText: words }).waitFor();
  await page.waitForFunction((min) => Number((document.querySelector('#plan-progress') as HTMLProgressElement | null)?.value ?? -1) >= min, percent);
  return page.$eval('#plan-progress', (el) => (el as HTMLProgressElement).value);
}

describe("a solve's progress and its cancel in the console", { timeout: 120_000 }, () => {
  it('shows the place in line, then the step in words and the bar advancing, then the draft', async () => {
    t.env.clock.set('2026-11-23T23:00:00Z');
    await insertTickets(t.env, Array.from({ length: 6 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    const page = await newPage(desktop);
    await login(page, 'dispatcher');
    const held = holdNextSolve();
    await page.click('#plan');
    await held.started;
    await page.waitForSelector('#plan-working [role="status"]');
    expect(await page.textContent('#plan-working')).toContain('Menghitung rencana…');

    held.report({ kind: 'queued', position: 2 });
    await page.locator('#plan-step', { hasText: 'Menunggu giliran solver: antrean ke-2…' }).waitFor();
    held.report({ kind: 'started', budgetMs: 100_000 });
    expect(await progressReaches(page, 'Mengelompokkan zona…', 0)).toBeLessThan(20);
    held.report({ kind: 'step', step: 'zones', elapsedMs: 30_000 });
    const routing = await progressReaches(page, 'Mencari rute…', 30);
    expect(routing).toBeLessThan(60);
    expect(await page.textContent('#plan-percent')).toMatch(/^\d+%$/);
    held.report({ kind: 'step', step: 'improve', elapsedMs: 70_000 });
    const polishing = await progressReaches(page, 'Memoles rute…', 70);
    expect(polishing).toBeGreaterThan(routing);
    expect(await page.locator('#plan-card').count()).toBe(0);

    held.release();
    await page.waitForSelector('#plan-card[data-status="draft"][data-version="1"]');
    expect(await page.locator('#plan-working *').count()).toBe(0);
    expect(await plansOfUtility()).toHaveLength(1);
    await page.close();
  });

  it('on a phone too: the bar is in view and fits the screen; "Batalkan" stops the solve on the server and stores nothing', async () => {
    const page = await newPage(phone);
    await login(page, 'dispatcher');
    await page.waitForSelector('#plan-card[data-status="draft"][data-version="1"]');
    const held = holdNextSolve();
    await page.click('#plan');
    await held.started;
    held.report({ kind: 'started', budgetMs: 100_000 });
    held.report({ kind: 'step', step: 'zones', elapsedMs: 40_000 });
    await progressReaches(page, 'Mencari rute…', 40);
    const bar = await page.locator('#plan-progress').boundingBox();
    // In view without scrolling (the plan sits below the map on a phone), within the screen's width.
    expect(bar!.width).toBeGreaterThan(100);
    expect(bar!.x + bar!.width).toBeLessThanOrEqual(phone.width);
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(phone.height);
    expect(await page.locator('#plan-cancel').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    await page.click('#plan-cancel');
    await held.aborted;
    await page.waitForSelector('#plan-cancelled');
    expect(await page.textContent('#plan-cancelled')).toBe('Perhitungan dibatalkan; rencana yang tampil tidak berubah.');
    expect(await page.locator('#plan-working *').count()).toBe(0);
    // The draft shown is the one before; no version was added or discarded.
    expect(await page.locator('#plan-card[data-status="draft"][data-version="1"]').count()).toBe(1);
    expect((await plansOfUtility()).map((p) => [p.version, p.status])).toEqual([[1, 'draft']]);
    await page.close();
  });
});
