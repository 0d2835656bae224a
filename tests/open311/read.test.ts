import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, sharpPhoto, useTestServer } from '../support/db.js';
import { categories } from '../../server/core/domain/tickets.js';
import { Open311Discovery, Open311Errors, Open311Service, Open311ServiceDefinition, Open311ServiceRequest } from '../../server/features/open311/schemas.js';
import { georeportForm, get, newKey, post, validFields } from './support.js';

const t = useTestServer();
let key: string;
let staffToken: string;
const j = () => `jurisdiction_id=${t.env.utility.code}`;

beforeAll(async () => {
  key = await newKey(t.env, 'read-tests');
  staffToken = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
});

async function submit(overrides: Record<string, string> = {}): Promise<string> {
  const res = await post(t.server.baseUrl, georeportForm({ ...validFields(t.env, key), ...overrides }, { bytes: await sharpPhoto() }));
  expect(res.status).toBe(201);
  return res.body[0].service_request_id;
}

async function one(number: string) {
  const res = await get(t.server.baseUrl, `/requests/${number}.json?${j()}`);
  expect(res.status).toBe(200);
  return Open311ServiceRequest.array().length(1).parse(res.body)[0];
}

async function list(query: string) {
  const res = await get(t.server.baseUrl, `/requests.json?${j()}${query ? `&${query}` : ''}`);
  expect(res.status).toBe(200);
  return Open311ServiceRequest.array().parse(res.body);
}

async function refused(pathAndQuery: string, status: number, code: string, mentions?: string) {
  const res = await get(t.server.baseUrl, pathAndQuery);
  expect(res.status).toBe(status);
  const errors = Open311Errors.parse(res.body);
  expect(errors[0].code).toBe(status);
  expect(errors[0].description.startsWith(`${code}: `)).toBe(true);
  if (mentions) expect(errors.map((e) => e.description).join(' ')).toContain(mentions);
}

