/**
 * XLSX downloads built on a worker thread (xlsx.worker.ts), so that a large
 * export no longer stalls every other request for its ~0.5 s (issue 11).
 * One thread: exports are rare and the request path keeps the other core;
 * a second export waits in the pool's queue.
 */
import type { Piscina } from 'piscina';
import { threadPool } from '../../platform/threads.js';
import type { Table } from './view.js';
import type { XlsxTask } from './xlsx.worker.js';

let pool: Piscina | null = null;

/** The workbook of `tables`, built off the event loop. */
export async function toXlsxOffThread(tables: Table[], timeZone: string, meta: { title: string; generatedAt: Date }): Promise<Buffer> {
  pool ??= threadPool(import.meta.url, 'xlsx.worker', 1);
  const task: XlsxTask = { tables, timeZone, meta };
  const bytes = (await pool.run(task)) as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stops the thread (shutdown, benchmarks). */
export async function closeXlsxPool(): Promise<void> {
  const old = pool;
  pool = null;
  await old?.destroy();
}
