import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { insideArea, loginAs, sharpPhoto, useTestServer } from '../support/db.js';
import { addKelurahan, ticketStep, georeportForm, get, kelurahanBoxes, newKey, photoFiles, post, storedCounts, validFields } from './support.js';
import { SpecClient, shapeOf } from './spec-client.js';

const t = useTestServer();
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'spec', name), 'utf8');
const j = () => `jurisdiction_id=${t.env.utility.code}`;
let key: string;

/** A photo host on loopback, standing for the client's own image server (FixMyStreet's /photo/...). */
let photoHost: http.Server;
let photoBase = '';
let photo: Buffer;

beforeAll(async () => {
  key = await newKey(t.env, 'xml-tests');
  photo = await sharpPhoto();
  photoHost = http.createServer((req, res) => {
    if (req.url === '/photo/1.jpeg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => photoHost.listen(0, '127.0.0.1', resolve));
  photoBase = `http://127.0.0.1:${(photoHost.address() as AddressInfo).port}`;
});
afterAll(async () => {
  t.env.ctx.config.open311MediaHosts = [];
  await new Promise<void>((resolve) => photoHost.close(() => resolve()));
});

async function xmlOf(pathAndQuery: string, init?: RequestInit) {
  const res = await fetch(`${t.server.baseUrl}/open311/v2${pathAndQuery}`, init);
  return { status: res.status, contentType: res.headers.get('content-type'), xml: await res.text() };
}

const parse = (xml: string) =>
  new XMLParser({ isArray: (n) => ['request', 'service', 'error', 'attribute', 'value', 'format', 'endpoint', 'request_update'].includes(n), parseTagValue: false }).parse(xml) as any;

async function submitWithPhoto(overrides: Record<string, string> = {}): Promise<string> {
  const res = await post(t.server.baseUrl, georeportForm({ ...validFields(t.env, key), ...overrides }, { bytes: await sharpPhoto() }));
  expect(res.status).toBe(201);
  return res.body[0].service_request_id;
}

const staffAct = (number: string, action: string, body: Record<string, unknown> | FormData, as = 'admin') => ticketStep(t, number, action, body, as);

describe('GeoReport v2 in XML: each answer follows the spec\'s example document element by element', () => {
  it('discovery, services, a service definition, requests, a request and an error have the example\'s root, items and elements in its order', async () => {
    const number = await submitWithPhoto();
    const cases: [string, string, number][] = [
      [`/discovery.xml?${j()}`, 'discovery.xml', 200],
      [`/services.xml?${j()}`, 'services.xml', 200],
      [`/services/pipe_burst.xml?${j()}`, 'service_definition.xml', 200],
      [`/requests.xml?${j()}`, 'requests.xml', 200],
      [`/requests/${number}.xml?${j()}`, 'requests.xml', 200],
      [`/requests/LK-1999-000001.xml?${j()}`, 'errors.xml', 404],
    ];
    for (const [p, example, status] of cases) {
      const res = await xmlOf(p);
      expect(res.status, p).toBe(status);
      expect(res.contentType, p).toBe('text/xml; charset=utf-8');
      expect(res.xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), p).toBe(true);
      expect(shapeOf(res.xml), `${p} against the spec's ${example}`).toEqual(shapeOf(fixture(example)));
    }
  });

  it('the POST answer, the token answer and the error of a bad api_key follow the examples too (403 as the spec\'s)', async () => {
    const created = await xmlOf('/requests.xml', { method: 'POST', body: georeportForm(validFields(t.env, key), { bytes: await sharpPhoto() }) });
    expect(created.status).toBe(201);
    expect(shapeOf(created.xml)).toEqual(shapeOf(fixture('post_response.xml')));
    expect(created.xml).toContain('<account_id>acct-9001</account_id>');

    const noAccount = await xmlOf('/requests.xml', { method: 'POST', body: georeportForm({ ...validFields(t.env, key), account_id: '', phone: '0812 4444 1212' }, { bytes: await sharpPhoto() }) });
    expect(noAccount.xml).toMatch(/<account_id\/>/); // the spec's empty element

    const queued = await xmlOf('/requests.xml', { method: 'POST', body: new URLSearchParams({ ...validFields(t.env, key), media_url: 'https://photos.example.org/1.jpg' }) });
    expect(queued.status).toBe(202);
    const token = parse(queued.xml).service_requests.request[0].token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(queued.xml).not.toContain('service_request_id'); // the spec: never both
    const tokenAnswer = await xmlOf(`/tokens/${token}.xml?${j()}`);
    expect(tokenAnswer.status).toBe(200);
    expect(shapeOf(tokenAnswer.xml)).toEqual(shapeOf(fixture('token_response.xml')));

    const bad = await xmlOf('/requests.xml', { method: 'POST', body: new URLSearchParams({ ...validFields(t.env, key), api_key: 'o311_wrong' }) });
    expect(bad.status).toBe(403);
    expect(shapeOf(bad.xml)).toEqual(shapeOf(fixture('errors.xml')));
    expect(parse(bad.xml).errors.error[0]).toEqual({ code: '403', description: expect.stringMatching(/^API_KEY_INVALID: Invalid api_key received: no such key \/ Kunci API/) });
  });

  it('the XML carries the same values as the JSON, user text escaped, never markup', async () => {
    const number = await submitWithPhoto({ description: 'Pipa <b>pecah</b> & "bocor" di depan toko', phone: '0812 4444 3434' });
    const json = (await get(t.server.baseUrl, `/requests/${number}.json?${j()}`)).body[0];
    const res = await xmlOf(`/requests/${number}.xml?${j()}`);
    expect(res.xml).toContain('<description>Pipa &lt;b&gt;pecah&lt;/b&gt; &amp; &quot;bocor&quot; di depan toko</description>');
    const item = parse(res.xml).service_requests.request[0];
    for (const [k, v] of Object.entries(json)) expect(item[k], k).toBe(v === null ? '' : String(v));
  });

  it('errors of every kind answer in the format asked for: XML for .xml, JSON for .json, with the spec\'s statuses', async () => {
    const outside = await xmlOf('/requests.xml', { method: 'POST', body: georeportForm({ ...validFields(t.env, key), lat: '-6.2', long: '106.8' }, { bytes: await sharpPhoto() }) });
    expect(outside.status).toBe(400); // "basically 400": the body's code says more
    expect(parse(outside.xml).errors.error[0]).toMatchObject({ code: '422', description: expect.stringMatching(/^OUTSIDE_SERVICE_AREA: /) });
    const window = await xmlOf(`/requests.xml?${j()}&start_date=2026-01-01&end_date=2026-12-31`);
    expect(window.status).toBe(400);
    expect(parse(window.xml).errors.error[0].description).toMatch(/^VALIDATION_FAILED: end_date: .*90 days/);
    const unknown = await xmlOf(`/services/pothole.xml?${j()}`);
    expect(unknown.status).toBe(404);
    expect(parse(unknown.xml).errors.error[0].code).toBe('404');
  });
});

describe('a GeoReport v2 client written only from the spec: form posts, XML back', () => {
  it('discovers the endpoint, reads the services and a definition, posts a report with a photo link and an attribute, follows it, and reads an error', async () => {
    t.env.ctx.config.open311MediaHosts = ['127.0.0.1'];
    const client = new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, key);
    const discovery = await client.discover();
    expect(discovery.contentType).toBe('text/xml; charset=utf-8');
    expect(client.endpoint).toBe(`${t.server.baseUrl}/open311/v2`);

    const services = (await client.services()).doc.services.service as Record<string, string>[];
    const leak = services.find((s) => s.service_code === 'visible_leak')!;
    expect(leak).toMatchObject({ service_name: 'Kebocoran terlihat', metadata: 'true', type: 'realtime' });
    const definition = (await client.definition(leak.service_code)).doc.service_definition;
    const attribute = definition.attributes.attribute[0];
    expect(attribute).toMatchObject({ code: 'neighbours_affected', datatype: 'singlevaluelist', required: 'false' });

    const before = photoFiles(t.env);
    const created = await client.create(
      {
        service_code: leak.service_code,
        lat: String(insideArea.lat),
        long: String(insideArea.lon),
        address_string: 'Jl. Sungai Saddang No. 5, Makassar',
        email: 'warga@example.id',
        device_id: 'tt222111',
        account_id: '123456',
        first_name: 'Rina',
        last_name: 'Saputri',
        phone: '081233334444',
        description: 'Air bocor deras di bahu jalan',
        media_url: `${photoBase}/photo/1.jpeg`,
      },
      { [attribute.code]: attribute.values.value[0].key },
    );
    expect(created.status).toBe(201);
    expect(created.contentType).toBe('text/xml; charset=utf-8');
    const answer = created.doc.service_requests.request[0];
    expect(answer.service_request_id).toMatch(/^LK-2026-\d{6}$/);
    expect(answer.account_id).toBe('123456');

    // The photo behind the link was fetched and stored like an uploaded one; the attribute is in the ticket for the admin.
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: answer.service_request_id }).first();
    expect(ticket.description).toBe('Air bocor deras di bahu jalan\nTetangga juga terdampak: ya.');
    const stored = await t.env.db('photos').where({ ticket_id: ticket.id }).first();
    expect(fs.readFileSync(path.join(t.env.ctx.config.photoDir, stored.stored_path)).equals(photo)).toBe(true);
    expect(photoFiles(t.env).size).toBe(before.size + 1);

    const followed = (await client.request(answer.service_request_id)).doc.service_requests.request[0];
    expect(followed).toMatchObject({ service_request_id: answer.service_request_id, status: 'open', service_code: 'visible_leak', lat: String(insideArea.lat), long: String(insideArea.lon) });
    expect(JSON.stringify(followed)).not.toContain('Rina');
    const listed = (await client.requests({ service_request_id: answer.service_request_id })).doc.service_requests.request;
    expect(listed).toHaveLength(1);

    const refused = await new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, 'not-a-key');
    refused.endpoint = client.endpoint;
    const error = await refused.create({ service_code: 'visible_leak', lat: '-5.15', long: '119.42' });
    expect(error.status).toBe(403);
    expect(error.doc.errors.error[0].code).toBe('403');
  });

  it('a media_url on an allowed host that cannot be fetched is the client\'s to fix (400 naming media_url); nothing is stored', async () => {
    t.env.ctx.config.open311MediaHosts = ['127.0.0.1'];
    const client = new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, key);
    await client.discover();
    const before = await storedCounts(t.env);
    const res = await client.create({ service_code: 'pipe_burst', lat: String(insideArea.lat), long: String(insideArea.lon), phone: '081233335555', media_url: `${photoBase}/photo/missing.jpeg` });
    expect(res.status).toBe(400);
    expect(res.doc.errors.error[0].description).toMatch(/^VALIDATION_FAILED: media_url: the photo could not be fetched \(the server answered HTTP 404\)/);
    expect(await storedCounts(t.env)).toEqual(before);
  });
});

