import { describe, expect, it } from 'vitest';
import { useTestServer, insideArea, sharpPhoto } from '../support/db.js';

const t = useTestServer();

async function report(key: string | null, fields: Record<string, string>, photo?: Buffer) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  if (photo) f.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f, headers: key ? { 'Idempotency-Key': key } : {} });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: (await res.json()) as any };
}

const fields = { lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-5555-6666', description: 'Bocor' };
const tickets = async () => Number((await t.env.db('tickets').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>({ count: '*' }))[0].count);

describe('Idempotency-Key on report intake', () => {
  it('answers a retry with the first receipt and makes no second ticket', async () => {
    const photo = await sharpPhoto(5);
    const first = await report('a4b1c2d3-retry', fields, photo);
    expect(first.status).toBe(201);
    const before = await tickets();
    const again = await report('a4b1c2d3-retry', fields, photo);
    expect(again.status).toBe(201);
    expect(again.replayed).toBe('true');
    expect(again.body.number).toBe(first.body.number);
    expect(await tickets()).toBe(before);
  });

  it('refuses the key reused for a different report (409)', async () => {
    await report('key-reused', fields, await sharpPhoto(6));
    const other = await report('key-reused', { ...fields, description: 'Lain' }, await sharpPhoto(6));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('CONFLICT');
    expect(other.body.error.field).toBe('Idempotency-Key');
  });

  it('frees the key of a refused request, so the corrected one goes through', async () => {
    const refused = await report('key-after-refusal', fields);
    expect(refused.status).toBe(400);
    const fixed = await report('key-after-refusal', fields, await sharpPhoto(7));
    expect(fixed.status).toBe(201);
    expect(fixed.replayed).toBeNull();
  });

  it('makes one ticket out of simultaneous duplicates', async () => {
    const photo = await sharpPhoto(8);
    const before = await tickets();
    const answers = await Promise.all([1, 2, 3].map(() => report('key-simultaneous', fields, photo)));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(created.map((a) => a.body.number)).size).toBe(1);
    expect(await tickets()).toBe(before + 1);
  });

  it('refuses a malformed key', async () => {
    const res = await report('has spaces in it', fields, await sharpPhoto(9));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('Idempotency-Key');
  });
});
