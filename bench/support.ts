/** What the benchmark scripts share: their own database, percentiles, and polling a URL while work runs. */
import http from 'node:http';
import pg from 'pg';

/**
 * Creates the bench database (with PostGIS) when missing, or anew with
 * `fresh`; benches never touch the run or test databases.
 */
export async function ensureDatabase(url: string, { fresh = false } = {}): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
  } finally {
    await client.end();
  }
}

/** The p-th percentile (nearest rank) of ascending values. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** One GET, its body read; resolves with the milliseconds it took. */
export function get(url: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      // A fresh connection each time: a kept-alive socket the server closed during a stall would read as a reset.
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - t0));
      })
      .on('error', reject);
  });
}

/** Polls url every intervalMs (one request at a time) until `work` settles: how responsive the server stays meanwhile. */
export async function pollWhile(url: string, intervalMs: number, work: () => Promise<unknown>): Promise<{ times: number[]; workMs: number }> {
  const times: number[] = [];
  let done = false;
  const t0 = performance.now();
  const running = work().finally(() => (done = true));
  const poller = (async () => {
    while (!done) {
      times.push(await get(url));
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  await running;
  const workMs = performance.now() - t0;
  await poller;
  return { times, workMs };
}
