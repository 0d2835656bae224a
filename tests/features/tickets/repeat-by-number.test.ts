/**
 * Issue 11, findings 2 and 7: a ticket number is public (Open311), so naming
 * it in `previous_number` reopens the done ticket only from its reporter's
 * phone or from near it (repeatByNumberRadiusMetres, default 100 m); from
 * anywhere else it is a new report whose description names the earlier
 * number. From its reporter's phone but far from it, the phone must be proven
 * by a one-time code (issue 12). And a submission changes a known reporter's
 * name only with the phone proven; never the address.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../../support/db.js';
import { proveByCode } from '../../support/phone-proof.js';

const t = useTestServer({ crews: 2 });

const wita = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+08:00`);
const as = (user: string) => loginAs(t.server.baseUrl, t.env.utility, user);

type Json = any;

async function send(method: string, token: string, path: string, body: unknown | FormData): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: BodyInit;
  if (body instanceof FormData) payload = body;
  else {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: payload });
  return { status: res.status, body: await res.json() };
}

async function citizenReport(phone: string, where: { lat: number; lon: number }, extra: Record<string, string> = {}) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(where.lat));
  f.set('lon', String(where.lon));
  f.set('phone', phone);
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
  return { status: res.status, body: (await res.json()) as Json };
}

/** Metres north of a point, as latitude. */
const north = (p: { lat: number; lon: number }, metres: number) => ({ lat: p.lat + metres / 111_320, lon: p.lon });

/** Reported at 13:00 WITA by `phone` at `where`, fixed at 14:00 by crew 1 and closed (points credited). */
async function closedTicket(phone: string, where: { lat: number; lon: number }): Promise<{ id: number; number: string }> {
  t.env.clock.set(wita('13:00'));
  const r = await citizenReport(phone, where);
  expect(r.status).toBe(201);
  const id = (await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: r.body.number }).first()).id as number;
  const [admin, dispatcher, crew] = [await as('admin'), await as('dispatcher'), await as('crew1')];
  expect((await send('POST', admin, `/api/v1/tickets/${id}/spk`, { priority: 'high' })).status).toBe(200);
  expect((await send('POST', dispatcher, `/api/v1/tickets/${id}/assign`, { crewId: t.env.crews[0] })).status).toBe(200);
  expect((await send('POST', crew, `/api/v1/tickets/${id}/arrive`, {})).status).toBe(200);
  t.env.clock.set(wita('14:00'));
  const f = new FormData();
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'done.jpg');
  expect((await send('POST', crew, `/api/v1/tickets/${id}/fix`, f)).status).toBe(200);
  expect((await send('POST', admin, `/api/v1/tickets/${id}/close`, {})).status).toBe(200);
  return { id, number: r.body.number };
}

async function stateOf(id: number) {
  const ticket = await t.env.db('tickets').where({ id }).first();
  const ledger = (await t.env.db('points_ledger').where({ ticket_id: id }).orderBy('id')).map((p) => p.entry);
  const reopens = await t.env.db('ticket_events').where({ ticket_id: id, action: 'reopen' });
  const photos = await t.env.db('photos').where({ ticket_id: id });
  return { status: ticket.status, crewId: ticket.crew_id, starred: ticket.starred, repeatCount: ticket.repeat_count, ledger, reopens: reopens.length, photos: photos.length };
}

