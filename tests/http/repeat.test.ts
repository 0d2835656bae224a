import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../support/db.js';

const t = useTestServer({ crews: 2 });

const wita = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+08:00`);

async function as(user: string) {
  return loginAs(t.server.baseUrl, t.env.utility, user);
}

async function post(token: string, path: string, body: unknown | FormData) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let payload: BodyInit;
  if (body instanceof FormData) payload = body;
  else {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, { method: 'POST', headers, body: payload });
  return { status: res.status, body: (await res.json()) as any };
}

async function citizenReport(phone: string, extra: Record<string, string> = {}, where = insideArea) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(where.lat));
  f.set('lon', String(where.lon));
  f.set('phone', phone);
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
  return { status: res.status, body: (await res.json()) as any };
}

/** Reported at 13:00 WITA by `phone`, fixed at 14:00 by crew 1; closed too when asked. Returns the ticket id and number. */
async function doneTicket(phone: string, where = insideArea, close = false): Promise<{ id: number; number: string }> {
  t.env.clock.set(wita('13:00'));
  const r = await citizenReport(phone, {}, where);
  expect(r.status).toBe(201);
  const id = (await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: r.body.number }).first()).id;
  const [admin, dispatcher, crew] = [await as('admin'), await as('dispatcher'), await as('crew1')];
  expect((await post(admin, `/api/v1/tickets/${id}/spk`, { priority: 'high' })).status).toBe(200);
  await post(dispatcher, `/api/v1/tickets/${id}/assign`, { crewId: t.env.crews[0] });
  await post(crew, `/api/v1/tickets/${id}/arrive`, {});
  t.env.clock.set(wita('14:00'));
  const f = new FormData();
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'done.jpg');
  expect((await post(crew, `/api/v1/tickets/${id}/fix`, f)).status).toBe(200);
  if (close) expect((await post(admin, `/api/v1/tickets/${id}/close`, {})).status).toBe(200);
  return { id, number: r.body.number };
}

const ticketsOf = async () => Number((await t.env.db('tickets').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>({ count: '*' }))[0].count);

describe('repeat reports (seed 003: reported 13:00, done 14:00)', () => {
  it('a contact at 19:00 (5 h after the fix) reopens the ticket: back to the crew, starred, counted, no new ticket', async () => {
    const done = await doneTicket('0812-1000-0001');
    const before = await ticketsOf();
    t.env.clock.set(wita('19:00'));
    const again = await citizenReport('+62 812 1000 0001', { description: 'Masih bocor' });
    expect(again.status).toBe(200);
    expect(again.body.number).toBe(done.number);
    expect(again.body.repeat).toEqual({ kind: 're_report', repeatCount: 1, reopenedFor: 'crew' });
    expect(await ticketsOf()).toBe(before);
    const ticket = await t.env.db('tickets').where({ id: done.id }).first();
    expect(ticket.status).toBe('assigned');
    expect(ticket.crew_id).toBe(t.env.crews[0]);
    expect(ticket.starred).toBe(true);
    expect(ticket.repeat_count).toBe(1);
    expect(ticket.fixed_at).toBeNull();
    const reopen = await t.env.db('ticket_events').where({ ticket_id: done.id, action: 'reopen' }).first();
    expect(reopen.from_status).toBe('fixed');
    expect(reopen.note).toContain('5 jam');
    // The second photo stays with the ticket.
    expect(await t.env.db('photos').where({ ticket_id: done.id, kind: 'report' })).toHaveLength(2);
    // The crew can go back and fix it again.
    const crew = await as('crew1');
    expect((await post(crew, `/api/v1/tickets/${done.id}/arrive`, {})).status).toBe(200);
    // The public status shows the repeat.
    const status = (await (await fetch(`${t.server.baseUrl}/api/v1/reports/${done.number}?jurisdiction_id=${t.env.utility.code}`)).json()) as any;
    expect(status.repeatCount).toBe(1);
  });

  it('a contact at 21:00 (7 h after the fix) makes a new urgent ticket that names the earlier one', async () => {
    const done = await doneTicket('0812-1000-0002');
    t.env.clock.set(wita('21:00'));
    const again = await citizenReport('0812-1000-0002');
    expect(again.status).toBe(201);
    expect(again.body.number).not.toBe(done.number);
    expect(again.body.repeat).toEqual({ kind: 'new_linked', linkedTo: done.number });
    const fresh = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: again.body.number }).first();
    expect(fresh.urgent).toBe(true);
    expect(fresh.parent_ticket_id).toBe(done.id);
    expect(fresh.status).toBe('received');
    const event = await t.env.db('ticket_events').where({ ticket_id: fresh.id, action: 'report' }).first();
    expect(event.note).toContain(`No. ${done.number}`);
    expect((await t.env.db('tickets').where({ id: done.id }).first()).status).toBe('fixed');
    // Urgent repeat tickets come first in the admin's queue.
    const admin = await as('admin');
    const queue = (await (await fetch(`${t.server.baseUrl}/api/v1/tickets?status=received&order=oldest&limit=500`, { headers: { authorization: `Bearer ${admin}` } })).json()) as any;
    expect(queue.items[0].number).toBe(again.body.number);
    expect(queue.items[0].urgent).toBe(true);
  });

  it('takes the crew’s points back when a closed ticket is reopened', async () => {
    const done = await doneTicket('0812-1000-0003', { lat: insideArea.lat + 0.01, lon: insideArea.lon }, true);
    const credit = await t.env.db('points_ledger').where({ ticket_id: done.id, entry: 'credit' });
    expect(credit).toHaveLength(1);
    t.env.clock.set(wita('16:00'));
    const again = await citizenReport('0812-1000-0003', {}, { lat: insideArea.lat + 0.01, lon: insideArea.lon });
    expect(again.body.repeat.kind).toBe('re_report');
    const ledger = await t.env.db('points_ledger').where({ ticket_id: done.id }).orderBy('id');
    expect(ledger.map((p) => p.entry)).toEqual(['credit', 'reversal']);
    expect(ledger[1].points).toBe(-ledger[0].points);
    expect((await t.env.db('tickets').where({ id: done.id }).first()).closed_at).toBeNull();
  });

  it('treats the same phone far away, or another phone at the same spot, as a new report', async () => {
    const done = await doneTicket('0812-1000-0004', { lat: insideArea.lat - 0.01, lon: insideArea.lon });
    t.env.clock.set(wita('15:00'));
    const far = await citizenReport('0812-1000-0004', {}, { lat: insideArea.lat - 0.01, lon: insideArea.lon + 0.005 }); // ~550 m away
    expect(far.status).toBe(201);
    expect(far.body.repeat).toBeNull();
    const neighbour = await citizenReport('0812-1000-0099', {}, { lat: insideArea.lat - 0.01, lon: insideArea.lon });
    expect(neighbour.body.repeat).toBeNull();
    expect((await t.env.db('tickets').where({ id: done.id }).first()).status).toBe('fixed');
  });

  it('follows the ticket number the reporter gives, from another phone near the ticket too (issue 11: not from far away)', async () => {
    const done = await doneTicket('0812-1000-0005', { lat: insideArea.lat + 0.012, lon: insideArea.lon + 0.01 });
    t.env.clock.set(wita('17:30'));
    const again = await citizenReport('0812-1000-0077', { previous_number: done.number.toLowerCase() }, { lat: insideArea.lat + 0.0124, lon: insideArea.lon + 0.01 }); // ~45 m
    expect(again.status).toBe(200);
    expect(again.body.number).toBe(done.number);
    expect(again.body.repeat.kind).toBe('re_report');
  });

  it('counts every re-report', async () => {
    const done = await doneTicket('0812-1000-0006', { lat: insideArea.lat + 0.015, lon: insideArea.lon - 0.01 });
    const where = { lat: insideArea.lat + 0.015, lon: insideArea.lon - 0.01 };
    t.env.clock.set(wita('15:00'));
    expect((await citizenReport('0812-1000-0006', {}, where)).body.repeat).toEqual({ kind: 're_report', repeatCount: 1, reopenedFor: 'crew' });
    // Fixed again at 16:00, reported again at 18:00.
    const crew = await as('crew1');
    await post(crew, `/api/v1/tickets/${done.id}/arrive`, {});
    t.env.clock.set(wita('16:00'));
    const f = new FormData();
    f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'done.jpg');
    expect((await post(crew, `/api/v1/tickets/${done.id}/fix`, f)).status).toBe(200);
    t.env.clock.set(wita('18:00'));
    expect((await citizenReport('0812-1000-0006', {}, where)).body.repeat).toEqual({ kind: 're_report', repeatCount: 2, reopenedFor: 'crew' });
  });
});
