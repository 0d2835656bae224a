import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs } from '../support/db.js';

const t = useTestServer({ duplicates: true }); // the stored overrides exactly as the admin set them

async function call(user: string, method: string, path: string, body?: unknown) {
  const token = await loginAs(t.server.baseUrl, t.env.utility, user);
  const res = await fetch(`${t.server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('utility settings', () => {
  it('shows the SOP defaults until the utility changes them', async () => {
    const r = await call('kabag', 'GET', '/api/v1/settings');
    expect(r.status).toBe(200);
    expect(r.body.settings.sla.critical.respondMinutes).toBe(15);
    expect(r.body.settings.points.normal).toBe(2);
  });

  it('lets the admin change one value, keeps the others, and takes effect on the next SPK', async () => {
    const r = await call('admin', 'PATCH', '/api/v1/settings', { sla: { critical: { respondMinutes: 10 } }, detourFactor: 1.5 });
    expect(r.status).toBe(200);
    expect(r.body.settings.sla.critical).toEqual({ respondMinutes: 10, resolveMinutes: 240, escalateTo: 'direktur' });
    expect(r.body.settings.detourFactor).toBe(1.5);
    expect(r.body.overrides).toEqual({ sla: { critical: { respondMinutes: 10 } }, detourFactor: 1.5 });
    const ticket = await call('operator', 'POST', '/api/v1/tickets', { lat: -5.15, lon: 119.42, source: 'call_centre' });
    const spk = await call('admin', 'POST', `/api/v1/tickets/${ticket.body.id}/spk`, { priority: 'critical' });
    expect(new Date(spk.body.respondDueAt).getTime() - new Date(spk.body.receivedAt).getTime()).toBe(10 * 60_000);
    const back = await call('admin', 'PATCH', '/api/v1/settings', { detourFactor: null });
    expect(back.body.settings.detourFactor).toBe(1.35);
    expect(back.body.overrides).toEqual({ sla: { critical: { respondMinutes: 10 } } });
  });

  it('refuses unknown keys and values out of range, naming the field, and changes nothing', async () => {
    const before = (await call('admin', 'GET', '/api/v1/settings')).body.overrides;
    const unknown = await call('admin', 'PATCH', '/api/v1/settings', { speedLimit: 3 });
    expect(unknown.status).toBe(400);
    const range = await call('admin', 'PATCH', '/api/v1/settings', { h3Resolution: 15 });
    expect(range.status).toBe(400);
    expect(range.body.error.field).toBe('h3Resolution');
    const nested = await call('admin', 'PATCH', '/api/v1/settings', { sla: { high: { respondMinutes: -5 } } });
    expect(nested.body.error.field).toBe('sla.high.respondMinutes');
    expect((await call('admin', 'GET', '/api/v1/settings')).body.overrides).toEqual(before);
  });

  it('lets only the admin change settings', async () => {
    expect((await call('kabag', 'PATCH', '/api/v1/settings', { speedKmh: 25 })).status).toBe(403);
    expect((await call('crew1', 'GET', '/api/v1/settings')).status).toBe(403);
  });

  it('registers a webhook, generates a secret when none is given, and lists it', async () => {
    const r = await call('admin', 'PUT', '/api/v1/settings/webhooks', { url: 'https://hooks.example.test/pdam' });
    expect(r.status).toBe(200);
    expect(r.body.secret.length).toBeGreaterThanOrEqual(24);
    const list = await call('admin', 'GET', '/api/v1/settings/webhooks');
    expect(list.body.webhooks.map((w: any) => w.url)).toEqual(['https://hooks.example.test/pdam']);
    expect(JSON.stringify(list.body)).not.toContain(r.body.secret);
    const bad = await call('admin', 'PUT', '/api/v1/settings/webhooks', { url: 'ftp://nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('url');
  });
});
