/**
 * npm run bench:open311: GET /open311/v2/requests.json on the real app over
 * loopback, against one year of Makassar history (the demo generator: 365
 * days x ~150 reports, seed 42, about 55,000 tickets) in a database of its own.
 * Target: p50 under 50 ms for each call shape (the default list is the last 90
 * days, newest first, 1000 at most). Prints a table and the plan of the
 * default list; exits 1 when a target is missed.
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/tirta_bench
 *   --reseed             drop and regenerate the history even when present
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureDatabase, percentile } from './support.js';
import { createDb, migrate, type Db } from '../server/platform/db/knex.js';
import { findUtilityByCode, type Utility } from '../server/features/utilities/service.js';
import { seedDemo } from '../fixtures/seed.js';
import { createApp } from '../server/app.js';
import type { AppContext } from '../server/platform/context.js';
import { loadConfig } from '../server/platform/config.js';
import { PhotoStore } from '../server/platform/storage/photos.js';

const options = {
  url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench',
  code: 'open311-bench',
  days: 365,
  perDay: 150,
  seed: 42,
  /** The history ends here (12:00 WITA), so every run sees the same data. */
  now: new Date('2026-11-23T04:00:00Z'),
  runs: 50,
  targetP50Ms: 50,
};

async function ensureHistory(db: Db): Promise<Utility> {
  const existing = await findUtilityByCode(db, options.code);
  if (existing && !process.argv.includes('--reseed')) return existing;
  console.log(`Seeding ${options.days} days x ~${options.perDay} reports (seed ${options.seed}) into ${options.url}…`);
  const t0 = performance.now();
  await seedDemo(db, { days: options.days, perDay: options.perDay, seed: options.seed, now: options.now, code: options.code, replace: true });
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await db.raw('VACUUM ANALYZE');
  return (await findUtilityByCode(db, options.code))!;
}


async function main(): Promise<void> {
  await ensureDatabase(options.url);
  const db = createDb(options.url, 10);
  try {
    await migrate(db);
    const utility = await ensureHistory(db);
    const [{ n: tickets }] = await db('tickets').where({ utility_id: utility.id }).count<{ n: string }[]>({ n: '*' });
    const base = loadConfig({ NODE_ENV: 'test', DATABASE_URL: options.url });
    const config = { ...base, throttle: { ...base.throttle, enabled: false } };
    const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: () => options.now };
    const server = http.createServer(createApp(ctx));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2/requests`;
    const baseUrl = `${root}.json?jurisdiction_id=${utility.code}`;

    const shapes: [string, string][] = [
      ['default (last 90 days, newest 1000)', ''],
      ['default, XML', 'XML'],
      ['status=open', '&status=open'],
      ['service_code=pipe_burst,status=closed', '&service_code=pipe_burst&status=closed'],
      ['a 30-day window', '&start_date=2026-09-01T00:00:00%2B08:00&end_date=2026-09-30T23:59:59%2B08:00'],
      ['page 3 of 100', '&page_size=100&page=3'],
    ];
    const rows: { shape: string; results: number; bytes: number; first: number; p50: number; p99: number; max: number }[] = [];
    for (const [shape, query] of shapes) {
      const url = query === 'XML' ? `${root}.xml?jurisdiction_id=${utility.code}` : baseUrl + query;
      // The first call presents every row of the page (nothing presented yet at these row versions); the runs after it reuse them.
      const t0 = performance.now();
      const first = await fetch(url);
      const body = await first.text();
      const firstMs = performance.now() - t0;
      if (first.status !== 200) throw new Error(`${shape}: HTTP ${first.status} ${body}`);
      const times: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        const t1 = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        times.push(performance.now() - t1);
      }
      times.sort((a, b) => a - b);
      const results = query === 'XML' ? body.split('<request>').length - 1 : (JSON.parse(body) as unknown[]).length;
      rows.push({ shape, results, bytes: body.length, first: firstMs, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] });
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const plan = await db.raw(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) SELECT t.id, t.xmin FROM tickets t WHERE t.utility_id = ? AND t.received_at >= ? ORDER BY t.received_at DESC, t.id DESC LIMIT 1000`,
      [utility.id, new Date(options.now.getTime() - 90 * 86_400_000)],
    );
    console.log(`\nGET /open311/v2/requests.json, ${tickets} tickets, ${options.runs} calls each over loopback (one at a time)\n`);
    console.log('| call | results | bytes | first call ms | p50 ms | p99 ms | max ms | target p50 |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const r of rows) console.log(`| ${r.shape} | ${r.results} | ${r.bytes} | ${r.first.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.p50 <= options.targetP50Ms ? 'ok' : 'MISSED'} < ${options.targetP50Ms} |`);
    console.log('\nPlan of the default list (ids and row versions, the first of its two queries):');
    for (const line of (plan.rows as { 'QUERY PLAN': string }[]).slice(0, 8)) console.log(`  ${line['QUERY PLAN']}`);
    if (rows.some((r) => r.p50 > options.targetP50Ms)) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

await main();
