/**
 * npm run bench:console: first draws of the console's maps in headless
 * Chromium (Debian's), against the real app over loopback with a year of
 * Makassar history (the demo generator: 365 days x ~30 reports, seed 42) in a
 * database of its own. Target: each under 1 s from navigation start.
 *
 * - dispatcher map, 10,000 open tickets + 25 routes: the dispatcher map's own
 *   modules (createMap, the ticket points layer fed GET /api/v1/tickets/map's
 *   flat answer, the route layer) in the harness web/bench/map.html, with the
 *   layer's WebGL renderer (the page's choice where WebGL exists) and with
 *   its canvas fallback;
 * - the dispatcher page as it is, on the seeded day (every open ticket through
 *   GET /api/v1/tickets/map);
 * - the heatmap page over a year (#/sebaran/365).
 *
 * "First draw" is the first `map-drawn` mark (web/src/map/base.ts) whose
 * feature count includes all the data. Also prints the console's weight.
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/tirta_bench_console
 *   --reseed             drop and regenerate the history even when present
 *   --only=<text>        run only the cases whose name contains <text>
 *   --profile            print each page's resource and mark timeline
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { ensureDatabase, percentile } from './support.js';
import { createDb, migrate, type Db } from '../server/platform/db/knex.js';
import { findUtilityByCode, type Utility } from '../server/features/utilities/service.js';
import { DEMO_PASSWORD, seedDemo } from '../fixtures/seed.js';
import type { AppContext } from '../server/platform/context.js';
import { loadConfig } from '../server/platform/config.js';
import { PhotoStore } from '../server/platform/storage/photos.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const options = {
  url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_console',
  code: 'console-bench',
  days: 365,
  perDay: 30,
  seed: 42,
  /** The history ends here (10:00 WITA), so every run sees the same data. */
  now: new Date('2026-11-23T02:00:00Z'),
  tickets: 10_000,
  routes: 25,
  runs: 5,
  targetMs: 1000,
  harnessDir: path.join(root, '.data', 'bench-console'),
};

async function ensureHistory(db: Db): Promise<Utility> {
  const existing = await findUtilityByCode(db, options.code);
  if (existing && !process.argv.includes('--reseed')) return existing;
  console.log(`Seeding ${options.days} days x ~${options.perDay} reports (seed ${options.seed}) into ${options.url}…`);
  await seedDemo(db, { days: options.days, perDay: options.perDay, seed: options.seed, now: options.now, code: options.code, replace: true });
  await db.raw('VACUUM ANALYZE');
  return (await findUtilityByCode(db, options.code))!;
}

/** The console's build (as served) and the bench harness beside it. */
async function buildWeb(): Promise<void> {
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  await build({
    configFile: false,
    root: path.join(root, 'web'),
    base: '/bench/',
    logLevel: 'warn',
    build: { outDir: options.harnessDir, emptyOutDir: true, rollupOptions: { input: path.join(root, 'web', 'bench', 'map.html') } },
  });
}

/** Sizes of the built console: raw and gzip bytes of the entry and of the largest page chunks. */
function weightRows(): string[] {
  const assets = path.join(root, 'web', 'dist', 'assets');
  const files = fs.readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const rows = files.map((f) => {
    const body = fs.readFileSync(path.join(assets, f));
    return { f, raw: body.length, gz: zlib.gzipSync(body, { level: 6 }).length };
  });
  rows.sort((a, b) => b.raw - a.raw);
  const maps = fs.readdirSync(path.join(root, 'web', 'dist')).filter((f) => f.endsWith('.map')).length + files.filter((f) => f.endsWith('.map')).length;
  return [
    `${files.length} files, ${rows.reduce((s, r) => s + r.raw, 0)} bytes (${rows.reduce((s, r) => s + r.gz, 0)} gzip); source maps: ${maps}`,
    ...rows.slice(0, 8).map((r) => `  ${r.f.padEnd(34)} ${String(r.raw).padStart(8)} B  ${String(r.gz).padStart(7)} B gzip`),
  ];
}

interface Draw {
  ms: number;
  features: number;
}

/** Opens `url` in a fresh context and returns the first complete draw (the first mark that counts `expected` features or more). */
async function firstDraw(browser: Browser, url: string, session: unknown, expected: (page: import('playwright-core').Page) => Promise<number>): Promise<Draw> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // No fake clock here: Playwright's clock also stops performance marks, which are the measure.
  if (session) await page.addInitScript((s) => localStorage.setItem('tirta.session', s), JSON.stringify(session));
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
  await page.goto(url);
  try {
    const draw = await measure(page, await expected(page));
    if (process.argv.includes('--profile')) console.log(await timeline(page, url));
    return draw;
  } catch (err) {
    throw new Error(`${url}: ${String(err)}\n${problems.join("\n")}`, { cause: err });
  } finally {
    await context.close();
  }
}

/** --profile: what the page waited for before its first draw (resources and marks, ms from navigation start). */
async function timeline(page: import('playwright-core').Page, url: string): Promise<string> {
  const entries = await page.evaluate(() => [
    ...performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    ...performance.getEntriesByType('mark').map((e) => ({ name: `mark ${e.name}`, start: e.startTime, end: e.startTime })),
    ...performance.getEntriesByType('navigation').map((e) => ({ name: 'domContentLoaded', start: 0, end: (e as PerformanceNavigationTiming).domContentLoadedEventEnd })),
  ]);
  entries.sort((a, b) => a.start - b.start);
  return [`-- ${url}`, ...entries.map((e) => `${e.start.toFixed(0).padStart(6)} ${e.end.toFixed(0).padStart(6)}  ${e.name.slice(0, 110)}`)].join('\n');
}

