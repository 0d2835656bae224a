import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, outsideArea, sharpPhoto, useTestServer } from '../support/db.js';
import { Open311Errors, Open311Created, Open311ServiceRequest } from '../../server/features/open311/schemas.js';
import { createApiKey } from '../../server/features/open311/service.js';
import { findApiKeyByName, revokeApiKey } from '../../server/features/open311/service.js';
import { georeportForm, get, newKey, photoFiles, post, storedCounts, validFields } from './support.js';
import { open311HttpStatusOf } from '../../server/features/open311/routes.js';

const t = useTestServer();

describe('POST /open311/v2/requests.json (GeoReport submission)', () => {
  it('takes a report with its photo as `media` through our intake, and answers [{service_request_id, service_notice, account_id}]', async () => {
    const { key, apiKey } = await createApiKey(t.env.ctx, t.env.utility, 'Aplikasi Lapor Kota');
    const photo = await sharpPhoto();
    const res = await post(t.server.baseUrl, georeportForm(validFields(t.env, key), { bytes: photo }));
    expect(res.status).toBe(201);
    expect(res.contentType).toMatch(/^application\/json; charset=utf-8/);
    const [answer] = Open311Created.parse(res.body);
    expect(res.body).toHaveLength(1);
    expect(answer.service_request_id).toMatch(/^LK-2026-\d{6}$/);
    expect(answer.account_id).toBe('acct-9001');
    expect(answer.service_notice).toContain(answer.service_request_id);

    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: answer.service_request_id }).first();
    expect(ticket).toMatchObject({ source: 'app', category: 'visible_leak', status: 'received', address: 'Jl. Veteran Selatan No. 12, Makassar', description: 'Air merembes dari trotoar sejak pagi' });
    const reporter = await t.env.db('reporters').where({ id: ticket.reporter_id }).first();
    expect(reporter).toMatchObject({ phone: '+6281277771234', name: 'Andi Wijaya' });
    const photoRow = await t.env.db('photos').where({ ticket_id: ticket.id }).first();
    expect(fs.readFileSync(path.join(t.env.ctx.config.photoDir, photoRow.stored_path)).equals(photo)).toBe(true);
    const submission = await t.env.db('api_submissions').where({ ticket_id: ticket.id }).first();
    expect(submission).toMatchObject({ utility_id: t.env.utility.id, api_key_id: apiKey.id, account_id: 'acct-9001' });
    expect((await findApiKeyByName(t.env.db, t.env.utility.id, 'Aplikasi Lapor Kota'))!.lastUsedAt).not.toBeNull();
    // e-mail and device id are accepted and kept nowhere
    const everything = JSON.stringify([ticket, reporter, submission, await t.env.db('ticket_events').where({ ticket_id: ticket.id })]);
    expect(everything).not.toContain('andi@example.id');
    expect(everything).not.toContain('device-42');

    // The aggregator follows it: no name, phone or e-mail in the public view.
    const followed = await get(t.server.baseUrl, `/requests/${answer.service_request_id}.json?jurisdiction_id=${t.env.utility.code}`);
    expect(followed.status).toBe(200);
    const [request] = Open311ServiceRequest.array().length(1).parse(followed.body);
    expect(request).toMatchObject({ service_request_id: answer.service_request_id, status: 'open', status_notes: 'Laporan diterima', service_code: 'visible_leak', media_url: null });
    for (const secret of ['Andi', 'Wijaya', '7777', 'andi@example.id', 'device-42', 'acct-9001']) expect(JSON.stringify(followed.body)).not.toContain(secret);
  });

  it('takes a report from a known phone under another name without a proof, and keeps the known reporter’s name (no phone proof over Open311)', async () => {
    const { key } = await createApiKey(t.env.ctx, t.env.utility, 'Aplikasi Nama Lain');
    const fields: Record<string, string> = { ...validFields(t.env, key), phone: '0812-7777-5555' };
    expect((await post(t.server.baseUrl, georeportForm(fields, { bytes: await sharpPhoto() }))).status).toBe(201);
    const other = await post(t.server.baseUrl, georeportForm({ ...fields, first_name: 'Orang', last_name: 'Lain', lat: String(Number(fields['lat']) + 0.01) }, { bytes: await sharpPhoto() }));
    expect(other.status).toBe(201);
    expect((await t.env.db('reporters').where({ utility_id: t.env.utility.id, phone: '+6281277775555' }).first()).name).toBe('Andi Wijaya');
  });

  it('takes the utility from the api_key when jurisdiction_id is left out, and the key from the query string', async () => {
    const key = await newKey(t.env);
    const { api_key: _k, jurisdiction_id: _j, ...fields } = validFields(t.env, key);
    const res = await post(t.server.baseUrl, georeportForm(fields, { bytes: await sharpPhoto() }), {}, `?api_key=${encodeURIComponent(key)}`);
    expect(res.status).toBe(201);
    // Numbers are unique per utility (other test utilities have the same ones): find it through the key's record.
    const submission = await t.env.db('api_submissions as s').join('tickets as t', 't.id', 's.ticket_id').where('t.number', res.body[0].service_request_id).andWhere('t.utility_id', t.env.utility.id).first('t.utility_id');
    expect(submission?.utility_id).toBe(t.env.utility.id);
  });

  it('answers a retry with the same Idempotency-Key with the first answer, and makes one ticket', async () => {
    const key = await newKey(t.env);
    const photo = await sharpPhoto();
    const send = () => post(t.server.baseUrl, georeportForm(validFields(t.env, key), { bytes: photo }), { 'Idempotency-Key': 'c0ffee00-0000-4000-8000-000000000311' });
    const first = await send();
    const before = await storedCounts(t.env);
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await storedCounts(t.env)).toEqual(before);
  });

  it('flags a blurred photo on the ticket once analysed (after the acknowledgment: the notice cannot say it yet)', async () => {
    const { blurredPhoto, photosAnalysed } = await import('../support/db.js');
    const res = await post(t.server.baseUrl, georeportForm(validFields(t.env, await newKey(t.env)), { bytes: await blurredPhoto() }));
    expect(res.status).toBe(201);
    expect(res.body[0].service_notice).not.toContain('Foto kurang jelas');
    await photosAnalysed(t.env);
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: res.body[0].service_request_id }).first();
    expect(ticket.photo_blurred).toBe(true);
  });
});

