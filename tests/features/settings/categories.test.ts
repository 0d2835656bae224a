/**
 * Issue 15: the admin's leak categories: names in both languages, the default
 * priority, repair minutes, photo required, deactivate; audited; and intake
 * honours them (a photo only where the category requires it, no new report of
 * a deactivated category).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer, loginAs, insideArea, sharpPhoto } from '../../support/db.js';

const t = useTestServer({ crews: 1 });
let admin: string;
let operator: string;
let dispatcher: string;

beforeAll(async () => {
  [admin, operator, dispatcher] = await Promise.all(['admin', 'operator', 'dispatcher'].map((u) => loginAs(t.server.baseUrl, t.env.utility, u)));
});

async function call(method: string, url: string, body?: unknown, token: string | null = admin) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${t.server.baseUrl}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

let phoneSeq = 0;
async function citizenReport(category: string, photo: boolean) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ lat: insideArea.lat, lon: insideArea.lon, phone: `0812 4444 ${String(1000 + (phoneSeq += 1))}`, category, jurisdiction_id: t.env.utility.code })) form.set(k, String(v));
  if (photo) form.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'bocor.jpg');
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
}

describe('leak categories', () => {
  it('lists the five with their SOP defaults', async () => {
    const res = await call('GET', '/api/v1/categories');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { code: string }) => c.code)).toEqual(['pipe_burst', 'visible_leak', 'meter_leak', 'no_water', 'other']);
    expect(res.body.items[0]).toEqual({ code: 'pipe_burst', name: { id: 'Pipa pecah', en: 'Burst pipe' }, defaultName: { id: 'Pipa pecah', en: 'Burst pipe' }, defaultPriority: 'high', repairMinutes: 45, defaultRepairMinutes: 45, photoRequired: true, active: true });
  });

  it('without a photo, a citizen report is refused while the category requires one', async () => {
    const res = await citizenReport('no_water', false);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PHOTO_REQUIRED');
  });

  it('the admin renames a category, makes its photo optional and sets its repair minutes: audited, and intake follows', async () => {
    const res = await call('PUT', '/api/v1/categories/no_water', { name: { id: 'Air mati' }, photoRequired: false, repairMinutes: 20, defaultPriority: 'high' });
    expect(res.status).toBe(200);
    const noWater = res.body.items.find((c: { code: string }) => c.code === 'no_water');
    expect(noWater).toMatchObject({ name: { id: 'Air mati', en: 'No water' }, photoRequired: false, repairMinutes: 20, defaultRepairMinutes: 30, defaultPriority: 'high', active: true });
    // The planner reads the same minutes (one home: settings.serviceMinutes).
    expect((await call('GET', '/api/v1/settings')).body.settings.serviceMinutes.no_water).toBe(20);
    const audit = await t.env.db('audit_log').where({ utility_id: t.env.utility.id, action: 'category.update' }).first();
    expect(audit).toMatchObject({ actor_id: t.env.users.admin, object_type: 'category' });
    expect(audit.details.patch).toEqual({ categories: { no_water: { name: { id: 'Air mati' }, photoRequired: false, defaultPriority: 'high' } }, serviceMinutes: { no_water: 20 } });

    const accepted = await citizenReport('no_water', false);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: accepted.body.number }).first('category');
    expect(ticket.category).toBe('no_water');
    expect((await citizenReport('pipe_burst', false)).body.error.code).toBe('PHOTO_REQUIRED');
    const config = await fetch(`${t.server.baseUrl}/api/v1/config?jurisdiction_id=${t.env.utility.code}`).then((r) => r.json());
    expect(config.categoryDetails.find((c: { code: string }) => c.code === 'no_water')).toEqual({ code: 'no_water', name: { id: 'Air mati', en: 'No water' }, photoRequired: false, defaultPriority: 'high' });
  });

  it('a deactivated category is no longer offered or accepted; its tickets keep it', async () => {
    const before = await citizenReport('other', true);
    expect(before.status).toBe(201);
    expect((await call('PUT', '/api/v1/categories/other', { active: false })).status).toBe(200);
    const config = await fetch(`${t.server.baseUrl}/api/v1/config?jurisdiction_id=${t.env.utility.code}`).then((r) => r.json());
    expect(config.categories).toEqual(['pipe_burst', 'visible_leak', 'meter_leak', 'no_water']);
    // Open311 clients are not offered it either.
    const services = await fetch(`${t.server.baseUrl}/open311/v2/services.json?jurisdiction_id=${t.env.utility.code}`).then((r) => r.json());
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual(['pipe_burst', 'visible_leak', 'meter_leak', 'no_water']);
    const refused = await citizenReport('other', true);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'category' });
    const byStaff = await call('POST', '/api/v1/tickets', { lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre', category: 'other' }, operator);
    expect(byStaff.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'category' });
    expect((await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: before.body.number }).first('category')).category).toBe('other');
    expect((await call('PUT', '/api/v1/categories/other', { active: true })).status).toBe(200);
    expect((await citizenReport('other', true)).status).toBe(201);
  });

  it('refuses bad input naming the field, and other roles', async () => {
    const short = await call('PUT', '/api/v1/categories/pipe_burst', { name: { en: 'x' } });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('name.en');
    expect((await call('PUT', '/api/v1/categories/pipe_burst', { repairMinutes: 2 })).body.error.field).toBe('repairMinutes');
    expect((await call('PUT', '/api/v1/categories/pipe_burst', { colour: 'red' })).status).toBe(400);
    expect((await call('PUT', '/api/v1/categories/sewer', { active: false })).body.error.field).toBe('code');
    expect((await call('PUT', '/api/v1/categories/pipe_burst', { active: false }, dispatcher)).status).toBe(403);
    expect((await call('GET', '/api/v1/categories', undefined, null)).status).toBe(401);
    expect((await call('GET', '/api/v1/categories')).body.items[0].active).toBe(true);
  });
});
