import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../support/db.js';

const t = useTestServer({ crews: 2, duplicates: true });

/** About `metres` north of a point (1° of latitude ≈ 110.6 km here). */
const north = (p: { lat: number; lon: number }, metres: number) => ({ lat: p.lat + metres / 110_600, lon: p.lon });
/** About `metres` east (1° of longitude ≈ 110.9 km at 5° S). */
const east = (p: { lat: number; lon: number }, metres: number) => ({ lat: p.lat, lon: p.lon + metres / 110_900 });

async function as(user: string) {
  return loginAs(t.server.baseUrl, t.env.utility, user);
}

async function call(token: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function citizenReport(phone: string, where: { lat: number; lon: number }, extra: Record<string, string> = {}) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(where.lat));
  f.set('lon', String(where.lon));
  f.set('phone', phone);
  f.set('category', 'visible_leak');
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
  return { status: res.status, body: (await res.json()) as any };
}

const ticket = (number: string) => t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
const nearby = (p: { lat: number; lon: number }) => call(null, 'GET', `/api/v1/reports/nearby?lat=${p.lat}&lon=${p.lon}&jurisdiction_id=${t.env.utility.code}`);

describe('nearby duplicates', () => {
  const spot = { lat: -5.16, lon: 119.405 };

  it('runs at the utility defaults (the SOP values, as the demo does): no duplicate setting stored, 50 m and 48 h in force', async () => {
    const stored = await t.env.db('utilities').where({ id: t.env.utility.id }).first('settings');
    expect(Object.keys(stored.settings ?? {}).filter((k) => k.startsWith('duplicate') || k.startsWith('nearby'))).toEqual([]);
    const admin = await as('admin');
    const settings = await call(admin, 'GET', '/api/v1/settings');
    expect(settings.body.settings).toMatchObject({ duplicateRadiusMetres: 50, duplicateWindowHours: 48, nearbyRadiusMetres: 50 });
    expect(Object.keys(settings.body.overrides).filter((k) => k.startsWith('duplicate'))).toEqual([]);
  });

  it('lists the open tickets within 50 m, nearest first, without personal data', async () => {
    const first = await citizenReport('0812-2000-0001', spot, { description: 'Bocor depan rumah Pak Amir', name: 'Amir', address: 'Jl. Rahasia 7' });
    expect(first.status).toBe(201);
    const list = await nearby(north(spot, 30));
    expect(list.status).toBe(200);
    expect(list.body.radiusMetres).toBe(50);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ number: first.body.number, status: 'received', category: 'visible_leak', reports: 1 });
    expect(list.body.items[0].distanceMetres).toBeGreaterThan(25);
    expect(list.body.items[0].distanceMetres).toBeLessThan(35);
    const text = JSON.stringify(list.body);
    for (const secret of ['Amir', 'Rahasia', '2000', 'Bocor']) expect(text).not.toContain(secret);
    // 80 m away: not near.
    expect((await nearby(north(spot, 80))).body.items).toEqual([]);
    // Bad input names the field.
    const bad = await call(null, 'GET', `/api/v1/reports/nearby?lat=abc&lon=119.4&jurisdiction_id=${t.env.utility.code}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('lat');
  });

  it('adds a report of the same category close by to the open ticket: counted there, the reporter told its number, no new work', async () => {
    const place = east(spot, 1000);
    t.env.clock.advanceMinutes(5);
    const first = await citizenReport('0812-2000-0002', place);
    expect(first.status).toBe(201);
    t.env.clock.advanceMinutes(30);
    const second = await citizenReport('0812-2000-0003', north(place, 20), { description: 'Air menyembur' });
    expect(second.status).toBe(200);
    expect(second.body.number).toBe(first.body.number);
    expect(second.body.duplicate).toEqual({ reports: 2, chosen: false });
    const master = await ticket(first.body.number);
    const merged = await t.env.db('tickets').where({ duplicate_of_id: master.id });
    expect(merged).toHaveLength(1);
    expect(merged[0].status).toBe('merged');
    expect(merged[0].description).toBe('Air menyembur');
    expect(await t.env.db('photos').where({ ticket_id: merged[0].id })).toHaveLength(1);
    const trail = await t.env.db('ticket_events').where({ ticket_id: master.id, action: 'add_report' });
    expect(trail).toHaveLength(1);
    expect(trail[0].data).toMatchObject({ report: merged[0].number, reports: 2 });
    expect((await nearby(place)).body.items[0].reports).toBe(2);
    // Another category at the same spot is its own problem.
    const other = await citizenReport('0812-2000-0004', place, { category: 'meter_leak' });
    expect(other.status).toBe(201);
    expect(other.body.number).not.toBe(first.body.number);
  });

  it('after the window a report there is new work; a ticket the citizen chose on the form is joined anyway', async () => {
    const place = east(spot, 2000);
    const first = await citizenReport('0812-2000-0005', place);
    t.env.clock.advanceMinutes(49 * 60);
    const late = await citizenReport('0812-2000-0006', place);
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const chosen = await citizenReport('0812-2000-0007', north(place, 40), { duplicate_of: first.body.number.toLowerCase() });
    expect(chosen.status).toBe(200);
    expect(chosen.body.number).toBe(first.body.number);
    expect(chosen.body.duplicate).toEqual({ reports: 2, chosen: true });
    // A chosen ticket far away (the numbers are public) is ignored: the report is its own.
    const far = await citizenReport('0812-2000-0008', north(place, 500), { duplicate_of: first.body.number });
    expect(far.status).toBe(201);
  });

  it('staff merge a waiting report into an open ticket and take it out again, through the workflow', async () => {
    const place = east(spot, 3000);
    const a = await citizenReport('0812-2000-0009', place);
    const b = await citizenReport('0812-2000-0010', north(place, 300));
    expect(b.status).toBe(201);
    const [ta, tb] = [await ticket(a.body.number), await ticket(b.body.number)];
    const operator = await as('operator');
    const crew = await as('crew1');
    expect((await call(crew, 'POST', `/api/v1/tickets/${tb.id}/merge`, { into: a.body.number })).status).toBe(403);
    const missing = await call(operator, 'POST', `/api/v1/tickets/${tb.id}/merge`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields[0].field).toBe('into');
    expect((await call(operator, 'POST', `/api/v1/tickets/${tb.id}/merge`, { into: b.body.number })).status).toBe(400);
    const merged = await call(operator, 'POST', `/api/v1/tickets/${tb.id}/merge`, { into: a.body.number });
    expect(merged.status).toBe(200);
    expect(merged.body.status).toBe('merged');
    const list = await call(operator, 'GET', `/api/v1/tickets/${ta.id}/merged`);
    expect(list.body.items.map((x: any) => x.number)).toEqual([b.body.number]);
    // A merged report has no SLA clock: never escalated, never a breach.
    const outcome = await t.env.db.raw('SELECT respond_outcome FROM ticket_sla_outcomes(?, ?, 60, 1440) WHERE ticket_id = ?', [t.env.utility.id, new Date('2030-01-01'), tb.id]);
    expect(outcome.rows[0].respond_outcome).toBeNull();
    // Twice is refused with the current status.
    const again = await call(operator, 'POST', `/api/v1/tickets/${tb.id}/merge`, { into: a.body.number });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    const out = await call(await as('dispatcher'), 'POST', `/api/v1/tickets/${tb.id}/unmerge`, { note: 'beda pipa' });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('received');
    expect((await ticket(b.body.number)).duplicate_of_id).toBeNull();
    expect((await call(operator, 'GET', `/api/v1/tickets/${ta.id}/merged`)).body.items).toEqual([]);
    const masterTrail = await t.env.db('ticket_events').where({ ticket_id: ta.id }).whereIn('action', ['add_report', 'remove_report']).orderBy('id');
    expect(masterTrail.map((e) => e.action)).toEqual(['add_report', 'remove_report']);
    expect(masterTrail[1].note).toContain('beda pipa');
    // Into a closed (or rejected) ticket: refused.
    const admin = await as('admin');
    expect((await call(admin, 'POST', `/api/v1/tickets/${ta.id}/reject`, { reason: 'hoaks' })).status).toBe(200);
    const intoRejected = await call(operator, 'POST', `/api/v1/tickets/${tb.id}/merge`, { into: a.body.number });
    expect(intoRejected.status).toBe(409);
    expect(intoRejected.body.error.code).toBe('CONFLICT');
    expect((await ticket(b.body.number)).status).toBe('received');
  });
});

describe('first-contact close (seed 001: answered at the call centre)', () => {
  it('the admin keeps standard answers; the operator closes a call with one, or forwards it with the answer given', async () => {
    const admin = await as('admin');
    const operator = await as('operator');
    const body = { category: 'no_water', title: { id: 'Gangguan terjadwal', en: 'Scheduled outage' }, answer: { id: 'Air mati karena perbaikan terjadwal, normal pukul 16.00.', en: 'Water is off for scheduled works, back at 16:00.' } };
    expect((await call(operator, 'POST', '/api/v1/answers', body)).status).toBe(403);
    const bad = await call(admin, 'POST', '/api/v1/answers', { ...body, title: { id: '', en: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('title.id');
    const created = await call(admin, 'POST', '/api/v1/answers', body);
    expect(created.status).toBe(201);
    const listed = await call(operator, 'GET', '/api/v1/answers');
    expect(listed.body.items.map((a: any) => a.id)).toContain(created.body.id);

    const call1 = await call(operator, 'POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre', category: 'no_water', phone: '0812 2100 0001' });
    expect(call1.status).toBe(201);
    const noAnswer = await call(operator, 'POST', `/api/v1/tickets/${call1.body.id}/answer`, {});
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.error.details.fields[0].field).toBe('answerId');
    const answered = await call(operator, 'POST', `/api/v1/tickets/${call1.body.id}/answer`, { answerId: created.body.id, note: 'Pelanggan menerima' });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.statusLabel.id).toBe('Dijawab langsung oleh petugas');
    const row = await t.env.db('tickets').where({ id: call1.body.id }).first();
    expect(row.answer_id).toBe(created.body.id);
    expect(row.answer_text).toContain('normal pukul 16.00');
    expect(row.answer_text).toContain('Pelanggan menerima');
    expect(row.closed_at).not.toBeNull();

    // A retired answer cannot be given.
    expect((await call(admin, 'PUT', `/api/v1/answers/${created.body.id}`, { ...body, active: false })).status).toBe(200);
    const walkIn = await call(operator, 'POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'walk_in', category: 'other' });
    expect((await call(operator, 'POST', `/api/v1/tickets/${walkIn.body.id}/answer`, { answerId: created.body.id })).status).toBe(400);
    const noUnit = await call(operator, 'POST', `/api/v1/tickets/${walkIn.body.id}/forward`, { unit: ' ' });
    expect(noUnit.status).toBe(400);
    const forwarded = await call(operator, 'POST', `/api/v1/tickets/${walkIn.body.id}/forward`, { unit: 'Bagian Penagihan', answer: 'Tagihan akan dicek ulang, dihubungi 2 hari kerja' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.status).toBe('forwarded');
    expect((await t.env.db('tickets').where({ id: walkIn.body.id }).first()).forwarded_to).toBe('Bagian Penagihan');
    // The monthly complaint report counts them under their own statuses.
    const report = await call(await as('kabag'), 'GET', '/api/v1/analytics/complaints?period=month&date=2026-11');
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).toContain('answered');
    expect(JSON.stringify(report.body)).toContain('forwarded');
  });
});