describe('a repeat by ticket number (previous_number)', () => {
  it('the attack: a stranger’s phone kilometres away naming a closed ticket’s number reopens nothing, takes no points, sends no crew back; a new report names the number', async () => {
    const spot = { lat: insideArea.lat + 0.012, lon: insideArea.lon + 0.012 };
    const done = await closedTicket('0812-2000-0001', spot);
    const before = await stateOf(done.id);
    expect(before).toMatchObject({ status: 'closed', ledger: ['credit'], reopens: 0, starred: false });
    t.env.clock.set(wita('15:00')); // 1 h after the fix: well inside the 6 h window
    const far = { lat: insideArea.lat - 0.015, lon: insideArea.lon - 0.015 }; // ~4.7 km away
    const attack = await citizenReport('0813-9999-0001', far, { previous_number: done.number, description: 'Bocor lagi' });
    expect(attack.status).toBe(201);
    expect(attack.body.number).not.toBe(done.number);
    expect(attack.body.repeat).toBeNull();
    expect(await stateOf(done.id)).toEqual(before);
    const fresh = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: attack.body.number }).first();
    expect(fresh.description).toBe(`Bocor lagi\n\nPelapor menyebut laporan sebelumnya No. ${done.number}.`);
    expect(fresh.urgent).toBe(false);
    expect(fresh.parent_ticket_id).toBeNull();
    expect(fresh.status).toBe('received');
  });

  it('from the original reporter’s phone, anywhere, it reopens the ticket (seed 003) once the phone is proven', async () => {
    const spot = { lat: insideArea.lat + 0.005, lon: insideArea.lon - 0.015 };
    const done = await closedTicket('0812-2000-0002', spot);
    t.env.clock.set(wita('16:00'));
    const elsewhere = { lat: insideArea.lat - 0.015, lon: insideArea.lon + 0.015 };
    const before = await stateOf(done.id);
    const tickets = async () => Number((await t.env.db('tickets').where({ utility_id: t.env.utility.id }).count<{ n: string }[]>({ n: '*' }))[0].n);
    const count = await tickets();
    const unproven = await citizenReport('+62 812 2000 0002', elsewhere, { previous_number: done.number.toLowerCase() });
    expect([unproven.status, unproven.body.error.code, unproven.body.error.details]).toEqual([403, 'PHONE_NOT_PROVEN', { field: 'phone_token', changes: ['re_report_elsewhere'] }]);
    expect(await stateOf(done.id)).toEqual(before);
    expect(await tickets()).toBe(count);
    const token = await proveByCode(t.env, t.server.baseUrl, '0812-2000-0002');
    const again = await citizenReport('+62 812 2000 0002', elsewhere, { previous_number: done.number.toLowerCase(), phone_token: token });
    expect(again.status).toBe(200);
    expect(again.body.number).toBe(done.number);
    expect(again.body.repeat).toEqual({ kind: 're_report', repeatCount: 1, reopenedFor: 'crew' });
    expect(await stateOf(done.id)).toMatchObject({ status: 'assigned', crewId: t.env.crews[0], starred: true, ledger: ['credit', 'reversal'], reopens: 1 });
  });

  it('from another phone within 100 m it reopens; at 150 m it is a new report, until the setting widens the radius', async () => {
    const spot = { lat: insideArea.lat - 0.012, lon: insideArea.lon + 0.006 };
    const done = await closedTicket('0812-2000-0003', spot);
    t.env.clock.set(wita('15:00'));
    const at150 = await citizenReport('0813-9999-0003', north(spot, 150), { previous_number: done.number });
    expect(at150.status).toBe(201);
    expect(at150.body.repeat).toBeNull();
    expect((await stateOf(done.id)).status).toBe('closed');

    const admin = await as('admin');
    expect((await send('PATCH', admin, '/api/v1/settings', { repeatByNumberRadiusMetres: 5000 })).status).toBe(400);
    expect((await send('PATCH', admin, '/api/v1/settings', { repeatByNumberRadiusMetres: 200 })).status).toBe(200);
    const widened = await citizenReport('0813-9999-0004', north(spot, 150), { previous_number: done.number });
    expect(widened.status).toBe(200);
    expect(widened.body.number).toBe(done.number);
    expect(widened.body.repeat).toEqual({ kind: 're_report', repeatCount: 1, reopenedFor: 'crew' });
    expect((await send('PATCH', admin, '/api/v1/settings', { repeatByNumberRadiusMetres: 100 })).status).toBe(200);
  });

  it('from another phone at 60 m (the default 100 m) it reopens', async () => {
    const spot = { lat: insideArea.lat + 0.016, lon: insideArea.lon - 0.004 };
    const done = await closedTicket('0812-2000-0005', spot);
    t.env.clock.set(wita('15:30'));
    const near = await citizenReport('0813-9999-0005', north(spot, 60), { previous_number: done.number });
    expect(near.status).toBe(200);
    expect(near.body.number).toBe(done.number);
    expect((await stateOf(done.id)).reopens).toBe(1);
  });

  it('an unknown number is ignored: a plain new report, nothing added to its description', async () => {
    t.env.clock.set(wita('10:00', '2026-11-24'));
    const r = await citizenReport('0813-9999-0006', { lat: insideArea.lat + 0.002, lon: insideArea.lon - 0.002 }, { previous_number: 'LK-2026-999999', description: 'Pipa bocor' });
    expect(r.status).toBe(201);
    const fresh = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: r.body.number }).first();
    expect(fresh.description).toBe('Pipa bocor');
  });
});

