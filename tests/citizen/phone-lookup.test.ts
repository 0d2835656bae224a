/**
 * A reporter who lost the receipt looks their reports up by phone, once the
 * phone is proven by a one-time code (notifications' verification service:
 * POST /api/v1/verifications, then /confirm). Only that phone's reports, each
 * with its follow-up link; nothing of anyone else.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, insideArea, sharpPhoto, type TestEnv } from '../support/db.js';

const t = useTestServer({ crews: 1 });

async function call(method: string, path: string, body?: unknown) {
  const isForm = body instanceof FormData;
  const res = await fetch(`${t.server.baseUrl}${path}`, {
    method,
    headers: body === undefined || isForm ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function citizenReport(phone: string, lat: number) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(lat));
  f.set('lon', String(insideArea.lon));
  f.set('phone', phone);
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  const r = await call('POST', '/api/v1/reports', f);
  expect(r.status).toBe(201);
  return r.body.number as string;
}

/** The code the outbox holds for the SMS gateway (the test reads it where the gateway would). */
export async function codeSentTo(env: TestEnv, verificationId: number): Promise<string> {
  const row = await env.db('notification_events').where({ utility_id: env.utility.id, source_key: `phone-code:${verificationId}` }).first('data');
  return row.data.code as string;
}

async function proofFor(phone: string): Promise<string> {
  const started = await call('POST', `/api/v1/verifications?jurisdiction_id=${t.env.utility.code}`, { phone });
  expect(started.status).toBe(201);
  const confirmed = await call('POST', `/api/v1/verifications/${started.body.id}/confirm?jurisdiction_id=${t.env.utility.code}`, { code: await codeSentTo(t.env, started.body.id) });
  expect(confirmed.status).toBe(200);
  return confirmed.body.token as string;
}

const lookup = (body: Record<string, unknown>) => call('POST', '/api/v1/follow-up/by-phone', { jurisdiction_id: t.env.utility.code, ...body });

describe('looking up one’s reports by a proven phone', () => {
  it('lists the reports of the proven phone only, newest first, with status, dates and a follow-up link that opens', async () => {
    t.env.clock.set('2026-11-20T02:00:00Z');
    const first = await citizenReport('0812-6100-0001', insideArea.lat);
    t.env.clock.set('2026-11-21T02:00:00Z');
    const second = await citizenReport('+62 812 6100 0001', insideArea.lat + 0.005);
    const other = await citizenReport('0812-6100-0002', insideArea.lat + 0.01);
    t.env.clock.set('2026-11-21T03:00:00Z');
    const proof = await proofFor('0812 6100 0001');

    const mine = await lookup({ phone: '0812-6100-0001', proof });
    expect(mine.status).toBe(200);
    expect(mine.body.reports.map((r: { number: string }) => r.number)).toEqual([second, first]);
    expect(mine.body.reports[0]).toMatchObject({ status: 'received', category: 'other', receivedAt: '2026-11-21T02:00:00.000Z', lastChangeAt: '2026-11-21T02:00:00.000Z', statusLabel: { id: expect.any(String), en: expect.any(String) } });
    expect(JSON.stringify(mine.body)).not.toContain(other);
    expect(JSON.stringify(mine.body)).not.toMatch(/6100|\+62/); // not even the phone asked for
    const token = mine.body.reports[1].followUpUrl.split('/').pop();
    const opened = await call('GET', `/api/v1/follow-up?token=${token}&jurisdiction_id=${t.env.utility.code}`);
    expect(opened.status).toBe(200);
    expect(opened.body.report.number).toBe(first);
  });

  it('refuses without a proof, with the proof of another phone, or once the proof has run out (an hour); a proven phone with no report gets an empty list', async () => {
    t.env.clock.set('2026-11-22T02:00:00Z');
    await citizenReport('0812-6100-0003', insideArea.lat - 0.005);
    const none = await lookup({ phone: '0812-6100-0003' });
    expect(none.status).toBe(403);
    expect(none.body.error).toMatchObject({ code: 'LINK_INVALID', field: 'proof' });
    const proofOfOther = await proofFor('0812-6100-0004');
    expect((await lookup({ phone: '0812-6100-0003', proof: proofOfOther })).status).toBe(403);
    const empty = await lookup({ phone: '0812-6100-0004', proof: proofOfOther });
    expect(empty).toEqual({ status: 200, body: { reports: [] } });
    expect((await lookup({ phone: 'nomor saya', proof: proofOfOther })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    const proof = await proofFor('0812-6100-0003');
    t.env.clock.set('2026-11-22T03:01:00Z');
    expect((await lookup({ phone: '0812-6100-0003', proof })).status).toBe(403);
  });
});
