import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../support/db.js';
import { ratingLinkFor } from '../../server/features/satisfaction/service.js';

const t = useTestServer({ crews: 1, settings: { sla: { normal: { respondMinutes: 45 } } } });

async function call(token: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${t.server.baseUrl}${path}`, { method, headers, body: payload });
  return { status: res.status, body: (await res.json()) as any };
}
const as = (user: string) => loginAs(t.server.baseUrl, t.env.utility, user);
const charter = () => call(null, 'GET', `/api/v1/charter?jurisdiction_id=${t.env.utility.code}`);

async function report(phone: string, dLat: number) {
  const f = new FormData();
  f.set('jurisdiction_id', t.env.utility.code);
  f.set('lat', String(insideArea.lat + dLat));
  f.set('lon', String(insideArea.lon));
  f.set('phone', phone);
  f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
  const r = await call(null, 'POST', '/api/v1/reports', f);
  expect(r.status).toBe(201);
  return (await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: r.body.number }).first()).id as number;
}

describe('the service charter (Maklumat Pelayanan)', () => {
  it('shows the promised times beside last month’s attainment and IKM per region, without a login; the admin edits the texts', async () => {
    // November: one ticket answered and repaired in time (and rated 4), one never answered.
    t.env.clock.set('2026-11-10T01:00:00Z');
    const good = await report('0812-4000-0001', 0);
    const [admin, dispatcher, crew] = [await as('admin'), await as('dispatcher'), await as('crew1')];
    await call(admin, 'POST', `/api/v1/tickets/${good}/spk`, { priority: 'normal' });
    t.env.clock.advanceMinutes(20);
    expect((await call(dispatcher, 'POST', `/api/v1/tickets/${good}/assign`, { crewId: t.env.crews[0] })).status).toBe(200);
    await call(crew, 'POST', `/api/v1/tickets/${good}/arrive`, {});
    const f = new FormData();
    f.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'done.jpg');
    expect((await call(crew, 'POST', `/api/v1/tickets/${good}/fix`, f)).status).toBe(200);
    expect((await call(admin, 'POST', `/api/v1/tickets/${good}/close`, {})).status).toBe(200);
    const link = (await ratingLinkFor(t.env.ctx, t.env.utility, good))!;
    expect((await call(null, 'POST', '/api/v1/ratings', { token: link.split('/').pop(), score: 4, jurisdiction_id: t.env.utility.code })).status).toBe(201);
    t.env.clock.set('2026-11-12T01:00:00Z');
    await report('0812-4000-0002', 0.003);

    t.env.clock.set('2026-12-05T02:00:00Z');
    const c = await charter();
    expect(c.status).toBe(200);
    expect(c.body.month).toBe('2026-11');
    expect(c.body.texts.title.id).toBe('Maklumat Pelayanan');
    expect(c.body.texts.replyStandard.id).toContain('2 jam');
    expect(c.body.promises).toEqual([
      { priority: 'critical', respondMinutes: 15, resolveMinutes: 240 },
      { priority: 'high', respondMinutes: 30, resolveMinutes: 720 },
      { priority: 'normal', respondMinutes: 45, resolveMinutes: 1440 },
    ]);
    expect(c.body.achieved.total).toEqual({ tickets: 2, respondPercent: 50, resolvePercent: 50, ikm: 100, ikmGrade: 'A', respondents: 1 });
    expect(c.body.achieved.regions).toEqual([{ region: 'Region One', tickets: 2, respondPercent: 50, resolvePercent: 50, ikm: 100, ikmGrade: 'A', respondents: 1 }]);

    const admin2 = await as('admin'); // the November session has expired
    const body = { replyStandard: { id: 'Kami membalas dalam 1 jam.', en: 'We reply within 1 hour.' } };
    expect((await call(await as('operator'), 'PUT', '/api/v1/charter', body)).status).toBe(403);
    expect((await call(null, 'PUT', '/api/v1/charter', body)).status).toBe(401);
    const bad = await call(admin2, 'PUT', '/api/v1/charter', { replyStandard: { id: '', en: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('replyStandard.id');
    expect((await call(admin2, 'PUT', '/api/v1/charter', { motto: { id: 'x', en: 'x' } })).status).toBe(400);
    const changed = await call(admin2, 'PUT', '/api/v1/charter', body);
    expect(changed.status).toBe(200);
    const after = await charter();
    expect(after.body.texts.replyStandard).toEqual(body.replyStandard);
    expect(after.body.texts.title.id).toBe('Maklumat Pelayanan');
  });
});
