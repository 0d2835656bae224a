/**
 * npm run screenshots: a PNG of every page of every role, at desktop
 * (1280 x 800) and phone (390 x 844) size, into .data/screenshots/, against
 * the Makassar demo (30 days x 150 reports, seed 42, ending at a fixed time)
 * in a database of its own, served by the real app over loopback and drawn by
 * headless Chromium (Debian's). Each shot waits for the element that shows its
 * page has drawn its data. No street map unless BASEMAP_URL is set (this
 * machine may be offline: the maps then show the boundaries alone).
 *
 *   SCREENSHOTS_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/tirta_screenshots
 *   --reseed                   drop and load the demo again
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { ensureDatabase } from '../bench/support.js';
import { createDb, migrate } from '../server/platform/db/knex.js';
import { findUtilityByCode } from '../server/features/utilities/service.js';
import { DEMO_JURISDICTION, DEMO_PASSWORD, seedDemo } from '../fixtures/seed.js';
import type { AppContext } from '../server/platform/context.js';
import { loadConfig } from '../server/platform/config.js';
import { PhotoStore } from '../server/platform/storage/photos.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const options = {
  url: process.env.SCREENSHOTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_screenshots',
  /** The demo ends here (10:00 WITA); the browsers' clocks read the same. */
  now: new Date('2026-11-23T02:00:00Z'),
  outDir: path.join(root, '.data', 'screenshots'),
  viewports: { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } },
};

/** Each role's pages, with what shows that the page has drawn its data ({ticket} and {number}: an open ticket of the demo). */
const pages: { role: string | null; name: string; path: string; ready: string }[] = [
  { role: null, name: 'home', path: '#/', ready: '#go-report' },
  { role: null, name: 'report', path: '#/lapor', ready: '#report-map[data-drawn-features]' },
  { role: null, name: 'status', path: '#/status/{number}', ready: '#status-label' },
  { role: null, name: 'charter', path: '#/maklumat', ready: 'main h1' },
  { role: null, name: 'login', path: '#/masuk', ready: '#login' },
  { role: 'admin', name: 'queue', path: '#/antrian', ready: 'main li[data-ticket]' },
  { role: 'admin', name: 'verify', path: '#/antrian/verifikasi', ready: 'main h1' },
  { role: 'admin', name: 'ticket', path: '#/tiket/{ticket}', ready: '#timeline' },
  { role: 'admin', name: 'templates', path: '#/pesan', ready: '#template-kind' },
  { role: 'operator', name: 'staff-report', path: '#/input', ready: '#report-map[data-drawn-features]' },
  { role: 'operator', name: 'inbox', path: '#/kotak-masuk', ready: 'main h1' },
  { role: 'dispatcher', name: 'dispatch-map', path: '#/peta', ready: '#dispatch-map[data-tickets]' },
  { role: 'crew1', name: 'route', path: '#/rute', ready: 'main h1' },
  { role: 'kabag', name: 'heatmap', path: '#/sebaran/365', ready: '#heat-map[data-cells]' },
  { role: 'kabag', name: 'reports', path: '#/laporan', ready: 'main table' },
  { role: 'direktur', name: 'inbox', path: '#/kotak-masuk', ready: 'main h1' },
  // The utility's own set-up (admin) and the citizen's side for staff.
  { role: 'admin', name: 'setup-geography', path: '#/atur-wilayah', ready: 'main [data-ready="true"] #geo-map canvas' },
  { role: 'admin', name: 'setup-categories', path: '#/atur-kategori', ready: 'main [data-ready="true"] #categories' },
  { role: 'admin', name: 'setup-settings', path: '#/atur-sistem', ready: 'main [data-ready="true"] #settings-save' },
  { role: 'admin', name: 'setup-crews', path: '#/atur-regu', ready: '#crews-setup[data-loaded]' },
  { role: 'admin', name: 'setup-staff', path: '#/atur-staf', ready: '#staff-setup[data-loaded]' },
  { role: 'admin', name: 'answers', path: '#/jawaban', ready: 'main h1' },
  { role: 'admin', name: 'charter-texts', path: '#/ubah-maklumat', ready: '#charter-save' },
  { role: 'operator', name: 'open311-queue', path: '#/open311', ready: '#open311-queue-empty, #open311-queue' },
];

async function login(baseUrl: string, username: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD, jurisdiction_id: DEMO_JURISDICTION }) });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status}`);
  return res.json();
}

/** Waits for the page's ready element, then for the maps to finish drawing (no fixed sleep). */
async function ready(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 60_000, state: 'attached' });
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.map')).every((m) => m.dataset.drawnFeatures !== undefined), undefined, { timeout: 60_000 });
}

async function main(): Promise<void> {
  await ensureDatabase(options.url);
  const db = createDb(options.url, 5);
  let server: http.Server | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    await migrate(db);
    if (!(await findUtilityByCode(db, DEMO_JURISDICTION)) || process.argv.includes('--reseed')) {
      console.log('Loading the Makassar demo (30 days x 150 reports, seed 42)…');
      await seedDemo(db, { days: 30, perDay: 150, seed: 42, now: options.now, replace: true });
    }
    const utility = (await findUtilityByCode(db, DEMO_JURISDICTION))!;
    console.log('Building the console (vite)…');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
    const { createApp } = await import('../server/app.js');
    const base = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: options.url });
    const config = { ...base, basemapUrl: process.env.BASEMAP_URL ? base.basemapUrl : null, throttle: { ...base.throttle, enabled: false } };
    const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: () => options.now };
    server = http.createServer(createApp(ctx));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const open = await db('tickets').where({ utility_id: utility.id }).whereIn('status', ['spk_issued', 'assigned', 'on_site']).orderBy('received_at', 'desc').first('id', 'number');
    const sessions = new Map<string, unknown>();
    fs.mkdirSync(options.outDir, { recursive: true });
    const written: string[] = [];
    for (const [viewportName, viewport] of Object.entries(options.viewports)) {
      for (const p of pages) {
        const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.clock.setFixedTime(options.now);
        if (p.role) {
          if (!sessions.has(p.role)) sessions.set(p.role, await login(baseUrl, p.role));
          await page.addInitScript((s) => localStorage.setItem('tirta.session', s), JSON.stringify(sessions.get(p.role)));
        }
        const hash = p.path.replace('{ticket}', String(open?.id ?? 1)).replace('{number}', String(open?.number ?? ''));
        await page.goto(`${baseUrl}/?jurisdiction_id=${DEMO_JURISDICTION}${hash}`);
        try {
          await ready(page, p.ready);
        } catch (err) {
          console.warn(`${p.role ?? 'citizen'} ${p.name} ${viewportName}: not ready (${String(err).split('\n')[0]}); shot as it is`);
        }
        const file = path.join(options.outDir, `${p.role ?? 'citizen'}-${p.name}-${viewportName}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(path.relative(root, file));
        await context.close();
      }
    }
    console.log(`\n${written.length} screenshots:\n${written.map((f) => `  ${f}`).join('\n')}`);
  } finally {
    await browser.close();
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await db.destroy();
  }
}

await main();