describe('POST /open311/v2/requests.json refusals: Open311 error bodies, and nothing stored', () => {
  type Media = 'ok' | 'none' | 'text' | 'huge' | 'wrong-field';
  type Case = { name: string; fields: (key: string) => Record<string, string>; media: Media; status: number; code: string; mentions?: string; key?: 'valid' | 'revoked' | 'other-utility' };
  const v = (key: string) => validFields(t.env, key);
  const without = (fields: Record<string, string>, ...names: string[]) => Object.fromEntries(Object.entries(fields).filter(([k]) => !names.includes(k)));

  const cases: Case[] = [
    { name: 'no api_key', fields: (k) => without(v(k), 'api_key'), media: 'ok', status: 403, code: 'API_KEY_INVALID', mentions: 'api_key is required' },
    { name: 'an unknown api_key', fields: (k) => ({ ...v(k), api_key: 'o311_not-a-key' }), media: 'ok', status: 403, code: 'API_KEY_INVALID', mentions: 'Invalid api_key' },
    { name: 'a revoked api_key', fields: (k) => v(k), media: 'ok', status: 403, code: 'API_KEY_INVALID', mentions: 'revoked', key: 'revoked' },
    { name: "another utility's api_key", fields: (k) => v(k), media: 'ok', status: 403, code: 'API_KEY_INVALID', mentions: 'not valid for jurisdiction_id', key: 'other-utility' },
    { name: 'an unknown jurisdiction_id', fields: (k) => ({ ...v(k), jurisdiction_id: 'atlantis' }), media: 'ok', status: 404, code: 'NOT_FOUND', mentions: 'atlantis' },
    { name: 'an unknown service_code', fields: (k) => ({ ...v(k), service_code: 'pothole' }), media: 'ok', status: 404, code: 'NOT_FOUND', mentions: 'pothole' },
    { name: 'no service_code', fields: (k) => without(v(k), 'service_code'), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'service_code' },
    { name: 'no location at all', fields: (k) => without(v(k), 'lat', 'long', 'address_string'), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'a location is required' },
    { name: 'lat without long', fields: (k) => ({ ...v(k), long: '' }), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'long: lat and long' },
    { name: 'non-numeric lat', fields: (k) => ({ ...v(k), lat: 'lima' }), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'lat must be a number' },
    { name: 'a point outside the service area', fields: (k) => ({ ...v(k), lat: String(outsideArea.lat), long: String(outsideArea.lon) }), media: 'ok', status: 422, code: 'OUTSIDE_SERVICE_AREA' },
    { name: 'an answer outside an attribute\'s values', fields: (k) => ({ ...v(k), 'attribute[neighbours_affected]': 'maybe' }), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'attribute[neighbours_affected]: "maybe" is not one of yes, no, unknown' },
    { name: 'no photo at all', fields: (k) => v(k), media: 'none', status: 400, code: 'PHOTO_REQUIRED' },
    { name: 'the photo under another field name', fields: (k) => v(k), media: 'wrong-field', status: 400, code: 'VALIDATION_FAILED', mentions: '"media"' },
    { name: 'a non-image as media', fields: (k) => v(k), media: 'text', status: 415, code: 'PHOTO_NOT_IMAGE' },
    { name: 'an oversize photo', fields: (k) => v(k), media: 'huge', status: 413, code: 'PHOTO_TOO_LARGE' },
    { name: 'a malformed phone', fields: (k) => ({ ...v(k), phone: '12-34' }), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'phone' },
    { name: 'no phone', fields: (k) => without(v(k), 'phone'), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'phone' },
    { name: 'a description over 4000 characters', fields: (k) => ({ ...v(k), description: 'a'.repeat(4001) }), media: 'ok', status: 400, code: 'VALIDATION_FAILED', mentions: 'description' },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} (${c.status} ${c.code}, HTTP ${open311HttpStatusOf(c.status)})`, async () => {
      let key = await newKey(t.env);
      if (c.key === 'revoked') {
        const name = `revoked-${Math.random()}`;
        key = (await createApiKey(t.env.ctx, t.env.utility, name)).key;
        await revokeApiKey(t.env.db, (await findApiKeyByName(t.env.db, t.env.utility.id, name))!.id, new Date());
      }
      const other = c.key === 'other-utility' ? await createTestEnv() : null;
      try {
        if (other) key = await newKey(other);
        let media: Parameters<typeof georeportForm>[1];
        if (c.media === 'ok') media = { bytes: await sharpPhoto() };
        if (c.media === 'wrong-field') media = { bytes: await sharpPhoto(), field: 'photo' };
        if (c.media === 'text') media = { bytes: Buffer.from('not an image, only text pretending to be one') };
        if (c.media === 'huge') media = { bytes: Buffer.concat([await sharpPhoto(), Buffer.alloc(t.env.ctx.config.maxPhotoBytes + 1024)]) };
        const before = await storedCounts(t.env);
        const filesBefore = photoFiles(t.env);
        const res = await post(t.server.baseUrl, georeportForm(c.fields(key), media));
        // The spec's HTTP statuses (404, 403, else 400); the body's code the precise one.
        expect(res.status).toBe(open311HttpStatusOf(c.status));
        expect([400, 403, 404]).toContain(res.status);
        expect(res.contentType).toMatch(/^application\/json/);
        const errors = Open311Errors.parse(res.body);
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors) expect(e.code).toBe(c.status);
        expect(errors[0].description.startsWith(`${c.code}: `)).toBe(true);
        if (c.mentions) expect(errors.map((e) => e.description).join(' ')).toContain(c.mentions);
        expect(await storedCounts(t.env)).toEqual(before);
        expect(photoFiles(t.env)).toEqual(filesBefore);
        if (other) expect(await storedCounts(other)).toMatchObject({ tickets: 0, submissions: 0 });
      } finally {
        await other?.close();
      }
    });
  }

  it('refuses a blocked reporter (403 REPORTER_BLOCKED, told apart from a key problem by the code) and stores nothing', async () => {
    const key = await newKey(t.env);
    const first = await post(t.server.baseUrl, georeportForm({ ...validFields(t.env, key), phone: '0813 5555 0001' }, { bytes: await sharpPhoto() }));
    expect(first.status).toBe(201);
    const admin = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: first.body[0].service_request_id }).first();
    const reject = await fetch(`${t.server.baseUrl}/api/v1/tickets/${ticket.id}/reject`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Laporan palsu (hoaks)', blockReporter: true }),
    });
    expect(reject.status).toBe(200);

    const before = await storedCounts(t.env);
    const filesBefore = photoFiles(t.env);
    const res = await post(t.server.baseUrl, georeportForm({ ...validFields(t.env, key), phone: '+62 813-5555-0001' }, { bytes: await sharpPhoto() }));
    expect(res.status).toBe(403);
    expect(res.body).toHaveLength(1);
    expect(res.body[0].code).toBe(403);
    expect(res.body[0].description).toMatch(/^REPORTER_BLOCKED: .*Laporan palsu \(hoaks\)/);
    expect(await storedCounts(t.env)).toEqual(before);
    expect(photoFiles(t.env)).toEqual(filesBefore);
  });

  it('refuses the spec\'s plain form post with no photo at all (x-www-form-urlencoded, no file, no media_url): a citizen report needs a photo', async () => {
    const before = await storedCounts(t.env);
    const res = await post(t.server.baseUrl, new URLSearchParams(validFields(t.env, await newKey(t.env))));
    expect(res.status).toBe(400);
    expect(res.body[0].description).toMatch(/^PHOTO_REQUIRED: .*"media"/);
    expect(await storedCounts(t.env)).toEqual(before);
  });

  it('answers a body that is not valid JSON with an Open311 error, not our API error shape', async () => {
    const res = await fetch(`${t.server.baseUrl}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([{ code: 400, description: 'VALIDATION_FAILED: body: the request body is not valid JSON / Data yang dikirim belum lengkap atau tidak sesuai.' }]);
  });
});
