/**
 * npm run bench:analytics: the management reports on one year of Makassar
 * history (the demo generator: 365 days x ~150 reports, seed 42, about 55,000
 * tickets) in a database of its own. Targets: each report <= 1 s, the heatmap
 * <= 300 ms. Prints a table; exits 1 when a target is missed.
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/tirta_bench
 *   --reseed             drop and regenerate the history even when present
 */
import { ensureDatabase } from './support.js';
import { createDb, migrate, type Db } from '../server/platform/db/knex.js';
import { findUtilityByCode, type Utility } from '../server/features/utilities/service.js';
import { seedDemo } from '../fixtures/seed.js';
import { localDateOf } from '../server/core/domain/time.js';
import { dateRange, monthRange, periodRange } from '../server/features/reports/period.js';
import { complaintsReport, pendingReport, repeatsReport, slaReport } from '../server/features/reports/service.js';
import { heatmapReport } from '../server/features/reports/heatmap.service.js';
import { pointsReport } from '../server/features/points/service.js';
import { toCsv, toXlsx, type Table } from '../server/features/reports/view.js';
import { runTick } from '../server/worker.js';
import type { AppContext } from '../server/platform/context.js';
import { loadConfig } from '../server/platform/config.js';
import { PhotoStore } from '../server/platform/storage/photos.js';

const options = {
  url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench',
  code: 'makassar-bench',
  days: 365,
  perDay: 150,
  seed: 42,
  /** The history ends here (12:00 WITA), so every run sees the same data. */
  now: new Date('2026-11-23T04:00:00Z'),
  runs: 5,
};

const ms = (since: number) => performance.now() - since;

async function ensureHistory(db: Db): Promise<{ utility: Utility; seededSeconds: number | null }> {
  const existing = await findUtilityByCode(db, options.code);
  if (existing && !process.argv.includes('--reseed')) return { utility: existing, seededSeconds: null };
  console.log(`Seeding ${options.days} days x ~${options.perDay} reports (seed ${options.seed}) into ${options.url}…`);
  const t0 = performance.now();
  await seedDemo(db, { days: options.days, perDay: options.perDay, seed: options.seed, now: options.now, code: options.code, replace: true });
  const seededSeconds = ms(t0) / 1000;
  await db.raw('VACUUM ANALYZE');
  return { utility: (await findUtilityByCode(db, options.code))!, seededSeconds };
}

interface Row {
  name: string;
  targetMs: number;
  medianMs: number;
  maxMs: number;
  rows: number;
  csvMs: number;
  xlsxMs: number;
}

async function measure(name: string, targetMs: number, utility: Utility, run: () => Promise<{ tables: Table[] }>): Promise<Row> {
  let last = await run(); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const t0 = performance.now();
    last = await run();
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  let t0 = performance.now();
  toCsv(last.tables, utility.timeZone);
  const csvMs = ms(t0);
  t0 = performance.now();
  await toXlsx(last.tables, utility.timeZone, { title: name, generatedAt: options.now });
  const xlsxMs = ms(t0);
  return { name, targetMs, medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1], rows: last.tables.reduce((s, t) => s + t.rows.length, 0), csvMs, xlsxMs };
}

