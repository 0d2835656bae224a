/**
 * A long solve in the console: the page shows that it is working and offers
 * "Batalkan"; cancelling stops the solve on the server (nothing stored) and
 * leaves the page as it was. The solve is held open (held-solve.ts), so the
 * cancel lands mid-solve however loaded the machine is.
 */
import { describe, expect, it, vi } from 'vitest';
import { useTestServer } from '../../support/db.js';
import { desktop, useConsole } from '../../support/browser.js';
import { insertTickets, pointInArea } from '../../planning/support.js';
import { holdNextSolve } from './held-solve.js';

vi.mock('../../../server/platform/solver/pool.js', async (importOriginal) => (await import('./held-solve.js')).holdingPool(await importOriginal()));

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);
const plansOfUtility = () => t.env.db('plans').where({ utility_id: t.env.utility.id });

describe('refusals and cancelling a solve in the console', { timeout: 120_000 }, () => {
  it('a refusal before the day has a plan is shown (nothing to plan)', async () => {
    t.env.clock.set('2026-11-23T23:00:00Z');
    const page = await newPage(desktop);
    await login(page, 'dispatcher');
    await page.click('#plan');
    await page.waitForSelector('#plan-notice [role="alert"]');
    await page.locator('#plan-notice', { hasText: 'Tidak ada tiket ber-SPK' }).waitFor();
    expect(await page.textContent('#plan-notice')).toContain('Tidak ada tiket ber-SPK yang perlu direncanakan.');
    await page.close();
  });

  it('shows the working state, cancels the solve on the server, stores nothing; planning again works', async () => {
    await insertTickets(t.env, Array.from({ length: 5 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    const page = await newPage(desktop);
    await login(page, 'dispatcher');
    const { started, aborted } = holdNextSolve();
    await page.click('#plan');
    await started;
    await page.waitForSelector('#plan-working [role="status"]');
    expect(await page.textContent('#plan-working')).toContain('Menghitung rencana…');
    await page.click('#plan-cancel');
    await aborted;
    await page.waitForSelector('#plan-cancelled');
    expect(await page.textContent('#plan-cancelled')).toBe('Perhitungan dibatalkan; rencana yang tampil tidak berubah.');
    expect(await page.locator('#plan-working *').count()).toBe(0);
    expect(await page.locator('#plan-card').count()).toBe(0);
    expect(await plansOfUtility()).toHaveLength(0);

    await page.click('#plan');
    await page.waitForSelector('#plan-card[data-status="draft"][data-version="1"]');
    expect(await plansOfUtility()).toHaveLength(1);
    await page.close();
  });
});
