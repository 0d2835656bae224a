import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer, insideArea, staffCall } from '../support/db.js';
import { axeFindings, desktop, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 2 });
const { newPage, login } = useConsole(t);
/** The narrowest phone the console is made for. */
const narrow = { width: 360, height: 740 };

/** An API call as a staff user, logged in at the test clock's current time. */
const as = (user: string, method: string, path: string, body?: unknown) => staffCall(t, user, method, path, body);

/** Each role's pages, with what shows that the page has drawn its data. */
const pagesByRole: { role: string | null; path: string; ready: string }[] = [
  { role: null, path: '#/', ready: '#go-report' },
  { role: null, path: '#/lapor', ready: '#report-map canvas' },
  { role: null, path: '#/status', ready: 'main input' },
  { role: null, path: '#/masuk', ready: '#login' },
  { role: 'admin', path: '#/antrian', ready: 'main li[data-ticket]' },
  { role: 'admin', path: '#/antrian/verifikasi', ready: 'main h1' },
  { role: 'operator', path: '#/input', ready: '#report-map canvas' },
  { role: 'dispatcher', path: '#/peta', ready: '#dispatch-map canvas' },
  { role: 'crew1', path: '#/rute', ready: 'main h1' },
  { role: 'kabag', path: '#/sebaran', ready: '#heat-map canvas' },
  { role: 'kabag', path: '#/laporan', ready: 'main table' },
  { role: 'admin', path: '#/pesan', ready: '#template-kind' },
  { role: 'direktur', path: '#/kotak-masuk', ready: 'main h1' },
  { role: 'admin', path: '#/atur-regu', ready: '#crews-setup[data-loaded]' },
  { role: 'admin', path: '#/atur-staf', ready: '#staff-setup[data-loaded]' },
  { role: 'admin', path: '#/jawaban', ready: 'main .answer' },
  { role: 'admin', path: '#/ubah-maklumat', ready: '#charter-save' },
  { role: 'operator', path: '#/open311', ready: '#open311-queue-empty, #open311-queue' },
  { role: 'admin', path: '#/atur-wilayah', ready: 'main [data-ready="true"] #geo-map canvas' },
  { role: 'admin', path: '#/atur-kategori', ready: 'main [data-ready="true"] #categories' },
  { role: 'admin', path: '#/atur-sistem', ready: 'main [data-ready="true"] #settings-save' },
];

async function openAs(role: string | null, path: string, viewport: { width: number; height: number }, lang: 'id' | 'en'): Promise<Page> {
  const page = await newPage(viewport);
  // Two dozen page loads on a shared 2-core machine: a slow first paint is not what this test is about.
  page.setDefaultTimeout(90_000);
  await page.addInitScript((l) => localStorage.setItem('lang', l), lang);
  if (role) await login(page, role);
  await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}${path}`);
  return page;
}

/** Codes that must never reach a reader: statuses, channels, categories, priorities, reasons. */
const rawCodes = /\b(spk_issued|on_site|received|assigned|escalated|call_centre|walk_in|pipe_burst|visible_leak|meter_leak|no_water|shift_full|no_crew_in_reach|VALIDATION_FAILED|NOT_FOUND)\b|\((?:admin|operator|dispatcher|crew|kasie|kabag|direktur)\)|\b(?:ticket|escalation|incident|digest|phone)\.[a-z_]+\b/;

/** Data on every page: a ticket in the queue, two in a published plan (the crew route). */
async function fillPages(): Promise<void> {
  t.env.clock.set('2026-11-23T01:00:00Z');
  for (let i = 0; i < 3; i++) {
    const r = await as('operator', 'POST', '/api/v1/tickets', { lat: insideArea.lat + 0.002 * i, lon: insideArea.lon, source: 'call_centre', address: `Jl. Tata Letak Panjang Sekali Nomor ${i} RT 001 RW 002 Kelurahan Contoh`, phone: '0812 7777 000' + i });
    expect(r.status).toBe(201);
    if (i > 0) expect((await as('admin', 'POST', `/api/v1/tickets/${r.body.id}/spk`, { priority: 'high' })).status).toBe(200);
  }
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: t.env.utility.timeZone }).format(t.env.clock.now());
  const plan = await as('dispatcher', 'POST', '/api/v1/plans', { date: today });
  expect(plan.status).toBe(201);
  expect((await as('dispatcher', 'POST', `/api/v1/plans/${plan.body.id}/publish`, {})).status).toBe(200);
}

async function problemsIn(lang: 'id' | 'en'): Promise<string[]> {
  const problems: string[] = [];
  for (const { role, path, ready } of pagesByRole) {
    const page = await openAs(role, path, narrow, lang);
    await page.waitForSelector(ready, { timeout: 60_000 });
    await page.waitForTimeout(300);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) problems.push(`${lang} ${path} as ${role ?? 'citizen'}: scrollWidth ${scrollWidth} > ${innerWidth}`);
    for (const finding of await axeFindings(page)) problems.push(`${lang} ${path} as ${role ?? 'citizen'}: axe ${finding}`);
    const text = await page.evaluate(() => document.body.innerText);
    const raw = rawCodes.exec(text);
    if (raw) problems.push(`${lang} ${path} as ${role ?? 'citizen'}: raw code "${raw[0]}" on screen`);
    await page.close();
  }
  return problems;
}

// A real browser on a shared 2-core machine: a generous time per language.
describe('every page on a 360 px phone', { timeout: 600_000 }, () => {
  it('in Bahasa Indonesia: no sideways scroll, no serious or critical axe-core finding, no raw code on screen', async () => {
    await fillPages();
    expect(await problemsIn('id')).toEqual([]);
  });

  it('in English: the same', async () => {
    expect(await problemsIn('en')).toEqual([]);
  });

  it('keeps a half-filled report form through the language switch', async () => {
    const page = await openAs(null, '#/lapor', desktop, 'id');
    await page.waitForSelector('#report-map canvas');
    await page.fill('#phone', '0812 1212 3434');
    await page.fill('#description', 'Air meluap di trotoar');
    await page.click('#lang');
    await expect.poll(() => page.textContent('h1')).toBe('Report a leak');
    expect(await page.inputValue('#phone')).toBe('0812 1212 3434');
    expect(await page.inputValue('#description')).toBe('Air meluap di trotoar');
    await page.close();
  });
});
