import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../support/db.js';
import { ratingLinkFor } from '../../server/features/satisfaction/service.js';

const t = useTestServer({ crews: 2 });
const q = () => `jurisdiction_id=${t.env.utility.code}`;

async function call(token: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: payload });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: (type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())) as any };
}
const as = (user: string) => loginAs(t.server.baseUrl, t.env.utility, user);

async function citizenReport(phone: string, where = insideArea) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(where.lat));
  f.set('lon', String(where.lon));
  f.set('phone', phone);
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  return call(null, 'POST', '/api/v1/reports', f);
}
const tokenOf = (url: string) => url.split('/').pop()!;
const idOf = async (number: string) => (await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first()).id as number;

/** Reported, SPK, assigned to crew 1, fixed and closed. */
async function closedTicket(phone: string, where = insideArea, crew = 0): Promise<{ id: number; number: string; followUpUrl: string }> {
  const r = await citizenReport(phone, where);
  const id = await idOf(r.body.number);
  const [admin, dispatcher, crewToken] = [await as('admin'), await as('dispatcher'), await as(`crew${crew + 1}`)];
  expect((await call(admin, 'POST', `/api/v1/tickets/${id}/spk`, { priority: 'normal' })).status).toBe(200);
  expect((await call(dispatcher, 'POST', `/api/v1/tickets/${id}/assign`, { crewId: t.env.crews[crew] })).status).toBe(200);
  expect((await call(crewToken, 'POST', `/api/v1/tickets/${id}/arrive`, {})).status).toBe(200);
  const f = new FormData();
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'done.jpg');
  expect((await call(crewToken, 'POST', `/api/v1/tickets/${id}/fix`, f)).status).toBe(200);
  expect((await call(admin, 'POST', `/api/v1/tickets/${id}/close`, {})).status).toBe(200);
  return { id, number: r.body.number, followUpUrl: r.body.followUpUrl };
}

describe('follow-up by the receipt link', () => {
  it('the receipt carries a signed link; through it the reporter adds a note and a photo, in the trail as the reporter', async () => {
    const r = await citizenReport('0812-3000-0001');
    expect(r.status).toBe(201);
    expect(r.body.followUpUrl).toMatch(new RegExp(`^/\\?jurisdiction_id=${t.env.utility.code}#/tindak-lanjut/`));
    const token = tokenOf(r.body.followUpUrl);
    const view = await call(null, 'GET', `/api/v1/follow-up?token=${token}&${q()}`);
    expect(view.status).toBe(200);
    expect(view.headers.get('cache-control')).toBe('no-store');
    expect(view.body.report.number).toBe(r.body.number);
    expect(view.body.canAdd).toBe(true);
    expect(view.body.reports.map((x: any) => x.number)).toEqual([r.body.number]);

    const f = new FormData();
    f.set('jurisdiction_id', t.env.utility.code);
    f.set('token', token);
    f.set('note', 'Airnya makin deras');
    f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'lagi.jpg');
    const added = await call(null, 'POST', '/api/v1/follow-up', f);
    expect(added.status).toBe(200);
    const id = await idOf(r.body.number);
    expect(await t.env.db('photos').where({ ticket_id: id, kind: 'report' })).toHaveLength(2);
    const event = await t.env.db('ticket_events').where({ ticket_id: id, action: 'add_info' }).first();
    expect(event.actor_kind).toBe('reporter');
    expect(event.note).toContain('Airnya makin deras');
    expect(event.from_status).toBe('received');
    expect(event.to_status).toBe('received');
    // Nothing to add: 400 naming the field.
    const empty = new FormData();
    empty.set('jurisdiction_id', t.env.utility.code);
    empty.set('token', token);
    const none = await call(null, 'POST', '/api/v1/follow-up', empty);
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('note');
  });

  it('refuses a forged, tampered or rating token (403 LINK_INVALID) and writes nothing', async () => {
    const r = await citizenReport('0812-3000-0002', { lat: insideArea.lat + 0.002, lon: insideArea.lon });
    const token = tokenOf(r.body.followUpUrl);
    const [payload, mac] = [token.slice(0, token.lastIndexOf('.')), token.slice(token.lastIndexOf('.') + 1)];
    const otherTicket = payload.replace(/^f[0-9a-z]+/, 'f1');
    for (const bad of ['', 'abc', `${otherTicket}.${mac}`, `r${payload.slice(1)}.${mac}`, `${payload}.${'A'.repeat(32)}`]) {
      const res = await call(null, 'GET', `/api/v1/follow-up?token=${encodeURIComponent(bad)}&${q()}`);
      expect(res.status, bad).toBe(403);
      expect(res.body.error.code).toBe('LINK_INVALID');
      expect(res.body.error.messageId).toContain('Tautan tidak berlaku');
    }
  });

  it('lists the reporter’s reports; a closed ticket takes no more notes', async () => {
    const done = await closedTicket('0812-3000-0003', { lat: insideArea.lat - 0.004, lon: insideArea.lon });
    const link = await citizenReport('0812-3000-0003', { lat: insideArea.lat - 0.01, lon: insideArea.lon - 0.01 });
    const view = await call(null, 'GET', `/api/v1/follow-up?token=${tokenOf(link.body.followUpUrl)}&${q()}`);
    expect(view.body.reports.map((x: any) => x.number).sort()).toEqual([done.number, link.body.number].sort());
    expect(view.body.reports.find((x: any) => x.number === done.number).status).toBe('closed');
    const closedView = await call(null, 'GET', `/api/v1/follow-up?token=${tokenOf(done.followUpUrl)}&${q()}`);
    expect(closedView.body.canAdd).toBe(false);
    const f = new FormData();
    f.set('jurisdiction_id', t.env.utility.code);
    f.set('token', tokenOf(done.followUpUrl));
    f.set('note', 'Masih bocor?');
    const refused = await call(null, 'POST', '/api/v1/follow-up', f);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
    expect(await t.env.db('ticket_events').where({ ticket_id: done.id, action: 'add_info' })).toHaveLength(0);
  });
});

