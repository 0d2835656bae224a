/**
 * Open311 `address_string` without lat/long (issue 13): placed within the
 * utility by the kelurahan it names (its own boundaries; no outside
 * geocoder), or refused naming the field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharpPhoto, useTestServer } from '../support/db.js';
import { addKelurahan, kelurahanBoxes, newKey, storedCounts } from './support.js';
import { SpecClient } from './spec-client.js';

const t = useTestServer();
let client: SpecClient;
let key: string;

beforeAll(async () => {
  await addKelurahan(t.env);
  key = await newKey(t.env, 'address-tests');
  client = new SpecClient(`${t.server.baseUrl}/open311/v2/discovery.xml`, t.env.utility.code, key);
  await client.discover();
});

/** The spec's form with the photo as our multipart `media` (a url-encoded form cannot carry a file). */
async function submit(fields: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries({ api_key: key, jurisdiction_id: t.env.utility.code, service_code: 'pipe_burst', phone: '0812 5151 0001', ...fields })) body.set(k, v);
  body.set('media', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'bocor.jpg');
  const res = await fetch(`${t.server.baseUrl}/open311/v2/requests.xml`, { method: 'POST', body });
  return { status: res.status, xml: await res.text() };
}

describe('Open311 address_string: placed by the kelurahan it names', () => {
  it('an address naming a kelurahan becomes a ticket inside it, its description telling staff the position is approximate', async () => {
    const answer = await submit({ address_string: 'Jl. Kakatua No. 14, Kel. Maccini Parang, Makassar', description: 'Pipa pecah di depan rumah' });
    expect(answer.status, answer.xml).toBe(201);
    const number = /<service_request_id>(LK-[\d-]+)<\/service_request_id>/.exec(answer.xml)![1];
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).select('address', 'description', t.env.db.raw('ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon')).first();
    const box = kelurahanBoxes['Maccini Parang'];
    expect(ticket.lat).toBeGreaterThan(box.minLat);
    expect(ticket.lat).toBeLessThan(box.maxLat);
    expect(ticket.lon).toBeGreaterThan(box.minLon);
    expect(ticket.lon).toBeLessThan(box.maxLon);
    expect(ticket.address).toBe('Jl. Kakatua No. 14, Kel. Maccini Parang, Makassar');
    expect(ticket.description).toContain('Lokasi perkiraan dari alamat: Kel. Maccini Parang, Kec. Makassar');
    // The public request shows the placed point.
    const read = await client.request(number);
    expect(Number(read.doc.service_requests.request[0].lat)).toBeCloseTo(ticket.lat, 5);
  });

  it('refuses, naming the field, an address it cannot place, one naming two kelurahan, and an address_id alone; nothing is stored', async () => {
    const before = await storedCounts(t.env);
    const unknown = await submit({ address_string: 'Jl. Cenderawasih No. 9, Mamajang, Makassar' });
    expect(unknown.status).toBe(400);
    expect(unknown.xml).toContain('<code>400</code>');
    expect(unknown.xml).toContain('VALIDATION_FAILED: address_string: &quot;Jl. Cenderawasih No. 9, Mamajang, Makassar&quot; could not be placed');
    const two = await submit({ address_string: 'Antara Lette dan Maccini' });
    expect(two.status).toBe(400);
    expect(two.xml).toContain('names several kelurahan (Maccini (Makassar), Lette (Mariso))');
    const byId = await submit({ address_id: 'RUMAH-42' });
    expect(byId.status).toBe(400);
    expect(byId.xml).toContain('VALIDATION_FAILED: address_id:');
    expect(await storedCounts(t.env)).toEqual(before);
  });
});