async function main(): Promise<void> {
  await ensureDatabase(options.url);
  const db = createDb(options.url, 4);
  try {
    await migrate(db);
    const { utility, seededSeconds } = await ensureHistory(db);
    const [{ count: tickets }] = await db('tickets').where({ utility_id: utility.id }).count<{ count: string }[]>({ count: '*' });
    const [{ count: events }] = await db('ticket_events').where({ utility_id: utility.id }).count<{ count: string }[]>({ count: '*' });

    // The worker's first pass over the history: credits every close, escalates what is open and late.
    const ctx: AppContext = { db, config: loadConfig(), photos: new PhotoStore('/tmp/tirta-bench-photos'), now: () => options.now };
    let t0 = performance.now();
    const first = await runTick(ctx, { utilityIds: [utility.id] });
    const firstTickMs = ms(t0);
    t0 = performance.now();
    await runTick(ctx, { utilityIds: [utility.id] });
    const steadyTickMs = ms(t0);

    const now = options.now;
    const tz = utility.timeZone;
    const today = localDateOf(now, tz);
    const lastYear = dateRange(localDateOf(new Date(now.getTime() - 364 * 86_400_000), tz), today, tz);
    const lastMonth = dateRange(localDateOf(new Date(now.getTime() - 29 * 86_400_000), tz), today, tz);
    const yesterday = localDateOf(new Date(now.getTime() - 86_400_000), tz);
    const month = today.slice(0, 7);

    const rows: Row[] = [];
    rows.push(await measure('pending > 24 h', 1000, utility, () => pendingReport(db, utility, now, 24)));
    rows.push(await measure(`complaints day ${yesterday}`, 1000, utility, () => complaintsReport(db, utility, { kind: 'day', value: yesterday }, periodRange('day', yesterday, tz), now)));
    rows.push(await measure(`complaints month ${month}`, 1000, utility, () => complaintsReport(db, utility, { kind: 'month', value: month }, monthRange(month, tz), now)));
    rows.push(await measure(`complaints year ${today.slice(0, 4)}`, 1000, utility, () => complaintsReport(db, utility, { kind: 'year', value: today.slice(0, 4) }, periodRange('year', today.slice(0, 4), tz), now)));
    rows.push(await measure('SLA, 365 days (500 breaches listed)', 1000, utility, () => slaReport(db, utility, lastYear, now, { breachLimit: 500 })));
    rows.push(await measure('SLA, 365 days (every breach, export)', Infinity, utility, () => slaReport(db, utility, lastYear, now, { breachLimit: 100_000 })));
    rows.push(await measure('repeats, 365 days', 1000, utility, () => repeatsReport(db, utility, lastYear)));
    rows.push(await measure(`points ${month}`, 1000, utility, async () => {
      const r = await pointsReport(db, utility, month, monthRange(month, tz));
      return { tables: [{ name: 'p', title: 'p', columns: [{ key: 'crewName', header: 'Crew' }, { key: 'points', header: 'Points' }], rows: r.crews as unknown as Record<string, unknown>[] }] };
    }));
    rows.push(await measure('heatmap city, 365 days, zoom 12', 300, utility, () => heatmapReport(db, utility, { window: lastYear, zoom: 12 })));
    rows.push(await measure('heatmap city, 365 days, zoom 10', 300, utility, () => heatmapReport(db, utility, { window: lastYear, zoom: 10 })));
    rows.push(await measure('heatmap 30 days, critical+high, z12', 300, utility, () => heatmapReport(db, utility, { window: lastMonth, zoom: 12, priorities: ['critical', 'high'] })));
    rows.push(await measure('heatmap 365 days, 2 km extent, z15', 300, utility, () => heatmapReport(db, utility, { window: lastYear, zoom: 15, bbox: [119.41, -5.16, 119.43, -5.14] })));

    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (v: number, n: number) => v.toFixed(1).padStart(n);
    console.log(`\nHistory: ${Number(tickets).toLocaleString('en')} tickets, ${Number(events).toLocaleString('en')} events${seededSeconds !== null ? `, seeded in ${seededSeconds.toFixed(1)} s` : ' (already seeded)'}`);
    console.log(`Worker: first pass ${firstTickMs.toFixed(0)} ms (${first.pointsCredited} closes credited, ${first.escalations} escalations), steady pass ${steadyTickMs.toFixed(0)} ms`);
    console.log(`\n${pad('report', 40)} ${'median ms'.padStart(10)} ${'max ms'.padStart(8)} ${'target'.padStart(7)} ${'rows'.padStart(7)} ${'csv ms'.padStart(8)} ${'xlsx ms'.padStart(8)}  ok`);
    let failed = 0;
    for (const r of rows) {
      const ok = r.maxMs <= r.targetMs;
      if (!ok) failed++;
      console.log(`${pad(r.name, 40)} ${num(r.medianMs, 10)} ${num(r.maxMs, 8)} ${(Number.isFinite(r.targetMs) ? String(r.targetMs) : '-').padStart(7)} ${String(r.rows).padStart(7)} ${num(r.csvMs, 8)} ${num(r.xlsxMs, 8)}  ${Number.isFinite(r.targetMs) ? (ok ? 'yes' : 'NO') : ''}`);
    }
    console.log(`\nheap used ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB; ${options.runs} timed runs after one warm-up; query time only (render times beside it); the export row has no target.`);
    if (failed) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
