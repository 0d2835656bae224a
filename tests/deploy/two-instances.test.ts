/**
 * Two app instances (two createApp on two ports, each with its own connection
 * pool) over one database and one photo store (an S3 server on loopback, as
 * MinIO or Garage in production): what a second instance must not break.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createDb } from '../../server/platform/db/knex.js';
import type { AppContext } from '../../server/platform/context.js';
import { PhotoStore } from '../../server/platform/storage/photos.js';
import { S3ObjectStore } from '../../server/platform/storage/s3.js';
import { runTick } from '../../server/worker.js';
import { createTestEnv, insideArea, loginAs, requireDatabaseUrl, sharpPhoto, type TestEnv } from '../support/db.js';
import { startS3 } from '../platform/storage/s3-server.js';
import { spkTicket } from '../jobs/helpers.js';

let env: TestEnv;
let s3: Awaited<ReturnType<typeof startS3>>;
const instances: { ctx: AppContext; baseUrl: string; close(): Promise<void> }[] = [];

async function startInstance(ctx: AppContext) {
  const server = http.createServer(createApp(ctx));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { ctx, baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

beforeAll(async () => {
  env = await createTestEnv();
  s3 = await startS3('shared-photos');
  const store = () => new PhotoStore(new S3ObjectStore({ endpoint: s3.endpoint, bucket: 'shared-photos', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true }));
  // Each instance: its own pool and store client, as two processes would have; one database, one bucket, one clock.
  for (let i = 0; i < 2; i++) {
    const ctx: AppContext = { ...env.ctx, db: createDb(requireDatabaseUrl(), 4), photos: store() };
    instances.push(await startInstance(ctx));
  }
});
afterAll(async () => {
  for (const i of instances) {
    await i.close();
    await i.ctx.db.destroy();
  }
  await s3?.close();
  await env?.close();
});

function reportForm(photo: Buffer, phone: string): FormData {
  const body = new FormData();
  const fields = { jurisdiction_id: env.utility.code, lat: String(insideArea.lat), lon: String(insideArea.lon), phone, name: 'Andi', description: 'Pipa bocor', category: 'visible_leak' };
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'leak.jpg');
  return body;
}

describe('two app instances on one database and one photo store', () => {
  it('an idempotent retry sent to the other instance gives the same ticket, and either instance serves its photo', async () => {
    const [a, b] = instances;
    const photo = await sharpPhoto();
    const key = `two-instances-${Date.now()}`;
    const first = await fetch(`${a.baseUrl}/api/v1/reports`, { method: 'POST', headers: { 'idempotency-key': key }, body: reportForm(photo, '0812-7000-0001') });
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { number: string };
    const retry = await fetch(`${b.baseUrl}/api/v1/reports`, { method: 'POST', headers: { 'idempotency-key': key }, body: reportForm(photo, '0812-7000-0001') });
    expect([200, 201]).toContain(retry.status);
    expect(((await retry.json()) as { number: string }).number).toBe(receipt.number);
    const tickets = await env.db('tickets as t').join('reporters as r', 'r.id', 't.reporter_id').where({ 't.utility_id': env.utility.id, 'r.phone': '+6281270000001' }).select('t.id');
    expect(tickets).toHaveLength(1);

    // Stored by instance A in the shared bucket; instance B serves it (stripped) and its thumbnail.
    const row = await env.db('photos').where({ ticket_id: tickets[0].id }).first();
    expect(await a.ctx.photos.backend.exists(row.stored_path)).toBe(true);
    const token = await loginAs(b.baseUrl, env.utility, 'operator');
    for (const size of ['full', 'thumb']) {
      const res = await fetch(`${b.baseUrl}/api/v1/tickets/${tickets[0].id}/photos/${row.id}?size=${size}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, size).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
    }
  });

  it('an SLA escalation scan run by both instances at once escalates each breach exactly once', async () => {
    env.clock.set('2026-12-10T00:00:00Z');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await spkTicket(env, (['critical', 'high', 'normal'] as const)[i % 3], i));
    env.clock.advanceMinutes(2 * 24 * 60); // late to respond and to resolve, every one
    const reports = await Promise.all(instances.map((i) => runTick(i.ctx, { utilityIds: [env.utility.id] })));
    expect(reports).toHaveLength(2);
    const rows = await env.db('escalations').whereIn('ticket_id', ids).select('ticket_id', 'kind');
    expect(rows).toHaveLength(ids.length * 2);
    expect(new Set(rows.map((r) => `${r.ticket_id}/${r.kind}`)).size).toBe(ids.length * 2);
    // A second round on both finds nothing new.
    await Promise.all(instances.map((i) => runTick(i.ctx, { utilityIds: [env.utility.id] })));
    expect(await env.db('escalations').whereIn('ticket_id', ids).select('id')).toHaveLength(ids.length * 2);
  });
});
