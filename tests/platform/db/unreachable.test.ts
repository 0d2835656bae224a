/**
 * Issue 11, finding 9: while PostgreSQL cannot be reached the API answers 503
 * with Retry-After and a stable code (not 500), and the public /readyz says
 * "not ready" without naming the database's host or port. The app here points
 * at a closed port on loopback; the shared server is never touched.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../../server/platform/db/knex.js';
import { loadConfig } from '../../../server/platform/config.js';
import { PhotoStore } from '../../../server/platform/storage/photos.js';
import type { AppContext } from '../../../server/platform/context.js';
import { databaseErrorOf } from '../../../server/platform/db/errors.js';
import { insideArea, sharpPhoto, startServer, TestClock } from '../../support/db.js';

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the database is unreachable', () => {
  let db: Db;
  let port: number;
  let server: { baseUrl: string; close(): Promise<void> };

  beforeAll(async () => {
    port = await closedPort();
    db = createDb(`postgres://tirta:secret@127.0.0.1:${port}/tirta`, 2);
    const config = { ...loadConfig(), photoDir: '/nonexistent-tirta-photos' };
    const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: new TestClock().now };
    server = await startServer(ctx);
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
  });

  it('/readyz answers 503 "not ready" with Retry-After, and names no host or port', async () => {
    const res = await fetch(`${server.baseUrl}/readyz`);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'not ready' });
    expect(text).not.toContain(String(port));
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toMatch(/ECONNREFUSED/);
  });

  it('/healthz still answers 200 (the process is up)', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('a citizen report answers 503 SERVICE_UNAVAILABLE with Retry-After and messages in both languages', async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries({ lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-3456-7890', jurisdiction_id: 'any' })) body.set(k, v);
    body.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'leak.jpg');
    const res = await fetch(`${server.baseUrl}/api/v1/reports`, { method: 'POST', body, headers: { 'Idempotency-Key': 'k-unreachable-1' } });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const json = (await res.json()) as any;
    expect(json.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(json.error.messageId).toMatch(/coba lagi/);
    expect(json.error.message).toMatch(/try again/i);
    expect(JSON.stringify(json)).not.toContain(String(port));
  });

  it('staff login, a staff read and a public status read answer 503 too', async () => {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'x', jurisdiction_id: 'any' }) });
    expect(login.status).toBe(503);
    const tickets = await fetch(`${server.baseUrl}/api/v1/tickets`, { headers: { authorization: 'Bearer 0123456789abcdef' } });
    expect(tickets.status).toBe(503);
    const status = await fetch(`${server.baseUrl}/api/v1/reports/LK-2026-000001?jurisdiction_id=any`);
    expect(status.status).toBe(503);
    expect(((await status.json()) as any).error.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('databaseErrorOf (the one mapping of driver errors)', () => {
  const code = (err: unknown) => databaseErrorOf(err)?.code ?? null;
  it('maps refused, reset and terminated connections, SQLSTATE 08xxx / 57P01 / 57P03 and pool timeouts to SERVICE_UNAVAILABLE', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }),
      new Error('Connection terminated unexpectedly'),
      new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed'),
    ]) {
      expect(code(err), String(err)).toBe('SERVICE_UNAVAILABLE');
    }
  });
  it('maps text PostgreSQL cannot store to VALIDATION_FAILED, and leaves other errors alone (a bug stays a 500)', () => {
    expect(code(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }))).toBe('VALIDATION_FAILED');
    expect(code(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeNull();
    expect(code(new TypeError('x is undefined'))).toBeNull();
  });
});
