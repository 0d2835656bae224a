/**
 * The intake journal (journal.service.ts): under load a citizen's report is
 * answered 202 with a token once its photo and one row are stored, and its
 * ticket is made just after. Here INTAKE_JOURNAL_AT=0 journals every report;
 * the last block uses the adaptive default's rule with a small threshold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestEnv, insideArea, outsideArea, sharpPhoto, startServer, useTestServer, type TestEnv } from '../support/db.js';
import { drainJournal, journalIdle, startJournalDrain, stopJournalDrain } from '../../server/features/tickets/journal.service.js';
import { sweepOrphanPhotos } from '../../server/features/tickets/photos.service.js';

const t = useTestServer({ journalAt: 0 });

function form(utilityCode: string, fields: Record<string, string>, photo?: Buffer): FormData {
  const body = new FormData();
  body.set('jurisdiction_id', utilityCode);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (photo) body.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'leak.jpg');
  return body;
}

async function post(baseUrl: string, env: TestEnv, fields: Record<string, string>, photo?: Buffer, key?: string) {
  const res = await fetch(`${baseUrl}/api/v1/reports`, { method: 'POST', body: form(env.utility.code, fields, photo), headers: key ? { 'idempotency-key': key } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** Polls the receipt URL until it stops answering 202 (the form does the same). */