async function act(number: string, action: string, body: Record<string, unknown> | FormData = {}) {
  const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first('id');
  const isForm = body instanceof FormData;
  const res = await fetch(`${t.server.baseUrl}/api/v1/tickets/${ticket.id}/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staffToken}`, ...(isForm ? {} : { 'content-type': 'application/json' }) },
    body: isForm ? body : JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('Open311 discovery and services', () => {
  it('discovery.json names the GeoReport v2 endpoint on this server, XML and JSON, and how to get a key', async () => {
    const res = await get(t.server.baseUrl, `/discovery.json?${j()}`);
    expect(res.status).toBe(200);
    const d = Open311Discovery.parse(res.body);
    expect(d.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${t.server.baseUrl}/open311/v2`, changeset: d.changeset, type: 'production', formats: ['text/xml', 'application/json'] },
    ]);
    expect(d.contact).toContain(t.env.utility.name);
    expect(d.key_service).toContain('api_key');
  });

  it('services.json lists one realtime service per leak category, named in Bahasa Indonesia with the English in the description', async () => {
    const res = await get(t.server.baseUrl, `/services.json?${j()}`);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/json; charset=utf-8/);
    const services = Open311Service.array().parse(res.body);
    expect(services.map((s) => s.service_code)).toEqual([...categories]);
    for (const s of services) expect(s).toMatchObject({ metadata: true, type: 'realtime', group: 'Kebocoran air' });
    const burst = services.find((s) => s.service_code === 'pipe_burst')!;
    expect(burst.service_name).toBe('Pipa pecah');
    expect(burst.description).toContain('(EN) Burst pipe');
  });

  it('services/{service_code}.json defines a service with its one optional attribute (are the neighbours affected?); an unknown code is 404', async () => {
    const res = await get(t.server.baseUrl, `/services/meter_leak.json?${j()}`);
    expect(res.status).toBe(200);
    const definition = Open311ServiceDefinition.parse(res.body);
    expect(definition.service_code).toBe('meter_leak');
    expect(definition.attributes).toHaveLength(1);
    expect(definition.attributes[0]).toMatchObject({ variable: true, code: 'neighbours_affected', datatype: 'singlevaluelist', required: false, order: 1 });
    expect(definition.attributes[0].values.map((v) => v.key)).toEqual(['yes', 'no', 'unknown']);
    await refused(`/services/pothole.json?${j()}`, 404, 'NOT_FOUND', 'pothole');
  });

  it('refuses an unknown jurisdiction_id (404), formats other than xml and json (404) and paths the spec does not have (404)', async () => {
    await refused('/services.json?jurisdiction_id=atlantis', 404, 'NOT_FOUND', 'atlantis');
    await refused('/requests.json?jurisdiction_id=atlantis', 404, 'NOT_FOUND', 'atlantis');
    for (const p of ['/discovery.html', '/services.csv', '/services/pipe_burst.yaml', '/requests.txt']) await refused(`${p}?${j()}`, 404, 'NOT_FOUND');
    await refused(`/tokens/12345.json?${j()}`, 404, 'NOT_FOUND');
    await refused(`/services/pipe_burst?${j()}`, 404, 'NOT_FOUND');
  });
});

describe('GET /open311/v2/requests/{service_request_id}.json', () => {
  it('shows the request with W3C times in WITA (+08:00), the Normal resolve target before triage, and where it is', async () => {
    t.env.clock.set('2026-11-23T01:00:00Z');
    const number = await submit({ service_code: 'pipe_burst' });
    const r = await one(number);
    expect(r).toMatchObject({
      service_request_id: number,
      status: 'open',
      status_notes: 'Laporan diterima',
      service_name: 'Pipa pecah',
      service_code: 'pipe_burst',
      description: 'Air merembes dari trotoar sejak pagi',
      agency_responsible: `${t.env.utility.name} (Region One)`,
      requested_datetime: '2026-11-23T09:00:00+08:00',
      updated_datetime: '2026-11-23T09:00:00+08:00',
      expected_datetime: '2026-11-24T09:00:00+08:00',
      address: 'Jl. Veteran Selatan No. 12, Makassar',
      address_id: null,
      zipcode: null,
      media_url: null,
    });
    expect(r.lat).toBeCloseTo(-5.15, 6);
    expect(r.long).toBeCloseTo(119.42, 6);
    expect((await one(number.toLowerCase())).service_request_id).toBe(number);
  });

  it('follows the SOP: open with our status as the note until the admin closes it (fixed stays open), with updated and expected times', async () => {
    t.env.clock.set('2026-11-23T02:00:00Z');
    const number = await submit();
    t.env.clock.set('2026-11-23T02:10:00Z');
    await act(number, 'spk', { priority: 'high' });
    expect(await one(number)).toMatchObject({ status: 'open', status_notes: 'SPK diterbitkan', updated_datetime: '2026-11-23T10:10:00+08:00', expected_datetime: '2026-11-23T22:00:00+08:00' });
    t.env.clock.set('2026-11-23T02:20:00Z');
    await act(number, 'assign', { crewId: t.env.crews[0] });
    expect(await one(number)).toMatchObject({ status: 'open', status_notes: 'Tim ditugaskan' });

    const crew = await loginAs(t.server.baseUrl, t.env.utility, 'crew1');
    const asCrew = async (action: string, body: Record<string, unknown> | FormData) => {
      const previous = staffToken;
      staffToken = crew;
      try {
        await act(number, action, body);
      } finally {
        staffToken = previous;
      }
    };
    t.env.clock.set('2026-11-23T02:40:00Z');
    await asCrew('arrive', {});
    expect(await one(number)).toMatchObject({ status: 'open', status_notes: 'Tim di lokasi' });
    await asCrew('escalate', { note: 'Perlu ekskavator' });
    expect(await one(number)).toMatchObject({ status: 'open', status_notes: 'Menunggu alat berat' });
    t.env.clock.set('2026-11-23T05:00:00Z');
    const result = new FormData();
    result.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'hasil.jpg');
    await asCrew('fix', result);
    expect(await one(number)).toMatchObject({ status: 'open', status_notes: 'Sudah diperbaiki', updated_datetime: '2026-11-23T13:00:00+08:00', expected_datetime: null });
    t.env.clock.set('2026-11-23T06:30:00Z');
    await act(number, 'close', {});
    expect(await one(number)).toMatchObject({ status: 'closed', status_notes: 'Selesai', updated_datetime: '2026-11-23T14:30:00+08:00', expected_datetime: null });
  });

  it('closes a rejected report with the note "Laporan ditolak"', async () => {
    t.env.clock.set('2026-11-23T03:00:00Z');
    const number = await submit({ phone: '0812 4444 0002' });
    t.env.clock.set('2026-11-23T03:05:00Z');
    await act(number, 'reject', { reason: 'Bukan kebocoran PDAM' });
    expect(await one(number)).toMatchObject({ status: 'closed', status_notes: 'Laporan ditolak', updated_datetime: '2026-11-23T11:05:00+08:00', expected_datetime: null });
  });

  it('hides phone numbers and e-mail addresses typed into the description or the address', async () => {
    const number = await submit({ description: 'Hubungi saya di 0812-3456-7890 atau +62 811 222 333, email budi.s@mail.co.id. Pipa 2 inci bocor.', address_string: 'Rumah Pak Budi (0411) 872 345' });
    const r = await one(number);
    expect(r.description).toBe('Hubungi saya di [nomor disembunyikan] atau [nomor disembunyikan], email [email disembunyikan]. Pipa 2 inci bocor.');
    expect(r.address).toBe('Rumah Pak Budi [nomor disembunyikan]');
  });

  it('answers 404 for an unknown number and for a number of another utility', async () => {
    await refused(`/requests/LK-2026-999999.json?${j()}`, 404, 'NOT_FOUND', 'LK-2026-999999');
    const other = await createTestEnv();
    try {
      const number = await submit();
      const res = await get(t.server.baseUrl, `/requests/${number}.json?jurisdiction_id=${other.utility.code}`);
      expect(res.status).toBe(404);
      expect(res.body[0].description).toMatch(/^NOT_FOUND: /);
    } finally {
      await other.close();
    }
  });
});

describe('GET /open311/v2/requests.json', () => {
  let early: string;
  let lateNight: string;
  beforeAll(async () => {
    // 100 days before the test clock's day: outside the default window. 00:30 WITA on 15 Aug is still 14 Aug in UTC.
    t.env.clock.set('2026-08-14T16:30:00Z');
    early = await submit({ service_code: 'no_water' });
    t.env.clock.set('2026-08-15T15:59:00Z'); // 23:59 WITA, 15 Aug
    lateNight = await submit({ service_code: 'no_water' });
    t.env.clock.set('2026-11-23T08:00:00Z');
  });

  it('by default lists the last 90 days, newest first, with no reporter data', async () => {
    const all = await list('');
    const numbers = all.map((r) => r.service_request_id);
    expect(numbers).not.toContain(early);
    expect(numbers).not.toContain(lateNight);
    expect(all.length).toBeGreaterThan(3);
    const times = all.map((r) => Date.parse(r.requested_datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const text = JSON.stringify(all);
    for (const secret of ['Andi', 'Wijaya', '7777', 'andi@example.id', 'acct-9001']) expect(text).not.toContain(secret);
  });

  it('filters by status (open, closed, or both) and by service_code (comma-separated or repeated)', async () => {
    const closed = await list('status=closed');
    expect(closed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(closed.map((r) => r.status))).toEqual(new Set(['closed']));
    expect(new Set(closed.map((r) => r.status_notes))).toEqual(new Set(['Selesai', 'Laporan ditolak']));
    const open = await list('status=open');
    expect(new Set(open.map((r) => r.status))).toEqual(new Set(['open']));
    expect((await list('status=open,closed')).length).toBe(open.length + closed.length);
    expect((await list('status=open&status=closed')).length).toBe(open.length + closed.length);

    const bursts = await list('service_code=pipe_burst');
    expect(bursts.length).toBeGreaterThan(0);
    expect(new Set(bursts.map((r) => r.service_code))).toEqual(new Set(['pipe_burst']));
    const two = await list('service_code=pipe_burst,visible_leak');
    expect(new Set(two.map((r) => r.service_code))).toEqual(new Set(['pipe_burst', 'visible_leak']));
    expect((await list('service_code=pipe_burst&service_code=visible_leak')).length).toBe(two.length);
  });

  it('takes service_request_id (comma-separated) over every other filter', async () => {
    const open = (await list('status=open'))[0].service_request_id;
    const got = await list(`service_request_id=${early},${open},LK-2026-999999&status=closed&service_code=other&start_date=2026-11-01`);
    expect(got.map((r) => r.service_request_id).sort()).toEqual([early, open].sort());
  });

  it('reads start_date/end_date as W3C date-times with a zone, or as local days of the utility (WITA)', async () => {
    const aug15 = await list('start_date=2026-08-15&end_date=2026-08-15');
    expect(aug15.map((r) => r.service_request_id).sort()).toEqual([early, lateNight].sort());
    expect(aug15.find((r) => r.service_request_id === early)!.requested_datetime).toBe('2026-08-15T00:30:00+08:00');
    expect((await list('start_date=2026-08-15T00:31:00%2B08:00&end_date=2026-08-16T00:00:00Z')).map((r) => r.service_request_id)).toEqual([lateNight]);
    // An unencoded "+" arrives as a space; it is read as "+".
    expect((await list('start_date=2026-08-15T23:00:00+08:00&end_date=2026-08-15T23:59:00+08:00')).map((r) => r.service_request_id)).toEqual([lateNight]);
    // start_date alone: the 90 days from it; end_date alone: the 90 days before it.
    expect((await list('start_date=2026-08-10')).map((r) => r.service_request_id)).toEqual(expect.arrayContaining([early, lateNight]));
    expect((await list('end_date=2026-08-15T00:00:00Z')).map((r) => r.service_request_id)).toEqual([early]);
  });

  it('refuses a window over 90 days, an end before the start, a date without a zone, and unknown status or service_code values (400)', async () => {
    await refused(`/requests.json?${j()}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`, 400, 'VALIDATION_FAILED', 'at most 90 days');
    await refused(`/requests.json?${j()}&start_date=2026-06-01&end_date=2026-05-01`, 400, 'VALIDATION_FAILED', 'before start_date');
    await refused(`/requests.json?${j()}&start_date=2026-06-01T00:00:00`, 400, 'VALIDATION_FAILED', 'start_date');
    await refused(`/requests.json?${j()}&end_date=kemarin`, 400, 'VALIDATION_FAILED', 'end_date');
    await refused(`/requests.json?${j()}&status=pending`, 400, 'VALIDATION_FAILED', 'status');
    await refused(`/requests.json?${j()}&service_code=pothole`, 400, 'VALIDATION_FAILED', 'service_code');
  });

  it('treats empty parameters as absent (the spec\'s optional arguments)', async () => {
    expect((await list('status=&service_code=&start_date=&end_date=&service_request_id=')).length).toBe((await list('')).length);
  });
});
