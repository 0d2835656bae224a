import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, startServer, insideArea, sharpPhoto, blurredPhoto, loginAs, photosAnalysed, type TestEnv } from '../support/db.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
  server = await startServer(env.ctx);
  for (const u of ['admin', 'operator', 'dispatcher', 'kasie', 'kabag', 'direktur', 'crew1', 'crew2']) tokens[u] = await loginAs(server.baseUrl, env.utility, u);
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

async function call(user: string | null, method: string, path: string, body?: unknown | FormData) {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${tokens[user]}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${server.baseUrl}${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as any) : null };
}

const photoForm = async (photo?: Buffer, note?: string) => {
  const f = new FormData();
  if (photo) f.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'result.jpg');
  if (note) f.set('note', note);
  return f;
};

let caller = 100;
/** A ticket entered by the call centre for a new caller (the same caller at the same spot would be a repeat report), returned with its id. */
async function newTicket(extra: Record<string, unknown> = {}): Promise<number> {
  const phone = `0811-222-${caller++}`;
  const res = await call('operator', 'POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre', phone, description: 'Pipa bocor depan rumah', ...extra });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function citizenTicket(photo: Buffer): Promise<number> {
  const f = new FormData();
  f.set('lat', String(insideArea.lat));
  f.set('lon', String(insideArea.lon));
  f.set('phone', '0812 9999 8888');
  f.set('jurisdiction_id', env.utility.code);
  f.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'leak.jpg');
  const res = await fetch(`${server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
  expect(res.status).toBe(201);
  const { number } = (await res.json()) as { number: string };
  // The blur check runs after the acknowledgment: the SPK rules below need its result.
  await photosAnalysed(env);
  return (await env.db('tickets').where({ utility_id: env.utility.id, number }).first('id')).id;
}

const post = (user: string, id: number, action: string, body: unknown = {}) => call(user, 'POST', `/api/v1/tickets/${id}/${action}`, body);
const events = async (id: number) => (await env.db('ticket_events').where({ ticket_id: id }).orderBy('id')).map((e) => `${e.action}:${e.from_status ?? '-'}>${e.to_status}`);

describe('the SOP workflow over HTTP', () => {
  it('walks the golden path: SPK, assign, on site, escalate, fix, return, fix, close, with one event per step', async () => {
    const id = await newTicket();
    const crewId = env.crews[0];
    let r = await post('admin', id, 'spk', { priority: 'high', instructions: 'Bawa klem 4 inci' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('spk_issued');
    expect(r.body.workOrder.number).toMatch(/^SPK-\d{4}-\d{6}$/);
    expect(new Date(r.body.respondDueAt).getTime() - new Date(r.body.receivedAt).getTime()).toBe(30 * 60_000);
    expect(new Date(r.body.resolveDueAt).getTime() - new Date(r.body.receivedAt).getTime()).toBe(12 * 3600_000);

    expect((await post('dispatcher', id, 'assign', { crewId })).body.status).toBe('assigned');
    expect((await post('crew1', id, 'arrive')).body.status).toBe('on_site');
    r = await post('crew1', id, 'escalate', { note: 'Perlu ekskavator' });
    expect(r.body.status).toBe('escalated');
    r = await call('crew1', 'POST', `/api/v1/tickets/${id}/fix`, await photoForm(await sharpPhoto(), 'Sambungan diganti'));
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('fixed');
    expect(r.body.photos.filter((p: any) => p.kind === 'result')).toHaveLength(1);
    r = await post('admin', id, 'return', { note: 'Masih merembes' });
    expect(r.body.status).toBe('assigned');
    expect(r.body.fixedAt).toBeNull();
    await post('crew1', id, 'arrive');
    r = await call('crew1', 'POST', `/api/v1/tickets/${id}/fix`, await photoForm(await sharpPhoto()));
    expect(r.body.status).toBe('fixed');
    r = await post('admin', id, 'close');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('closed');
    expect(r.body.closedAt).not.toBeNull();
    expect(r.body.allowedActions).toEqual([]);

    expect(await events(id)).toEqual([
      'report:->received',
      'issue_spk:received>spk_issued',
      'assign:spk_issued>assigned',
      'arrive:assigned>on_site',
      'escalate:on_site>escalated',
      'fix:escalated>fixed',
      'return_to_crew:fixed>assigned',
      'arrive:assigned>on_site',
      'fix:on_site>fixed',
      'close:fixed>closed',
    ]);
    const actors = await env.db('ticket_events').where({ ticket_id: id }).orderBy('id').pluck('actor_id');
    expect(actors).toEqual([env.users.operator, env.users.admin, env.users.dispatcher, env.users.crew1, env.users.crew1, env.users.crew1, env.users.admin, env.users.crew1, env.users.crew1, env.users.admin]);
  });

  it('lets the dispatcher take the crew off a ticket before it is on site', async () => {
    const id = await newTicket();
    await post('admin', id, 'spk', { priority: 'normal' });
    await post('dispatcher', id, 'assign', { crewId: env.crews[1] });
    const r = await post('dispatcher', id, 'unassign', { note: 'Tim dialihkan' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('spk_issued');
    expect(r.body.crewId).toBeNull();
    // No longer crew 2's: not found to it (issue 11: a crew reads and acts on its own tickets only).
    expect((await post('crew2', id, 'arrive')).status).toBe(404);
    expect(await events(id)).toContain('unassign:assigned>spk_issued');
  });

  it('rejects a hoax and blocks the reporter', async () => {
    const id = await newTicket({ phone: '0811-000-111' });
    const r = await post('admin', id, 'reject', { reason: 'Laporan palsu', blockReporter: true });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('rejected');
    expect(r.body.reporter.blocked).toBe(true);
    const reporter = await env.db('reporters').where({ utility_id: env.utility.id, phone: '+62811000111' }).first();
    expect(reporter.blocked_reason).toBe('Laporan palsu');
    expect(reporter.blocked_by).toBe(env.users.admin);
    expect(await events(id)).toEqual(['report:->received', 'reject:received>rejected']);
  });

  it('rejects without blocking when not asked to', async () => {
    const id = await newTicket({ phone: '0811-000-222' });
    expect((await post('admin', id, 'reject', { reason: 'Duplikat' })).body.reporter.blocked).toBe(false);
  });

  it('refuses an illegal transition with 409, the current status and the allowed next steps, and writes nothing', async () => {
    const id = await newTicket();
    const before = await events(id);
    const r = await post('admin', id, 'close');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');
    expect(r.body.error.details.currentStatus).toBe('received');
    expect(r.body.error.details.allowedActions.sort()).toEqual(['answer', 'forward', 'issue_spk', 'merge', 'reject']);
    expect(await events(id)).toEqual(before);
    expect((await env.db('tickets').where({ id }).first()).status).toBe('received');
  });

  const wrongRoles: [string, string, unknown][] = [
    ['operator', 'spk', { priority: 'normal' }],
    ['dispatcher', 'spk', { priority: 'normal' }],
    ['crew1', 'reject', { reason: 'x' }],
    ['kabag', 'reject', { reason: 'x' }],
    ['direktur', 'spk', { priority: 'high' }],
    ['kasie', 'spk', { priority: 'high' }],
  ];
  for (const [user, action, body] of wrongRoles) {
    it(`refuses ${action} to ${user} with 403`, async () => {
      const id = await newTicket();
      const r = await post(user, id, action, body);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
      expect(await events(id)).toEqual(['report:->received']);
    });
  }

  it('refuses every later step to the wrong role or the wrong crew', async () => {
    const id = await newTicket();
    await post('admin', id, 'spk', { priority: 'normal' });
    expect((await post('crew1', id, 'assign', { crewId: env.crews[0] })).status).toBe(403);
    expect((await post('operator', id, 'assign', { crewId: env.crews[0] })).status).toBe(403);
    await post('dispatcher', id, 'assign', { crewId: env.crews[0] });
    expect((await post('admin', id, 'arrive')).body.error.code).toBe('FORBIDDEN');
    // Another crew's ticket is not found (404, not 403: ids cannot be probed).
    const other = await post('crew2', id, 'arrive');
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    await post('crew1', id, 'arrive');
    expect((await post('dispatcher', id, 'escalate', { note: 'x' })).status).toBe(403);
    expect((await post('crew2', id, 'escalate', { note: 'x' })).body.error.code).toBe('NOT_FOUND');
    const fixByAdmin = await call('admin', 'POST', `/api/v1/tickets/${id}/fix`, await photoForm(await sharpPhoto()));
    expect(fixByAdmin.status).toBe(403);
    await call('crew1', 'POST', `/api/v1/tickets/${id}/fix`, await photoForm(await sharpPhoto()));
    expect((await post('crew1', id, 'close')).status).toBe(403);
    expect((await post('dispatcher', id, 'close')).status).toBe(403);
    expect((await post('crew1', id, 'return', { note: 'x' })).status).toBe(403);
    expect(await events(id)).toEqual(['report:->received', 'issue_spk:received>spk_issued', 'assign:spk_issued>assigned', 'arrive:assigned>on_site', 'fix:on_site>fixed']);
  });

  it('refuses the steps that need more input, and writes nothing', async () => {
    const id = await newTicket();
    let r = await post('admin', id, 'spk', {});
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('priority');
    r = await post('admin', id, 'spk', { priority: 'urgent' });
    expect(r.status).toBe(400);
    r = await post('admin', id, 'reject', {});
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('reason');
    await post('admin', id, 'spk', { priority: 'normal' });
    r = await post('dispatcher', id, 'assign', { crewId: 999999 });
    expect(r.status).toBe(404);
    await post('dispatcher', id, 'assign', { crewId: env.crews[0] });
    await post('crew1', id, 'arrive');
    r = await post('crew1', id, 'escalate', {});
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('note');
    r = await call('crew1', 'POST', `/api/v1/tickets/${id}/fix`, await photoForm(undefined, 'tanpa foto'));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('RESULT_PHOTO_REQUIRED');
    const notImage = new FormData();
    notImage.set('photo', new Blob(['plain text'], { type: 'image/jpeg' }), 'x.jpg');
    r = await call('crew1', 'POST', `/api/v1/tickets/${id}/fix`, notImage);
    expect(r.status).toBe(415);
    expect((await env.db('photos').where({ ticket_id: id })).length).toBe(0);
    expect((await env.db('tickets').where({ id }).first()).status).toBe('on_site');
  });

  it('an SPK asked for while the photo is still being analysed analyses it first: a blurred one still needs the phone verification', async () => {
    const f = new FormData();
    f.set('lat', String(insideArea.lat));
    f.set('lon', String(insideArea.lon));
    f.set('phone', '0812 9999 7777');
    f.set('jurisdiction_id', env.utility.code);
    f.set('photo', new Blob([new Uint8Array(await blurredPhoto())], { type: 'image/jpeg' }), 'leak.jpg');
    const res = await fetch(`${server.baseUrl}/api/v1/reports`, { method: 'POST', body: f });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { number: string; photoAnalysing: boolean; photoBlurred: boolean | null };
    expect(receipt.photoAnalysing).toBe(true);
    expect(receipt.photoBlurred).toBeNull();
    const { id } = await env.db('tickets').where({ utility_id: env.utility.id, number: receipt.number }).first('id');
    // Pending again, as before the analysis ran (the app's queue is quicker than this test).
    await photosAnalysed(env);
    await env.db('photos').where({ ticket_id: id }).update({ analysed_at: null, blur_score: null });
    await env.db('tickets').where({ id }).update({ photo_blurred: null });
    const r = await post('admin', id, 'spk', { priority: 'normal' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('BLURRED_PHOTO_NEEDS_VERIFICATION');
    expect(await env.db('work_orders').where({ ticket_id: id })).toHaveLength(0);
    const photo = await env.db('photos').where({ ticket_id: id }).first();
    expect(photo.analysed_at).not.toBeNull();
    expect(photo.blur_score).toBeLessThan(env.utility.settings.blurThreshold);
    expect((await env.db('tickets').where({ id }).first()).photo_blurred).toBe(true);
  });

  it('will not issue an SPK for a blurred photo until a phone verification is recorded', async () => {
    const id = await citizenTicket(await blurredPhoto());
    let r = await post('admin', id, 'spk', { priority: 'normal' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('BLURRED_PHOTO_NEEDS_VERIFICATION');
    expect(await env.db('work_orders').where({ ticket_id: id })).toHaveLength(0);
    r = await post('admin', id, 'spk', { priority: 'normal', phoneVerification: 'Pelapor ditelepon: air menyembur di depan rumah no. 12' });
    expect(r.status).toBe(200);
    expect(r.body.phoneVerifiedAt).not.toBeNull();
    expect(r.body.events.at(-1).note).toContain('Pelapor ditelepon');
  });

  it('issues an SPK for a sharp photo without a phone call', async () => {
    const id = await citizenTicket(await sharpPhoto());
    expect((await post('admin', id, 'spk', { priority: 'critical' })).status).toBe(200);
  });

  it('moves the due times when the priority changes', async () => {
    const id = await newTicket();
    await post('admin', id, 'spk', { priority: 'normal' });
    const r = await post('dispatcher', id, 'priority', { priority: 'critical' });
    expect(r.status).toBe(200);
    expect(r.body.priority).toBe('critical');
    expect(new Date(r.body.respondDueAt).getTime() - new Date(r.body.receivedAt).getTime()).toBe(15 * 60_000);
    expect(await events(id)).toContain('prioritise:spk_issued>spk_issued');
  });

  it('stamps each transition with the injected clock', async () => {
    env.clock.set('2026-11-23T02:00:00Z');
    const id = await newTicket();
    env.clock.advanceMinutes(7);
    const r = await post('admin', id, 'spk', { priority: 'high' });
    expect(r.body.receivedAt).toBe('2026-11-23T02:00:00.000Z');
    expect(r.body.spkIssuedAt).toBe('2026-11-23T02:07:00.000Z');
  });

  it('answers 404 for a ticket of another utility', async () => {
    const other = await createTestEnv();
    try {
      const foreign = await other.db('tickets').insert({
        utility_id: other.utility.id, number: 'LK-2026-999999', source: 'call_centre', h3_cell: 'x', location: other.db.raw("'SRID=4326;POINT(119.42 -5.15)'::geography"),
      }).returning('id');
      const r = await post('admin', foreign[0].id, 'spk', { priority: 'high' });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    } finally {
      await other.close();
    }
  });
});

describe('staff-entered reports', () => {
  it('records the channel and the operator; a photo is optional, a location is not', async () => {
    const id = await newTicket({ source: 'walk_in', phone: '' });
    const t = await env.db('tickets').where({ id }).first();
    expect(t.source).toBe('walk_in');
    expect(t.entered_by).toBe(env.users.operator);
    expect(t.reporter_id).toBeNull();
    const missing = await call('operator', 'POST', '/api/v1/tickets', { source: 'call_centre', description: 'tanpa lokasi' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('lat');
  });

  it('accepts a photo from staff as multipart', async () => {
    const f = new FormData();
    f.set('lat', String(insideArea.lat));
    f.set('lon', String(insideArea.lon));
    f.set('source', 'social_media');
    f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'ig.jpg');
    const r = await call('operator', 'POST', '/api/v1/tickets', f);
    expect(r.status).toBe(201);
    const detail = await call('admin', 'GET', `/api/v1/tickets/${r.body.id}`);
    expect(detail.body.photos).toHaveLength(1);
    const thumb = await fetch(`${server.baseUrl}${detail.body.photos[0].thumbnailUrl}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect((await thumb.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('refuses an unknown channel and roles other than operator and admin', async () => {
    const bad = await call('operator', 'POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'pigeon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('source');
    const crew = await call('crew1', 'POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre' });
    expect(crew.status).toBe(403);
    const admin = await call('admin', 'POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'email' });
    expect(admin.status).toBe(201);
  });
});

describe('ticket queue', () => {
  it('lists the admin queue oldest first and a crew sees only its own tickets', async () => {
    const a = await newTicket();
    const b = await newTicket();
    const queue = await call('admin', 'GET', '/api/v1/tickets?status=received&order=oldest&limit=500');
    const ids = queue.body.items.map((t: any) => t.id);
    expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
    expect(queue.body.items.every((t: any) => t.status === 'received')).toBe(true);
    await post('admin', a, 'spk', { priority: 'normal' });
    await post('dispatcher', a, 'assign', { crewId: env.crews[1] });
    const crew2 = await call('crew2', 'GET', '/api/v1/tickets?limit=500');
    expect(crew2.body.items.length).toBeGreaterThan(0);
    expect(crew2.body.items.every((t: any) => t.crewId === env.crews[1])).toBe(true);
    const bad = await call('admin', 'GET', '/api/v1/tickets?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('status.0');
  });
});