async function receipt(baseUrl: string, url: string): Promise<{ status: number; body: any }> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${baseUrl}${url}`);
    const body = (await res.json()) as any;
    if (res.status !== 202) return { status: res.status, body };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the receipt stayed pending');
}

const valid = { lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-7000-0001', name: 'Rahma', category: 'visible_leak', description: 'Pipa pecah' };
const ticketCount = async (env: TestEnv) => Number((await env.db('tickets').where({ utility_id: env.utility.id }).count<{ n: string }[]>({ n: '*' }))[0].n);

describe('a journalled report (202, then the receipt)', () => {
  it('answers 202 with a token at once; the receipt then carries the ticket, made at the time the report arrived, with its photo', async () => {
    const photo = await sharpPhoto(301);
    const arrived = t.env.clock.now();
    const first = await post(t.server.baseUrl, t.env, valid, photo, 'journal-key-1');
    expect(first.status).toBe(202);
    expect(first.body.state).toBe('pending');
    expect(first.body.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.headers.get('location')).toBe(first.body.receiptUrl);

    const done = await receipt(t.server.baseUrl, first.body.receiptUrl);
    expect(done.status).toBe(201);
    expect(done.body.number).toMatch(/^LK-\d{4}-\d{6}$/);
    expect(done.body.followUpUrl).toMatch(/tindak-lanjut/);
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: done.body.number }).first();
    expect(ticket.received_at.getTime()).toBe(arrived.getTime());
    expect(ticket.source).toBe('app');
    const photoRow = await t.env.db('photos').where({ ticket_id: ticket.id }).first();
    expect(fs.readFileSync(path.join(t.env.ctx.config.photoDir, photoRow.stored_path)).equals(photo)).toBe(true);

    // A retry with the same key: the receipt itself now, and no second ticket.
    const before = await ticketCount(t.env);
    const retry = await post(t.server.baseUrl, t.env, valid, photo, 'journal-key-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.number).toBe(done.body.number);
    expect(await ticketCount(t.env)).toBe(before);
  });

  it('refuses afterwards what needs the database to refuse (outside the service area): the receipt is the 422, no ticket, and the key is free again', async () => {
    const before = await ticketCount(t.env);
    const first = await post(t.server.baseUrl, t.env, { ...valid, lat: String(outsideArea.lat), lon: String(outsideArea.lon) }, await sharpPhoto(302), 'journal-key-2');
    expect(first.status).toBe(202);
    const refused = await receipt(t.server.baseUrl, first.body.receiptUrl);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('OUTSIDE_SERVICE_AREA');
    expect(refused.body.error.messageId).toBeTruthy();
    expect(await ticketCount(t.env)).toBe(before);
    // The corrected report may use the key again.
    const corrected = await post(t.server.baseUrl, t.env, valid, await sharpPhoto(303), 'journal-key-2');
    expect(corrected.status).toBe(202);
    expect((await receipt(t.server.baseUrl, corrected.body.receiptUrl)).status).toBe(201);
  });

  it("keeps a finished answer for its week: a drain scoped to other utilities, whatever its clock, deletes none of this utility's rows", async () => {
    const first = await post(t.server.baseUrl, t.env, { ...valid, phone: '0812-7000-0012' }, await sharpPhoto(311), 'journal-key-kept');
    expect(first.status).toBe(202);
    expect((await receipt(t.server.baseUrl, first.body.receiptUrl)).status).toBe(201);
    const monthLater = new Date(t.env.clock.now().getTime() + 30 * 86_400_000);
    // Another utility's worker, its clock a month on (as tests of other utilities drive theirs).
    await drainJournal({ ...t.env.ctx, now: () => monthLater }, { utilityIds: [t.env.utility.id + 1_000_000] });
    expect((await receipt(t.server.baseUrl, first.body.receiptUrl)).status).toBe(201);
    // This utility's own worker a month on: the answer has been kept long enough, and goes.
    await drainJournal({ ...t.env.ctx, now: () => monthLater }, { utilityIds: [t.env.utility.id] });
    expect((await fetch(`${t.server.baseUrl}${first.body.receiptUrl}`)).status).toBe(404);
  });

  it('refuses at once what needs no database (no phone), writing nothing', async () => {
    const rows = Number((await t.env.db('intake_journal').where({ utility_id: t.env.utility.id }).count<{ n: string }[]>({ n: '*' }))[0].n);
    const { phone: _phone, ...noPhone } = valid;
    const res = await post(t.server.baseUrl, t.env, noPhone, await sharpPhoto(304));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('phone');
    expect(Number((await t.env.db('intake_journal').where({ utility_id: t.env.utility.id }).count<{ n: string }[]>({ n: '*' }))[0].n)).toBe(rows);
  });

  it('answers 404 for a token it does not know, and for one that is not a token', async () => {
    expect((await fetch(`${t.server.baseUrl}/api/v1/reports/receipts/00000000-0000-4000-8000-000000000000?jurisdiction_id=${t.env.utility.code}`)).status).toBe(404);
    expect((await fetch(`${t.server.baseUrl}/api/v1/reports/receipts/nope?jurisdiction_id=${t.env.utility.code}`)).status).toBe(404);
  });

  it('a row whose statement committed while its answer was lost (the connection broke) is still made into its ticket: the retry by key gets the 202, the receipt the number', async () => {
    // The journal's statement commits, then the database's answer is lost: the client is told it failed.
    const ctx = t.env.ctx as { db: typeof t.env.ctx.db };
    const real = ctx.db;
    ctx.db = new Proxy(real, {
      get(target, prop) {
        if (prop !== 'raw') return Reflect.get(target, prop);
        return async (...args: Parameters<typeof real.raw>) => {
          const result = await target.raw(...args);
          if (String(args[0]).includes('INSERT INTO intake_journal')) throw new Error('Connection terminated unexpectedly');
          return result;
        };
      },
    });
    const before = await ticketCount(t.env);
    const photo = await sharpPhoto(309);
    const fields = { ...valid, phone: '0812-7000-0011' };
    let lost: Awaited<ReturnType<typeof post>>;
    try {
      lost = await post(t.server.baseUrl, t.env, fields, photo, 'journal-key-lost');
    } finally {
      ctx.db = real;
    }
    expect(lost.status).toBeGreaterThanOrEqual(500);
    const rows = await t.env.db('intake_journal').where({ utility_id: t.env.utility.id, idempotency_key: 'journal-key-lost' });
    expect(rows).toHaveLength(1);
    // The client's retry replays the stored 202; nothing queued the row when its answer was lost, yet it becomes the ticket.
    const retry = await post(t.server.baseUrl, t.env, fields, photo, 'journal-key-lost');
    expect(retry.status).toBe(202);
    expect(retry.body.token).toBe(rows[0].token);
    const done = await receipt(t.server.baseUrl, retry.body.receiptUrl);
    expect(done.status).toBe(201);
    expect(await ticketCount(t.env)).toBe(before + 1);
  });

  it('a row left by a process that died is made into exactly one ticket once its lease runs out, and its photo is never swept meanwhile', async () => {
    // This process "dies" before draining: its queue stopped, the row stays pending under its lease.
    await stopJournalDrain(t.env.ctx);
    try {
      const before = await ticketCount(t.env);
      const first = await post(t.server.baseUrl, t.env, { ...valid, phone: '0812-7000-0009' }, await sharpPhoto(305), 'journal-key-3');
      expect(first.status).toBe(202);
      const row = await t.env.db('intake_journal').where({ token: first.body.token }).first();
      expect(row.state).toBe('pending');

      // The orphan sweep leaves the journalled photo alone, however old its file.
      const file = path.join(t.env.ctx.config.photoDir, row.request.photo.storedPath);
      const old = new Date(t.env.clock.now().getTime() - 2 * 3600_000);
      fs.utimesSync(file, old, old);
      await sweepOrphanPhotos(t.env.ctx);
      expect(fs.existsSync(file)).toBe(true);

      // Within the lease another instance leaves it to its writer.
      expect((await drainJournal(t.env.ctx, { utilityIds: [t.env.utility.id] })).done).toBe(0);
      const arrived = row.received_at.getTime();
      t.env.clock.advanceMinutes(3);
      // Two instances drain at once: one ticket.
      const [a, b] = await Promise.all([drainJournal(t.env.ctx, { utilityIds: [t.env.utility.id] }), drainJournal(t.env.ctx, { utilityIds: [t.env.utility.id] })]);
      expect(a.done + b.done).toBe(1);
      expect(await ticketCount(t.env)).toBe(before + 1);
      const done = await receipt(t.server.baseUrl, first.body.receiptUrl);
      expect(done.status).toBe(201);
      // The ticket counts from when the report arrived, not from when it was made.
      expect((await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: done.body.number }).first()).received_at.getTime()).toBe(arrived);
      expect((await drainJournal(t.env.ctx, { utilityIds: [t.env.utility.id] })).done).toBe(0);
      expect(await ticketCount(t.env)).toBe(before + 1);
    } finally {
      startJournalDrain(t.env.ctx);
    }
  });
});

describe('the adaptive journal (INTAKE_JOURNAL_AT)', () => {
  it('journals only while that many reports are in flight, and every report ends as its own ticket', async () => {
    const env = await createTestEnv({ journalAt: 3 });
    const server = await startServer(env.ctx);
    try {
      // One at a time: made at once (201).
      const alone = await post(server.baseUrl, env, valid, await sharpPhoto(310));
      expect(alone.status).toBe(201);
      // A burst of twelve: some are journalled; all end as tickets, each its own.
      const photos = await Promise.all(Array.from({ length: 12 }, (_, i) => sharpPhoto(320 + i)));
      const answers = await Promise.all(photos.map((p, i) => post(server.baseUrl, env, { ...valid, phone: `0812-7100-00${String(i).padStart(2, '0')}`, lat: String(insideArea.lat + i * 0.0005) }, p)));
      expect(answers.every((a) => a.status === 201 || a.status === 202)).toBe(true);
      expect(answers.some((a) => a.status === 202)).toBe(true);
      const receipts = await Promise.all(answers.map((a) => (a.status === 202 ? receipt(server.baseUrl, a.body.receiptUrl) : a)));
      expect(receipts.map((r) => r.status)).toEqual(Array(12).fill(201));
      const numbers = receipts.map((r) => r.body.number);
      expect(new Set(numbers).size).toBe(12);
      await journalIdle(env.ctx);
      expect(await ticketCount(env)).toBe(13);
    } finally {
      await server.close();
      await env.close();
    }
  });
});
