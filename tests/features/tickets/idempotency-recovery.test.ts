/**
 * Issue 11, finding 5: an Idempotency-Key whose request never finished (the
 * process died, the database went away) is resolved on retry: the stored
 * answer is replayed when the ticket exists, or the request runs again; never
 * "409 still being processed" for days, never a second ticket.
 */
import { describe, expect, it } from 'vitest';
import { insideArea, sharpPhoto, useTestServer } from '../../support/db.js';
import { LEASE_SECONDS, once, requestHashOf } from '../../../server/features/tickets/idempotency.service.js';
import { claimKey } from '../../../server/features/tickets/idempotency.repository.js';
import { submitReport } from '../../../server/features/tickets/intake.service.js';
import { ReportFields } from '../../../server/platform/http/schemas.js';

const t = useTestServer();

const fields = { lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-3456-7890', name: 'Andi', description: 'Pipa bocor', category: 'visible_leak' };

async function report(key: string, photo: Buffer) {
  const body = new FormData();
  for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, ...fields })) body.set(k, v);
  body.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'leak.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), replayed: res.headers.get('idempotent-replayed'), body: (await res.json()) as any };
}

const ticketCount = async () => Number((await t.env.db('tickets').where({ utility_id: t.env.utility.id }).count<{ n: string }[]>({ n: '*' }))[0].n);

/** The hash the intake route computes for `fields` + photo (the form parsed by the route's own schema, as the route sees it). */
function intakeHash(photo: Buffer): string {
  return requestHashOf(ReportFields.parse({ ...fields, jurisdiction_id: t.env.utility.code }), photo);
}

describe('idempotency keys survive crashes', () => {
  it('a key left "in progress" by a dead process: 409 with Retry-After within the lease, then the retry runs again and makes exactly one ticket', async () => {
    const photo = await sharpPhoto();
    const key = 'crash-1';
    // What a process killed mid-request leaves behind: the claim, no answer, no ticket.
    const now = t.env.clock.now();
    expect(await claimKey(t.env.db, t.env.utility.id, key, intakeHash(photo), now, new Date(now.getTime() + LEASE_SECONDS * 1000))).toBe(1);
    const before = await ticketCount();

    const early = await report(key, photo);
    expect(early.status).toBe(409);
    expect(early.body.error.details.inProgress).toBe(true);
    expect(Number(early.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(early.retryAfter)).toBeLessThanOrEqual(LEASE_SECONDS);

    t.env.clock.advanceMinutes(LEASE_SECONDS / 60 + 0.05);
    const retry = await report(key, photo);
    expect(retry.status).toBe(201);
    expect(retry.replayed).toBeNull();
    expect(await ticketCount()).toBe(before + 1);

    const again = await report(key, photo);
    expect(again.status).toBe(201);
    expect(again.replayed).toBe('true');
    expect(again.body.number).toBe(retry.body.number);
    expect(await ticketCount()).toBe(before + 1);
    const row = await t.env.db('idempotency_keys').where({ utility_id: t.env.utility.id, key }).first();
    expect(row.attempt).toBe(2);
  });

  it('a key stuck by the old code (no lease) runs again at once instead of answering 409 for 7 days', async () => {
    const photo = await sharpPhoto();
    await t.env.db('idempotency_keys').insert({ utility_id: t.env.utility.id, key: 'stuck-legacy', request_hash: intakeHash(photo), created_at: t.env.clock.now() });
    const before = await ticketCount();
    const res = await report('stuck-legacy', photo);
    expect(res.status).toBe(201);
    expect(await ticketCount()).toBe(before + 1);
  });

  it('stores the answer in the ticket transaction: an attempt that fails after making its ticket leaves no ticket and frees the key', async () => {
    const photo = await sharpPhoto();
    const before = await ticketCount();
    const input = { lat: insideArea.lat, lon: insideArea.lon, phone: '0812-3456-7890', source: 'app' as const, photo };
    await expect(
      once(t.env.ctx, t.env.utility.id, 'fails-late', 'h-late', async (inTx) => {
        await submitReport(inTx, t.env.utility, input);
        throw new Error('the connection broke before the answer was stored');
      }),
    ).rejects.toThrow(/connection broke/);
    expect(await ticketCount()).toBe(before);
    expect(await t.env.db('idempotency_keys').where({ utility_id: t.env.utility.id, key: 'fails-late' }).first()).toBeUndefined();

    const ok = await once(t.env.ctx, t.env.utility.id, 'fails-late', 'h-late', async (inTx) => {
      const r = await submitReport(inTx, t.env.utility, input);
      return { statusCode: 201, body: { number: r.number } };
    });
    expect(ok.replayed).toBe(false);
    expect(await ticketCount()).toBe(before + 1);
  });

  it('a slow attempt that outlived its lease and lost the key to a retry rolls back: exactly one ticket', async () => {
    const photo = await sharpPhoto();
    const before = await ticketCount();
    const input = { lat: insideArea.lat, lon: insideArea.lon, phone: '0812-3456-7890', source: 'app' as const, photo };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = once(t.env.ctx, t.env.utility.id, 'slow-1', 'h-slow', async (inTx) => {
      started();
      await gate; // held up (a slow photo, a stalled client) past its lease; then it writes its ticket
      const r = await submitReport(inTx, t.env.utility, input);
      return { statusCode: 201, body: { number: r.number } };
    });
    await running;
    t.env.clock.advanceMinutes(LEASE_SECONDS / 60 + 0.05);
    const retry = await once(t.env.ctx, t.env.utility.id, 'slow-1', 'h-slow', async (inTx) => {
      const r = await submitReport(inTx, t.env.utility, input);
      return { statusCode: 201, body: { number: r.number } };
    });
    expect(retry.replayed).toBe(false);
    release();
    await expect(slow).rejects.toMatchObject({ code: 'CONFLICT', details: { inProgress: true } });
    expect(await ticketCount()).toBe(before + 1);
    const replay = await once(t.env.ctx, t.env.utility.id, 'slow-1', 'h-slow', () => Promise.reject(new Error('must not run')));
    expect(replay).toMatchObject({ replayed: true, body: { number: retry.body.number } });
  });
});