async function measure(page: import('playwright-core').Page, want: number): Promise<Draw> {
  const handle = await page.waitForFunction((n) => {
    const mark = (performance.getEntriesByName('map-drawn') as PerformanceMark[]).find((m) => Number(m.detail) >= n);
    return mark ? { ms: mark.startTime, features: Number(mark.detail) } : null;
  }, want, { timeout: 60_000, polling: 50 });
  return (await handle.jsonValue()) as Draw;
}

async function login(baseUrl: string, code: string, username: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD, jurisdiction_id: code }) });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status}`);
  return res.json();
}

async function main(): Promise<void> {
  await ensureDatabase(options.url);
  const db = createDb(options.url, 10);
  let server: http.Server | null = null;
  let browser: Browser | null = null;
  try {
    await migrate(db);
    const utility = await ensureHistory(db);
    console.log('Building the console and the bench harness (vite)…');
    await buildWeb();
    // Imported after the build: the server lists web/dist when the app is made.
    const { createApp } = await import('../server/app.js');
    const base = loadConfig({ NODE_ENV: 'test', DATABASE_URL: options.url });
    // No street map: its tiles come from the network, not from the console's code.
    const config = { ...base, basemapUrl: null, throttle: { ...base.throttle, enabled: false } };
    const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: () => options.now };
    const app = createApp(ctx);
    const outer = express();
    outer.use('/bench', express.static(path.join(options.harnessDir)));
    outer.use(app);
    server = http.createServer(outer);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const q = `?jurisdiction_id=${utility.code}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const dispatcher = await login(baseUrl, utility.code, 'dispatcher');
    const kabag = await login(baseUrl, utility.code, 'kabag');
    const [{ n: openTickets }] = await db('tickets').where({ utility_id: utility.id }).whereIn('status', ['received', 'spk_issued', 'assigned', 'on_site', 'escalated']).count<{ n: string }[]>({ n: '*' });

    const cases: { name: string; url: string; session: unknown; expected: (page: import('playwright-core').Page) => Promise<number>; informative?: boolean }[] = [
      ...(['webgl', 'canvas'] as const).map((renderer) => ({
        // The page draws WebGL only on a GPU; headless Chromium here emulates it on the CPU (SwiftShader), so that row is for comparison.
        name: `dispatcher map layers (${renderer}${renderer === 'webgl' ? ', emulated here: not the page’s choice' : ''}): ${options.tickets} open tickets + ${options.routes} routes`,
        informative: renderer === 'webgl',
        url: `${baseUrl}/bench/bench/map.html${q}&tickets=${options.tickets}&routes=${options.routes}&renderer=${renderer}`,
        session: null,
        expected: async (page: import('playwright-core').Page) => (await page.waitForFunction(() => (window as unknown as { benchExpected?: number }).benchExpected)).jsonValue() as Promise<number>,
      })),
      {
        name: `dispatcher page as served (${openTickets} open in the seeded day)`,
        url: `${baseUrl}/${q}#/peta`,
        session: dispatcher,
        // The page's own ticket layer: every open ticket.
        expected: async () => Number(openTickets),
      },
      {
        name: 'heatmap page over a year (#/sebaran/365)',
        url: `${baseUrl}/${q}#/sebaran/365`,
        session: kabag,
        expected: async (page) => Number(await (await page.waitForSelector('#heat-map[data-cells]', { timeout: 60_000 })).getAttribute('data-cells')),
      },
    ];
    const rows: { name: string; features: number; p50: number; max: number; informative?: boolean }[] = [];
    const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
    for (const c of cases.filter((x) => !only || x.name.includes(only))) {
      const draws: Draw[] = [];
      for (let i = 0; i < options.runs; i++) draws.push(await firstDraw(browser, c.url, c.session, c.expected));
      const times = draws.map((d) => d.ms).sort((a, b) => a - b);
      rows.push({ name: c.name, features: draws[0].features, p50: percentile(times, 50), max: times[times.length - 1], informative: c.informative });
    }

    console.log(`\nFirst complete draw from navigation start, headless Chromium, ${options.runs} fresh pages each (2-core machine)\n`);
    console.log('| map | features drawn | p50 ms | max ms | target |');
    console.log('|---|---:|---:|---:|---|');
    for (const r of rows) console.log(`| ${r.name} | ${r.features} | ${r.p50.toFixed(0)} | ${r.max.toFixed(0)} | ${r.informative ? 'for comparison' : `${r.p50 < options.targetMs ? 'ok' : 'MISSED'} < ${options.targetMs}`} |`);
    console.log('\nWeight of web/dist/assets (what a browser may download; each page loads only its chunks):');
    for (const line of weightRows()) console.log(line);
    if (rows.some((r) => !r.informative && r.p50 >= options.targetMs)) process.exitCode = 1;
  } finally {
    await browser?.close();
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await db.destroy();
  }
}

await main();
