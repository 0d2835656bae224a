/**
 * npm run bench:export [-- --rows 60000] [--interval-ms 10]
 *
 * Does /healthz stay responsive while a large XLSX export is built (issue
 * 11: exports blocked the server for ~0.5 s)? Starts the real app on an
 * ephemeral port (/healthz touches no table) and polls GET /healthz every
 * interval while one workbook of `rows` rows x 10 columns (text, numbers,
 * percentages, times in the utility's zone, coordinates: the shape of the
 * reports' tables) is built
 *   1. on a worker thread: toXlsxOffThread, what the report routes call now;
 *   2. on the request thread: toXlsx inline (how it was before).
 * Prints build time and /healthz p50 / p99 / max for each (a table, no assertion).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/platform/config.js';
import type { AppContext } from '../server/platform/context.js';
import { createDb } from '../server/platform/db/knex.js';
import { photoStoreFor } from '../server/platform/storage/photos.js';
import { toXlsx, type Table } from '../server/features/reports/view.js';
import { closeXlsxPool, toXlsxOffThread } from '../server/features/reports/xlsx.pool.js';
import { get, percentile, pollWhile } from './support.js';

function tableOf(rows: number): Table {
  const start = Date.UTC(2026, 9, 1);
  return {
    name: 'Tiket',
    title: 'Tiket (bench)',
    columns: [
      { key: 'number', header: 'Nomor' },
      { key: 'status', header: 'Status' },
      { key: 'category', header: 'Kategori' },
      { key: 'receivedAt', header: 'Diterima', kind: 'datetime' },
      { key: 'fixedAt', header: 'Diperbaiki', kind: 'datetime' },
      { key: 'hours', header: 'Jam', kind: 'number' },
      { key: 'repeat', header: 'Ulang', kind: 'int' },
      { key: 'onTime', header: 'Tepat waktu', kind: 'percent' },
      { key: 'lat', header: 'Lintang', kind: 'coordinate' },
      { key: 'lon', header: 'Bujur', kind: 'coordinate' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({
      number: `LK-2026-${String(i + 1).padStart(6, '0')}`,
      status: ['received', 'assigned', 'fixed', 'closed'][i % 4],
      category: i % 3 ? 'visible_leak' : 'no_water',
      receivedAt: new Date(start + i * 60_000),
      fixedAt: i % 4 >= 2 ? new Date(start + i * 60_000 + 5 * 3_600_000) : null,
      hours: (i % 97) / 3,
      repeat: i % 5,
      onTime: (i % 100) / 100,
      lat: -5.15 + (i % 1000) * 1e-5,
      lon: 119.42 + (i % 777) * 1e-5,
    })),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '60000' }, 'interval-ms': { type: 'string', default: '10' } } });
  const rows = Number(values.rows);
  const interval = Number(values['interval-ms']);
  const config = loadConfig();
  // /healthz touches no table: the pool never connects.
  const db = createDb(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_export', 1);
  const ctx: AppContext = { db, config, photos: photoStoreFor(config), now: () => new Date() };
  const server = http.createServer(createApp(ctx));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  const tables = [tableOf(rows)];
  const meta = { title: 'bench', generatedAt: new Date() };
  try {
    for (let i = 0; i < 20; i++) await get(url);
    // Warm the thread (its start-up and exceljs's loading are not the export's).
    await toXlsxOffThread([tableOf(10)], 'Asia/Makassar', meta);
    const results: [string, { times: number[]; workMs: number }, number][] = [];
    results.push(['idle (no export)', await pollWhile(url, interval, () => new Promise((r) => setTimeout(r, 2000))), 0]);
    let bytes = 0;
    results.push([
      'export on a worker thread (toXlsxOffThread, the routes now)',
      await pollWhile(url, interval, async () => {
        bytes = (await toXlsxOffThread(tables, 'Asia/Makassar', meta)).length;
      }),
      bytes,
    ]);
    results[1][2] = bytes;
    results.push([
      'export on the request thread (toXlsx inline, before)',
      await pollWhile(url, interval, async () => {
        await new Promise((r) => setTimeout(r, 50));
        bytes = (await toXlsx(tables, 'Asia/Makassar', meta)).length;
      }),
      0,
    ]);
    results[2][2] = bytes;
    console.log(`\n/healthz while an XLSX of ${rows.toLocaleString('en')} rows x 10 columns is built; one request every ${interval} ms\n`);
    console.log('| while | export s | workbook KB | requests | p50 ms | p99 ms | max ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [name, r, size] of results) {
      const sorted = [...r.times].sort((a, b) => a - b);
      console.log(
        `| ${name} | ${name.startsWith('idle') ? '' : (r.workMs / 1000).toFixed(2)} | ${size ? Math.round(size / 1024) : ''} | ${r.times.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${sorted[sorted.length - 1].toFixed(1)} |`,
      );
    }
  } finally {
    await closeXlsxPool();
    server.close();
    await db.destroy();
  }
}

await main();
