/**
 * npm run bench:nearby: GET /api/v1/reports/nearby (the report form's "is it one
 * of these?") on the real app over loopback, against a year of Makassar history
 * (the demo generator: 365 days x ~150 reports, seed 42) in a database of its
 * own, at points next to open tickets and at random points of the city. Prints
 * p50/p99 and the query plan (ST_DWithin on geography through the gist index).
 * Target: p50 under 20 ms; exits 1 when missed.
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/tirta_bench_nearby
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
  url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_nearby',
  code: 'nearby-bench',
  days: 365,
  perDay: 150,
  seed: 42,
  now: new Date('2026-11-23T04:00:00Z'),
  runs: 200,
  targetP50Ms: 20,
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

/** A deterministic stream in [0, 1). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function main(): Promise<void> {
  await ensureDatabase(options.url);
  const db = createDb(options.url, 10);
  try {
    await migrate(db);
    const utility = await ensureHistory(db);
    const [{ n: tickets }] = await db('tickets').where({ utility_id: utility.id }).count<{ n: string }[]>({ n: '*' });
    const open = await db('tickets').where({ utility_id: utility.id }).whereIn('status', ['received', 'spk_issued', 'assigned', 'on_site', 'escalated']).select(db.raw('ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon'));
    const box = (await db.raw('SELECT ST_XMin(b) AS x0, ST_YMin(b) AS y0, ST_XMax(b) AS x1, ST_YMax(b) AS y1 FROM (SELECT ST_Extent(location::geometry) AS b FROM tickets WHERE utility_id = ?) e', [utility.id])).rows[0];
    const base = loadConfig({ NODE_ENV: 'test', DATABASE_URL: options.url });
    const config = { ...base, throttle: { ...base.throttle, enabled: false } };
    const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: () => options.now };
    const server = http.createServer(createApp(ctx));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = (lat: number, lon: number) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/reports/nearby?lat=${lat}&lon=${lon}&jurisdiction_id=${utility.code}`;

    const rnd = random(options.seed);
    const shapes: [string, () => [number, number]][] = [
      ['next to an open ticket (~20 m)', () => {
        const o = open[Math.floor(rnd() * open.length)];
        return [o.lat + 0.00018 * (rnd() - 0.5), o.lon + 0.00018 * (rnd() - 0.5)];
      }],
      ['a random point of the city', () => [box.y0 + rnd() * (box.y1 - box.y0), box.x0 + rnd() * (box.x1 - box.x0)]],
    ];
    const rows: { shape: string; meanResults: number; p50: number; p99: number; max: number }[] = [];
    for (const [shape, point] of shapes) {
      const times: number[] = [];
      let results = 0;
      for (let i = 0; i < options.runs; i++) {
        const [lat, lon] = point();
        const t0 = performance.now();
        const res = await fetch(url(lat, lon));
        const body = (await res.json()) as { items?: unknown[] };
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${shape}: HTTP ${res.status} ${JSON.stringify(body)}`);
        results += body.items!.length;
      }
      times.sort((a, b) => a - b);
      rows.push({ shape, meanResults: results / options.runs, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] });
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const o = open[0];
    const plan = await db.raw(
      `EXPLAIN (ANALYZE, FORMAT TEXT) SELECT t.id FROM tickets t
        WHERE t.utility_id = ? AND t.status IN ('received','spk_issued','assigned','on_site','escalated')
          AND ST_DWithin(t.location, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, 50)`,
      [utility.id, o.lon, o.lat],
    );
    console.log(`\nGET /api/v1/reports/nearby (50 m), ${tickets} tickets (${open.length} open), ${options.runs} calls each over loopback (one at a time)\n`);
    console.log('| point | mean results | p50 ms | p99 ms | max ms | target p50 |');
    console.log('|---|---:|---:|---:|---:|---|');
    for (const r of rows) console.log(`| ${r.shape} | ${r.meanResults.toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.p50 <= options.targetP50Ms ? 'ok' : 'MISSED'} < ${options.targetP50Ms} |`);
    console.log('\nPlan:');
    for (const line of (plan.rows as { 'QUERY PLAN': string }[]).slice(0, 10)) console.log(`  ${line['QUERY PLAN']}`);
    if (rows.some((r) => r.p50 > options.targetP50Ms)) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

await main();