describe('tokens: a submission that cannot become a ticket at once waits for staff', () => {
  it('photo links on a host not allowed get a token (one placed by the kelurahan of its address); staff take one in and refuse the other; the tokens tell the client', async () => {
    await addKelurahan(t.env);
    t.env.ctx.config.open311MediaHosts = [];
    const client = new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, key);
    await client.discover();
    const before = await storedCounts(t.env);
    const byAddress = await client.create({ service_code: 'no_water', address_string: 'Jl. Cenderawasih No. 9, Mamajang Dalam, Makassar', phone: '081277778888', first_name: 'Dewi', description: 'Air tidak mengalir sejak pagi', media_url: 'https://photos.example.org/dry.jpg' });
    expect(byAddress.status).toBe(202);
    const addressToken = byAddress.doc.service_requests.request[0].token as string;
    expect(byAddress.doc.service_requests.request[0].service_notice).toContain('menunggu petugas memeriksa foto');
    const byLink = await client.create({ service_code: 'visible_leak', lat: String(insideArea.lat), long: String(insideArea.lon), phone: '081277779999', media_url: 'https://photos.example.org/leak.jpg' });
    expect(byLink.status).toBe(202);
    const linkToken = byLink.doc.service_requests.request[0].token as string;
    expect(await storedCounts(t.env)).toEqual(before); // no ticket yet

    const waiting = (await client.token(addressToken)).doc.service_requests.request[0];
    expect(waiting).toEqual({ service_request_id: '', token: addressToken });

    // Staff: operators see the queue with the reporter's data; a crew may not.
    const operator = await loginAs(t.server.baseUrl, t.env.utility, 'operator');
    const crew = await loginAs(t.server.baseUrl, t.env.utility, 'crew1');
    expect((await fetch(`${t.server.baseUrl}/api/v1/open311/queue`, { headers: { authorization: `Bearer ${crew}` } })).status).toBe(403);
    const queue = (await (await fetch(`${t.server.baseUrl}/api/v1/open311/queue`, { headers: { authorization: `Bearer ${operator}` } })).json()) as any[];
    const entry = queue.find((q) => q.token === addressToken);
    expect(entry).toMatchObject({ waitsFor: 'photo', addressString: 'Jl. Cenderawasih No. 9, Mamajang Dalam, Makassar', name: 'Dewi', phone: '081277778888' });
    expect(entry.notes).toEqual([expect.stringContaining('Kel. Mamajang Dalam')]);
    expect(entry.lat).toBeGreaterThan(kelurahanBoxes['Mamajang Dalam'].minLat);
    expect(entry.lat).toBeLessThan(kelurahanBoxes['Mamajang Dalam'].maxLat);
    expect(queue.find((q) => q.token === linkToken)).toMatchObject({ waitsFor: 'photo', mediaUrl: 'https://photos.example.org/leak.jpg', lat: insideArea.lat });

    const staffPost = (token: string, action: string, body: unknown) =>
      fetch(`${t.server.baseUrl}/api/v1/open311/queue/${token}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const accepted = await staffPost(addressToken, 'accept', {});
    expect(accepted.status).toBe(201);
    const { service_request_id: number } = (await accepted.json()) as { service_request_id: string };
    expect((await staffPost(addressToken, 'accept', { lat: insideArea.lat, lon: insideArea.lon })).status).toBe(409);
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
    expect(ticket).toMatchObject({ category: 'no_water', address: 'Jl. Cenderawasih No. 9, Mamajang Dalam, Makassar', source: 'app' });
    expect(ticket.description).toContain('Air tidak mengalir sejak pagi\nLokasi perkiraan dari alamat: Kel. Mamajang Dalam');
    expect(ticket.description).toContain('Foto (tautan dari aplikasi Open311): https://photos.example.org/dry.jpg');
    expect(await t.env.db('api_submissions').where({ ticket_id: ticket.id }).first()).toBeDefined();

    const known = (await client.token(addressToken)).doc.service_requests.request[0];
    expect(known).toEqual({ service_request_id: number, token: addressToken });
    expect((await client.request(number)).doc.service_requests.request[0].status).toBe('open');

    expect((await staffPost(linkToken, 'refuse', {})).status).toBe(400);
    expect((await staffPost(linkToken, 'refuse', { reason: 'Foto bukan kebocoran' })).status).toBe(200);
    const gone = await client.token(linkToken);
    expect(gone.status).toBe(404);
    expect(gone.doc.errors.error[0].description).toContain('Foto bukan kebocoran');
    expect((await client.token('no-such-token')).status).toBe(404);
  });
});

describe("FixMyStreet's servicerequestupdates", () => {
  it('lists each step of the tickets in the window with FixMyStreet\'s statuses (REOPEN for a re-report), public words only, as its client parses it', async () => {
    const client = new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, key);
    await client.discover();
    t.env.clock.set('2026-11-24T01:00:00Z'); // 09:00 WITA
    const fields = { ...validFields(t.env, key), phone: '0812 6060 7070' };
    const first = await post(t.server.baseUrl, georeportForm(fields, { bytes: await sharpPhoto() }));
    const number = first.body[0].service_request_id as string;
    t.env.clock.set('2026-11-24T01:30:00Z');
    await staffAct(number, 'spk', { priority: 'normal' });
    await staffAct(number, 'assign', { crewId: t.env.crews[0] });
    t.env.clock.set('2026-11-24T02:00:00Z');
    await staffAct(number, 'arrive', {}, 'crew1');
    const result = new FormData();
    result.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'hasil.jpg');
    await staffAct(number, 'fix', result, 'crew1');
    t.env.clock.set('2026-11-24T04:00:00Z'); // 2 h after the fix: a re-report
    expect((await post(t.server.baseUrl, georeportForm(fields, { bytes: await sharpPhoto() }))).status).toBe(200);

    const res = await client.updates('2026-11-24T08:00:00+08:00', '2026-11-24T13:00:00+08:00');
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/xml; charset=utf-8');
    const spec = shapeOf(fixture('servicerequestupdates.xml')) as [{ service_requests_updates: [{ request_update: string[] }] }];
    const ours = shapeOf(res.xml) as [{ service_requests_updates: [{ request_update: string[] }] }];
    const specElements = spec[0].service_requests_updates[0].request_update;
    const ourElements = ours[0].service_requests_updates[0].request_update;
    expect(ourElements.filter((e) => specElements.includes(e))).toEqual(specElements); // every element of the example, in its order
    const updates = (res.doc.service_requests_updates.request_update as Record<string, string>[]).filter((u) => u.service_request_id === number);
    expect(updates.map((u) => u.status)).toEqual(['OPEN', 'ACTION_SCHEDULED', 'ACTION_SCHEDULED', 'IN_PROGRESS', 'FIXED', 'REOPEN']);
    expect(updates[0].updated_datetime).toBe('2026-11-24T09:00:00+08:00');
    expect(updates.at(-1)!.description).toContain('Dilaporkan ulang');
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(updates.length);
    expect(JSON.stringify(updates)).not.toMatch(/Andi|7070|Lapor ulang ke-/); // no reporter, no staff note

    const earlier = await client.updates('2026-11-24T08:00:00+08:00', '2026-11-24T09:15:00+08:00');
    expect((earlier.doc.service_requests_updates.request_update as Record<string, string>[]).filter((u) => u.service_request_id === number).map((u) => u.status)).toEqual(['OPEN']);
    const json = await get(t.server.baseUrl, `/servicerequestupdates.json?${j()}&start_date=2026-11-24&end_date=2026-11-24`);
    expect(json.body.filter((u: { service_request_id: string }) => u.service_request_id === number)).toHaveLength(6);
    const tooWide = await client.updates('2026-01-01T00:00:00Z', '2026-11-24T00:00:00Z');
    expect(tooWide.status).toBe(400);
  });
});

describe('lists are joined from requests presented once, and never stale', () => {
  it('a ticket that changed since it was last listed is listed as it is now, in JSON and in XML', async () => {
    t.env.clock.set('2026-11-25T01:00:00Z');
    const number = await submitWithPhoto({ phone: '0812 5151 5252', description: 'Bocor di depan masjid' });
    const listed = async (format: 'json' | 'xml') => {
      const res = await fetch(`${t.server.baseUrl}/open311/v2/requests.${format}?${j()}&service_request_id=${number}`);
      expect(res.status).toBe(200);
      return format === 'json' ? ((await res.json()) as any[])[0] : parse(await res.text()).service_requests.request[0];
    };
    expect((await listed('json')).status_notes).toBe('Laporan diterima');
    expect((await listed('xml')).status_notes).toBe('Laporan diterima');
    await staffAct(number, 'spk', { priority: 'high' });
    const after = await listed('json');
    expect(after.status_notes).toBe('SPK diterbitkan');
    expect(after.expected_datetime).toBe('2026-11-25T21:00:00+08:00'); // High: 12 h from the report
    expect((await listed('xml')).status_notes).toBe('SPK diterbitkan');
    // The list's text is the same as a request presented on its own.
    const alone = (await get(t.server.baseUrl, `/requests/${number}.json?${j()}`)).body[0];
    expect(after).toEqual(alone);
  });
});