describe('an unverified submission and the known reporter', () => {
  it('changes a known reporter’s name only with the phone proven, never the address; the new values stay on the new ticket', async () => {
    t.env.clock.set(wita('09:00', '2026-11-25'));
    const first = await citizenReport('0812-2000-0010', { lat: insideArea.lat + 0.003, lon: insideArea.lon + 0.003 }, { name: 'Ibu Sari', address: 'Jl. Cendrawasih 10' });
    expect(first.status).toBe(201);
    const refused = await citizenReport('0812-2000-0010', { lat: insideArea.lat - 0.006, lon: insideArea.lon - 0.006 }, { name: 'Orang Lain', address: 'Jl. Palsu 99', preferred_channel: 'email', email: 'lain@contoh.id' });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([403, 'PHONE_NOT_PROVEN', { field: 'phone_token', changes: ['name', 'email', 'preferred_channel'] }]);
    expect(await t.env.db('tickets').where({ utility_id: t.env.utility.id, address: 'Jl. Palsu 99' }).first()).toBeUndefined();
    // The same name (any case) and no new details: nothing to prove.
    expect((await citizenReport('0812-2000-0010', { lat: insideArea.lat - 0.004, lon: insideArea.lon - 0.004 }, { name: 'ibu sari' })).status).toBe(201);
    const token = await proveByCode(t.env, t.server.baseUrl, '0812-2000-0010');
    const second = await citizenReport('0812-2000-0010', { lat: insideArea.lat - 0.006, lon: insideArea.lon - 0.006 }, { name: 'Ibu Sari Dewi', address: 'Jl. Palsu 99', language: 'en', phone_token: token });
    expect(second.status).toBe(201);
    const reporter = await t.env.db('reporters').where({ utility_id: t.env.utility.id, phone: '+6281220000010' }).first();
    expect({ name: reporter.name, address: reporter.address, language: reporter.language }).toEqual({ name: 'Ibu Sari Dewi', address: 'Jl. Cendrawasih 10', language: 'en' });
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: second.body.number }).first();
    expect(ticket.address).toBe('Jl. Palsu 99');
    expect(ticket.reporter_id).toBe(reporter.id);
    // The admin reads the known reporter, not what the second submission claimed.
    const admin = await as('admin');
    const detail = await (await fetch(`${t.server.baseUrl}/api/v1/tickets/${ticket.id}`, { headers: { authorization: `Bearer ${admin}` } })).json();
    expect(detail.reporter).toMatchObject({ name: 'Ibu Sari Dewi', phone: '+6281220000010' });
    // A token of another number proves nothing.
    const other = await proveByCode(t.env, t.server.baseUrl, '0812-2000-0099');
    const wrong = await citizenReport('0812-2000-0010', { lat: insideArea.lat, lon: insideArea.lon }, { name: 'Penipu', phone_token: other });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'PHONE_NOT_PROVEN']);
  });

  it('fills a blank name or address of a known reporter', async () => {
    t.env.clock.set(wita('11:00', '2026-11-25'));
    expect((await citizenReport('0812-2000-0011', { lat: insideArea.lat + 0.007, lon: insideArea.lon - 0.007 })).status).toBe(201);
    expect((await citizenReport('0812-2000-0011', { lat: insideArea.lat - 0.008, lon: insideArea.lon + 0.008 }, { name: 'Pak Budi', address: 'Jl. Merpati 3' })).status).toBe(201);
    const reporter = await t.env.db('reporters').where({ utility_id: t.env.utility.id, phone: '+6281220000011' }).first();
    expect({ name: reporter.name, address: reporter.address }).toEqual({ name: 'Pak Budi', address: 'Jl. Merpati 3' });
  });
});
