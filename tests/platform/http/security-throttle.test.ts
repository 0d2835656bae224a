import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { insideArea, sharpPhoto, useTestServer } from '../../support/db.js';
import { testAddress, throttleWith, wallClock } from '../../support/throttle.js';
import { georeportForm, newKey, validFields } from '../../open311/support.js';

const t = useTestServer({
  throttle: throttleWith({
    reportPhone: { points: 5, durationSeconds: 3600 },
    reportIp: { points: 8, durationSeconds: 3600 },
    open311Key: { points: 3, durationSeconds: 60 },
    open311Ip: { points: 20, durationSeconds: 60 },
  }),
});
const clock = wallClock();
afterAll(() => clock.restore());

const phone = () => `0813-${crypto.randomInt(1000, 9999)}-${crypto.randomInt(1000, 9999)}`;

async function report(fields: Record<string, string>, photo: Buffer, from: string, idempotencyKey?: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat), lon: String(insideArea.lon), category: 'visible_leak', ...fields })) body.set(k, v);
  body.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'leak.jpg');
  const headers: Record<string, string> = { 'x-forwarded-for': from, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body, headers });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), replayed: res.headers.get('idempotent-replayed'), body: (await res.json()) as any };
}

const ticketsOf = async (digits: string) =>
  Number((await t.env.db('tickets as t').join('reporters as r', 'r.id', 't.reporter_id').where('t.utility_id', t.env.utility.id).andWhere('r.phone', `+62${digits}`).count({ n: '*' }))[0].n);

describe('citizen intake throttling', () => {
  it('cuts 200 reports from one phone off after five (whatever the number is written like, from any address)', async () => {
    const photo = await sharpPhoto();
    const p = phone();
    const spellings = [p, p.replace(/-/g, ''), p.replace(/-/g, ' '), `+62${p.slice(1)}`];
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof report>> | null = null;
    for (let i = 0; i < 200; i++) {
      const answer = await report({ phone: spellings[i % spellings.length], description: `bocor ${i}` }, photo, testAddress());
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(statuses.filter((s) => s < 300)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
    expect(refused!.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(refused!.body.error.messageId).toMatch(/Terlalu banyak/);
    expect(Number(refused!.retryAfter)).toBeGreaterThan(0);
    expect(await ticketsOf(p.replace(/\D/g, '').slice(1))).toBeLessThanOrEqual(5);
    // Another phone is not refused; the phone itself again after the hour.
    expect((await report({ phone: phone() }, await sharpPhoto(), testAddress())).status).toBe(201);
    clock.advanceMinutes(61);
    expect((await report({ phone: p }, await sharpPhoto(), testAddress())).status).toBe(201);
  });

  it('does not count an idempotent retry (the same Idempotency-Key, replayed) against the phone again', async () => {
    const p = phone();
    const numbers: string[] = [];
    // Three reports, each sent four times with its key (a flaky connection): three counted, not twelve.
    for (let i = 0; i < 3; i++) {
      const photo = await sharpPhoto(100 + i);
      const key = crypto.randomUUID();
      const first = await report({ phone: p, description: `bocor ${i}` }, photo, testAddress(), key);
      expect(first.status).toBe(201);
      numbers.push(first.body.number);
      for (let retry = 0; retry < 3; retry++) {
        const again = await report({ phone: p, description: `bocor ${i}` }, photo, testAddress(), key);
        expect(again.status).toBe(201);
        expect(again.replayed).toBe('true');
        expect(again.body.number).toBe(first.body.number);
      }
    }
    // So two more new reports fit the limit of five, and the sixth is refused.
    expect((await report({ phone: p, description: 'bocor 3' }, await sharpPhoto(103), testAddress(), crypto.randomUUID())).status).toBe(201);
    expect((await report({ phone: p, description: 'bocor 4' }, await sharpPhoto(104), testAddress(), crypto.randomUUID())).status).toBe(201);
    const sixth = await report({ phone: p, description: 'bocor 5' }, await sharpPhoto(105), testAddress(), crypto.randomUUID());
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('TOO_MANY_REQUESTS');
    // A refused attempt frees its key: nothing was made for it.
    expect(await ticketsOf(p.replace(/\D/g, '').slice(1))).toBe(5);
    expect(new Set(numbers).size).toBe(3);
  });

  it('cuts one address off after eight reports, whatever the phones', async () => {
    const from = testAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await report({ phone: phone() }, await sharpPhoto(), from)).status);
    expect(statuses.slice(0, 8).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429, 429, 429]);
  });
});

describe('Open311 throttling', () => {
  it('limits each api_key, answering 429 the GeoReport way with Retry-After', async () => {
    const key = await newKey(t.env);
    const statuses: number[] = [];
    let last: any = null;
    for (let i = 0; i < 5; i++) {
      const body = georeportForm({ ...validFields(t.env, key), phone: phone() }, { bytes: await sharpPhoto() });
      const res = await fetch(`${t.server.baseUrl}/open311/v2/requests.json`, { method: 'POST', body, headers: { 'x-forwarded-for': testAddress() } });
      statuses.push(res.status);
      last = { retryAfter: res.headers.get('retry-after'), body: await res.json() };
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(last.body[0].code).toBe(429);
    expect(last.body[0].description).toMatch(/^TOO_MANY_REQUESTS: /);
    expect(Number(last.retryAfter)).toBeGreaterThan(0);
  });

  it('limits each address on the reads: 20 a minute, then 429 until the minute is over', async () => {
    const from = testAddress();
    const read = () => fetch(`${t.server.baseUrl}/open311/v2/requests.json?jurisdiction_id=${t.env.utility.code}`, { headers: { 'x-forwarded-for': from } });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await read()).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    clock.advanceMinutes(2);
    expect((await read()).status).toBe(200);
  });
});
