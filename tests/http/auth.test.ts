import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, TEST_PASSWORD } from '../support/db.js';
import { accountsStillUsing } from '../../server/features/auth/startup.service.js';

const t = useTestServer();

const me = (token?: string) => fetch(`${t.server.baseUrl}/api/v1/auth/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const login = (body: unknown) => fetch(`${t.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('staff accounts', () => {
  it('logs in with the right password and returns an opaque token stored only as a hash', async () => {
    const res = await login({ username: 'dispatcher', password: TEST_PASSWORD, jurisdiction_id: t.env.utility.code });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.user.role).toBe('dispatcher');
    expect(body.token.length).toBeGreaterThanOrEqual(40);
    const stored = await t.env.db('sessions').where({ user_id: t.env.users.dispatcher }).pluck('token_hash');
    expect(stored).not.toContain(body.token);
    expect(stored.every((h: string) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(((await (await me(body.token)).json()) as any).user.username).toBe('dispatcher');
  });

  it('refuses a wrong password or an unknown user with 401', async () => {
    for (const body of [
      { username: 'admin', password: 'salah', jurisdiction_id: t.env.utility.code },
      { username: 'nobody', password: TEST_PASSWORD, jurisdiction_id: t.env.utility.code },
    ]) {
      const res = await login(body);
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).error.code).toBe('UNAUTHENTICATED');
    }
    const missing = await login({ username: 'admin', jurisdiction_id: t.env.utility.code });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error.field).toBe('password');
  });

  it('denies by default: no token, a made-up token, or an expired one get 401', async () => {
    expect((await me()).status).toBe(401);
    expect((await me('made-up-token')).status).toBe(401);
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'kabag');
    expect((await me(token)).status).toBe(200);
    t.env.clock.advanceMinutes(t.env.ctx.config.sessionHours * 60 + 1);
    expect((await me(token)).status).toBe(401);
  });

  it('ends a session at logout', async () => {
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'kasie');
    const out = await fetch(`${t.server.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(out.status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });

  it('changes a password, ends old sessions, and refuses weak ones', async () => {
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'direktur');
    const change = (body: unknown) =>
      fetch(`${t.server.baseUrl}/api/v1/auth/password`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const weak = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as any).error.field).toBe('newPassword');
    const wrong = await change({ currentPassword: 'not-it', newPassword: 'a-much-longer-secret' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as any).error.field).toBe('currentPassword');
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'a-much-longer-secret' })).status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await login({ username: 'direktur', password: 'a-much-longer-secret', jurisdiction_id: t.env.utility.code })).status).toBe(200);
  });

  it('finds the accounts that still use a given password (the production start check)', async () => {
    const users = (await accountsStillUsing(t.env.db, TEST_PASSWORD)).filter((a) => a.utilityId === t.env.utility.id).map((a) => a.username);
    expect(users).toContain('admin');
    expect(users).not.toContain('direktur'); // changed in the test above
  });
});

describe('service endpoints', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${t.server.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).status).toBe('ready');
  });

  it('publishes an OpenAPI document that lists every endpoint the app serves', async () => {
    const doc = (await (await fetch(`${t.server.baseUrl}/api/v1/openapi.json`)).json()) as any;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/reports', '/api/v1/reports/{number}', '/api/v1/tickets', '/api/v1/tickets/{id}/spk', '/api/v1/tickets/{id}/fix', '/api/v1/auth/login']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const reportSchema = doc.paths['/api/v1/reports'].post.requestBody.content['multipart/form-data'].schema;
    expect(reportSchema.required).toEqual(expect.arrayContaining(['lat', 'lon']));
    // The photo: required unless the utility's category does not need one (issue 15), which its description says.
    expect(reportSchema.properties.photo).toMatchObject({ type: 'string', format: 'binary' });
    expect(reportSchema.properties.photo.description).toMatch(/Required unless the category/);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('VALIDATION_FAILED');
  });
});