describe('unblocking a reporter', () => {
  it('a reporter blocked with a rejection is unblocked by the operator with a reason, both in the reporter’s trail', async () => {
    const r = await citizenReport('0812-3000-0004', { lat: insideArea.lat + 0.006, lon: insideArea.lon });
    const admin = await as('admin');
    expect((await call(admin, 'POST', `/api/v1/tickets/${await idOf(r.body.number)}/reject`, { reason: 'Foto bukan kebocoran', blockReporter: true })).status).toBe(200);
    expect((await citizenReport('0812-3000-0004')).status).toBe(403);
    const operator = await as('operator');
    expect((await call(await as('dispatcher'), 'POST', '/api/v1/reporters/unblock', { phone: '0812-3000-0004', reason: 'x' })).status).toBe(403);
    const noReason = await call(operator, 'POST', '/api/v1/reporters/unblock', { phone: '0812-3000-0004', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    const out = await call(operator, 'POST', '/api/v1/reporters/unblock', { phone: '+62 812 3000 0004', reason: 'Pelapor datang ke kantor, salah paham foto' });
    expect(out.status).toBe(200);
    expect(out.body.blocked).toBe(false);
    expect(out.body.events.map((e: any) => [e.action, e.reason, e.by])).toEqual([
      ['block', 'Foto bukan kebocoran', 'Test admin'],
      ['unblock', 'Pelapor datang ke kantor, salah paham foto', 'Test operator'],
    ]);
    expect((await citizenReport('0812-3000-0004', { lat: insideArea.lat + 0.007, lon: insideArea.lon })).status).toBe(201);
    // Not blocked any more: a second unblock is a conflict; an unknown phone is not found.
    expect((await call(operator, 'POST', '/api/v1/reporters/unblock', { phone: '0812-3000-0004', reason: 'lagi' })).status).toBe(409);
    expect((await call(operator, 'GET', '/api/v1/reporters?phone=0812-9999-0000')).status).toBe(404);
  });
});

describe('satisfaction (IKM) after closure', () => {
  it('rates once through the link sent with the closing message, within the window; the IKM report per month, region and crew', async () => {
    t.env.clock.set('2026-11-10T02:00:00Z');
    const open = await citizenReport('0812-3000-0005', { lat: insideArea.lat + 0.008, lon: insideArea.lon });
    const openLink = await ratingLinkFor(t.env.ctx, t.env.utility, await idOf(open.body.number));
    const notYet = await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(openLink!), score: 4, jurisdiction_id: t.env.utility.code });
    expect(notYet.status).toBe(409);

    const a = await closedTicket('0812-3000-0006', { lat: insideArea.lat + 0.009, lon: insideArea.lon });
    const b = await closedTicket('0812-3000-0007', { lat: insideArea.lat + 0.01, lon: insideArea.lon }, 1);
    const linkA = await ratingLinkFor(t.env.ctx, t.env.utility, a.id);
    expect(linkA).toMatch(/#\/nilai\//);
    // A follow-up token is not a rating token.
    expect((await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(open.body.followUpUrl), score: 4, jurisdiction_id: t.env.utility.code })).status).toBe(403);
    const form = await call(null, 'GET', `/api/v1/ratings?token=${tokenOf(linkA!)}&${q()}`);
    expect(form.body).toMatchObject({ number: a.number, status: 'closed', rated: false, open: true });
    expect(form.body.elements).toHaveLength(14);
    const bad = await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(linkA!), score: 5, jurisdiction_id: t.env.utility.code });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('score');
    const unknownElement = await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(linkA!), score: 3, elements: { taste: 2 }, jurisdiction_id: t.env.utility.code });
    expect(unknownElement.status).toBe(400);
    const rated = await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(linkA!), score: 4, elements: { speed: 2 }, comment: 'Cepat ditangani', jurisdiction_id: t.env.utility.code });
    expect(rated.status).toBe(201);
    const twice = await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(linkA!), score: 1, jurisdiction_id: t.env.utility.code });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_RATED');
    expect(await t.env.db('ratings').where({ ticket_id: a.id })).toHaveLength(1);
    // After the window (30 days): refused.
    const linkB = await ratingLinkFor(t.env.ctx, t.env.utility, b.id);
    t.env.clock.set('2026-12-12T02:00:00Z');
    expect((await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(linkB!), score: 3, jurisdiction_id: t.env.utility.code })).status).toBe(409);
    t.env.clock.set('2026-11-20T02:00:00Z');
    expect((await call(null, 'POST', '/api/v1/ratings', { token: tokenOf(linkB!), score: 3, jurisdiction_id: t.env.utility.code })).status).toBe(201);

    const kabag = await as('kabag');
    const report = await call(kabag, 'GET', '/api/v1/analytics/ikm?from=2026-11&to=2026-11');
    expect(report.status).toBe(200);
    // A: 13 elements at 4 and speed 2 -> (52 + 2) / 14 = 3.857; B: 3 everywhere. Mean per element then weighted: (13 x 3.5 + 2.5) / 14 = 3.4286 -> 85.71, A.
    expect(report.body.total).toMatchObject({ respondents: 2, unitValue: 3.43, index: 85.71, grade: 'A' });
    expect(report.body.byMonth).toHaveLength(1);
    expect(report.body.byRegion).toEqual([expect.objectContaining({ month: '2026-11', region: 'Region One', respondents: 2 })]);
    expect(report.body.byCrew.map((c: any) => [c.crew, c.index, c.grade])).toEqual([
      ['Crew 1', 96.43, 'A'],
      ['Crew 2', 75, 'B'],
    ]);
    const csv = await call(kabag, 'GET', '/api/v1/analytics/ikm?from=2026-11&to=2026-11&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.body.toString('utf8')).toContain('96.43');
    const xlsx = await call(kabag, 'GET', '/api/v1/analytics/ikm?from=2026-11&to=2026-11&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets.map((w) => w.name)).toEqual(['By month', 'By region', 'By crew']);
    const badMonth = await call(kabag, 'GET', '/api/v1/analytics/ikm?from=2026-13');
    expect(badMonth.status).toBe(400);
    expect((await call(await as('crew1'), 'GET', '/api/v1/analytics/ikm')).status).toBe(403);
  });
});
