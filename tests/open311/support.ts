/** Open311 test helpers: keys, GeoReport submissions, and the counts that prove a refusal stored nothing. */
import { expect } from 'vitest';
import type { TestEnv } from '../support/db.js';
import { originalPhotoFiles, insideArea, loginAs, sharpPhoto } from '../support/db.js';
import { createApiKey } from '../../server/features/open311/service.js';

export async function newKey(env: TestEnv, name = `app-${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  return (await createApiKey(env.ctx, env.utility, name)).key;
}

export function georeportForm(fields: Record<string, string>, media?: { bytes: Buffer; field?: string; filename?: string; type?: string }): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (media) body.set(media.field ?? 'media', new Blob([new Uint8Array(media.bytes)], { type: media.type ?? 'image/jpeg' }), media.filename ?? 'bocor.jpg');
  return body;
}

export async function post(baseUrl: string, body: FormData | URLSearchParams, headers: Record<string, string> = {}, query = '') {
  const res = await fetch(`${baseUrl}/open311/v2/requests.json${query}`, { method: 'POST', body, headers });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as any };
}

export async function get(baseUrl: string, pathAndQuery: string) {
  const res = await fetch(`${baseUrl}/open311/v2${pathAndQuery}`);
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as any };
}

/** A valid GeoReport submission for the test utility (the photo goes separately, as `media`). */
export const validFields = (env: TestEnv, apiKey: string): Record<string, string> => ({
  api_key: apiKey,
  jurisdiction_id: env.utility.code,
  service_code: 'visible_leak',
  lat: String(insideArea.lat),
  long: String(insideArea.lon),
  address_string: 'Jl. Veteran Selatan No. 12, Makassar',
  description: 'Air merembes dari trotoar sejak pagi',
  first_name: 'Andi',
  last_name: 'Wijaya',
  phone: '0812-7777-1234',
  email: 'andi@example.id',
  device_id: 'device-42',
  account_id: 'acct-9001',
});

export async function storedCounts(env: TestEnv) {
  const count = async (table: string) => {
    const [row] = await env.db(table).where({ utility_id: env.utility.id }).count<{ count: string }[]>({ count: '*' });
    return Number(row.count);
  };
  return {
    tickets: await count('tickets'),
    reporters: await count('reporters'),
    photos: await count('photos'),
    events: await count('ticket_events'),
    submissions: await count('api_submissions'),
  };
}

export const photoFiles = (env: TestEnv): Set<string> => originalPhotoFiles(env);

type Served = { server: { baseUrl: string }; env: TestEnv };

/** One staff step on the ticket numbered `number` (POST /api/v1/tickets/{id}/{action}) as `as`; it must succeed. */
export async function ticketStep(t: Served, number: string, action: string, body: Record<string, unknown> | FormData, as = 'admin'): Promise<void> {
  const token = await loginAs(t.server.baseUrl, t.env.utility, as);
  const { id } = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first('id');
  const isForm = body instanceof FormData;
  const res = await fetch(`${t.server.baseUrl}/api/v1/tickets/${id}/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(isForm ? {} : { 'content-type': 'application/json' }) },
    body: isForm ? body : JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Drives a ticket to `fixed` through the staff API (admin SPK, assignment, crew on site and repaired with a photo). */
export async function fixTicket(t: Served, number: string, firstTime: boolean): Promise<void> {
  if (firstTime) {
    await ticketStep(t, number, 'spk', { priority: 'normal' });
    await ticketStep(t, number, 'assign', { crewId: t.env.crews[0] });
  }
  await ticketStep(t, number, 'arrive', {}, 'crew1');
  const result = new FormData();
  result.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'hasil.jpg');
  await ticketStep(t, number, 'fix', result, 'crew1');
}

/** Kelurahan boundaries inside the test service area (the demo has Makassar's 153), for placing an address_string. */
export const kelurahanBoxes = {
  'Mamajang Dalam': { district: 'Mamajang', minLon: 119.4, minLat: -5.17, maxLon: 119.41, maxLat: -5.16 },
  'Mamajang Luar': { district: 'Mamajang', minLon: 119.41, minLat: -5.17, maxLon: 119.42, maxLat: -5.16 },
  Maccini: { district: 'Makassar', minLon: 119.42, minLat: -5.14, maxLon: 119.43, maxLat: -5.13 },
  'Maccini Parang': { district: 'Makassar', minLon: 119.43, minLat: -5.14, maxLon: 119.44, maxLat: -5.13 },
  Lette: { district: 'Mariso', minLon: 119.4, minLat: -5.14, maxLon: 119.41, maxLat: -5.13 },
  Parang: { district: 'Mamajang', minLon: 119.42, minLat: -5.16, maxLon: 119.43, maxLat: -5.15 },
  'Parang Tambung': { district: 'Tamalate', minLon: 119.43, minLat: -5.16, maxLon: 119.44, maxLat: -5.15 },
} as const;

/** The kelurahan above as the utility's areas (once per utility). */
export async function addKelurahan(env: TestEnv): Promise<void> {
  if (await env.db('areas').where({ utility_id: env.utility.id }).first('id')) return;
  await env.db('areas').insert(
    Object.entries(kelurahanBoxes).map(([name, b], i) => ({
      utility_id: env.utility.id,
      code: `K${i + 1}`,
      name,
      district_code: b.district.toLowerCase(),
      district: b.district,
      geom: env.db.raw(`ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))::geography`, [b.minLon, b.minLat, b.maxLon, b.maxLat]),
    })),
  );
}
