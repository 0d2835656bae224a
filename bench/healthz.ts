/**
 * npm run bench:healthz [-- --day l] [--budget-ms 10000] [--interval-ms 10]
 *
 * Is the server still answering while a city day solves? Starts the real app
 * (createApp on an ephemeral port, database from $BENCH_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/tirta_bench_plan; /healthz touches no
 * table) and polls GET /healthz every interval while the public Makassar
 * day (l: 5,000 tickets / 100 crews, from ../shared/bench/planning) is planned
 *   1. off the request thread: solvePlan, the plans service's call (the
 *      piscina worker pool, SOLVER_THREADS threads);
 *   2. on the request thread: planDay called directly (how it was before).
 * Prints p50 / p99 / max of /healthz for each. Target: p99 < 50 ms with the pool.
 */
import http from 'node:http';
import { get, pollWhile } from './support.js';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp } from '../server/app.js';
import { planDay } from '../server/core/planning/plan-day.js';
import { createTravelModel } from '../server/core/zoning/travel.js';
import { loadConfig } from '../server/platform/config.js';
import type { AppContext } from '../server/platform/context.js';
import { createDb } from '../server/platform/db/knex.js';
import { photoStoreFor } from '../server/platform/storage/photos.js';
import { closeSolverPool, solvePlan, solverPool } from '../server/platform/solver/pool.js';
import { loadDay, planInputOf } from './makassar-days.js';

const quantile = (xs: number[], q: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { day: { type: 'string', default: 'l' }, 'budget-ms': { type: 'string', default: '10000' }, 'interval-ms': { type: 'string', default: '10' }, 'in-thread': { type: 'string', default: 'yes' } } });
  const config = loadConfig();
  const db = createDb(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_plan', 2);
  const ctx: AppContext = { db, config, photos: photoStoreFor(config), now: () => new Date() };
  const server = http.createServer(createApp(ctx));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  const day = loadDay(values.day as 'l');
  const input = { ...planInputOf(day, { budgetMs: Number(values['budget-ms']) }), travel: createTravelModel({ detourFactor: 1.35, speedKmh: 20 }) };
  const interval = Number(values['interval-ms']);
  try {
    // Warm: the HTTP path and a worker thread (its start-up is not the solve's).
    for (let i = 0; i < 20; i++) await get(url);
    await solverPool().solve({ ...input, travel: { detourFactor: 1.35, speedKmh: 20 }, tickets: input.tickets.slice(0, 50), crews: input.crews.slice(0, 2), budgetMs: 50 });
    const idle = await pollWhile(url, interval, () => new Promise((r) => setTimeout(r, 2000)));
    const rows: [string, { times: number[]; workMs: number }][] = [['idle (no solve)', idle]];
    rows.push([`solve off the request thread (pool, ${solverPool().threads} thread${solverPool().threads > 1 ? 's' : ''})`, await pollWhile(url, interval, () => solvePlan(input))]);
    if (values['in-thread'] !== 'no') {
      rows.push(['solve on the request thread (planDay inline)', await pollWhile(url, interval, async () => {
        await new Promise((r) => setTimeout(r, 50));
        planDay(input);
      })]);
    }
    console.log(`\n/healthz while ${day.scenario} (${input.tickets.length} tickets / ${input.crews.length} crews, budget ${values['budget-ms']} ms) is planned; one request every ${interval} ms\n`);
    console.log('| while | solve s | requests | p50 ms | p99 ms | max ms |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, r] of rows) {
      console.log(`| ${name} | ${name.startsWith('idle') ? '' : (r.workMs / 1000).toFixed(1)} | ${r.times.length} | ${quantile(r.times, 0.5).toFixed(1)} | ${quantile(r.times, 0.99).toFixed(1)} | ${Math.max(...r.times).toFixed(1)} |`);
    }
    console.log('\nTarget: p99 < 50 ms while the day solves off the request thread.');
  } finally {
    await closeSolverPool();
    server.close();
    await db.destroy();
  }
}

await main();
