/**
 * Issue 15: the admin's staff accounts over HTTP against real PostgreSQL:
 * create (a one-time password to change at the first login), change role and
 * crew, reset the password, deactivate (no login, sessions end), the last
 * admin protected, role checks and audit rows. Accounts are never deleted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, TEST_PASSWORD, useTestServer } from '../support/db.js';

const t = useTestServer({ crews: 2 });
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t.env.clock.set('2026-11-23T23:00:00Z');
  for (const who of ['admin', 'dispatcher', 'crew1']) tokens[who] = await loginAs(t.server.baseUrl, t.env.utility, who);
});

async function call(method: string, url: string, body?: unknown, token = tokens.admin) {
  const res = await fetch(`${t.server.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function login(username: string, password: string) {
  const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, jurisdiction_id: t.env.utility.code }) });
  return { status: res.status, body: (await res.json()) as { token: string; user: { mustChangePassword: boolean; role: string } } };
}

const auditActions = async (objectId: number) => (await t.env.db('audit_log').where({ utility_id: t.env.utility.id, object_type: 'staff', object_id: objectId }).orderBy('id')).map((a) => a.action);
const fieldsOf = (body: { error: { details: { fields?: { field: string }[] } } }) => (body.error.details.fields ?? []).map((f) => f.field);

describe('staff accounts', () => {
  let id: number;
  let password: string;

  it('creates an account with a one-time password that must be changed at the first login; never cached; audited without the password', async () => {
    const res = await call('POST', '/api/v1/admin/staff', { username: 'Budi.S', displayName: 'Budi Santoso', role: 'crew', crewId: t.env.crews[1], phone: '0812 3456 7890' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.body.account).toMatchObject({ username: 'budi.s', role: 'crew', crewId: t.env.crews[1], crewCode: 'C2', phone: '+6281234567890', active: true, mustChangePassword: true });
    id = res.body.account.id;
    password = res.body.password;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await auditActions(id)).toEqual(['staff.create']);
    const audit = await t.env.db('audit_log').where({ object_type: 'staff', object_id: id });
    expect(JSON.stringify(audit)).not.toContain(password);
    const first = await login('budi.s', password);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const blocked = await call('GET', '/api/v1/crews', undefined, first.body.token);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const list = await call('GET', '/api/v1/admin/staff');
    expect(list.body.items.map((u: { username: string }) => u.username)).toContain('budi.s');
  });

  it('names the field at fault: username, a crew leader without a crew, a crew for another role, a taken username (409)', async () => {
    const bad = await call('POST', '/api/v1/admin/staff', { username: 'a b', displayName: 'X', role: 'crew' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['username', 'displayName', 'crewId']);
    const crewForOperator = await call('POST', '/api/v1/admin/staff', { username: 'ops2', displayName: 'Operator Dua', role: 'operator', crewId: t.env.crews[0] });
    expect(fieldsOf(crewForOperator.body)).toEqual(['crewId']);
    const unknownCrew = await call('POST', '/api/v1/admin/staff', { username: 'ops2', displayName: 'Operator Dua', role: 'crew', crewId: 999999999 });
    expect(fieldsOf(unknownCrew.body)).toEqual(['crewId']);
    const badRole = await call('POST', '/api/v1/admin/staff', { username: 'ops2', displayName: 'Operator Dua', role: 'boss' });
    expect(fieldsOf(badRole.body)).toEqual(['role']);
    const taken = await call('POST', '/api/v1/admin/staff', { username: 'dispatcher', displayName: 'Dispatcher Dua', role: 'dispatcher' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.field).toBe('username');
    expect(await t.env.db('staff_users').where({ utility_id: t.env.utility.id, username: 'ops2' })).toEqual([]);
  });

  it('changes role and crew (a crew leader who becomes an operator leaves the crew), audited with what changed', async () => {
    const moved = await call('PATCH', `/api/v1/admin/staff/${id}`, { crewId: t.env.crews[0] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.crewCode).toBe('C1');
    const promoted = await call('PATCH', `/api/v1/admin/staff/${id}`, { role: 'operator' });
    expect(promoted.body).toMatchObject({ role: 'operator', crewId: null });
    expect(await auditActions(id)).toEqual(['staff.create', 'staff.update', 'staff.update']);
    const last = await t.env.db('audit_log').where({ object_type: 'staff', object_id: id }).orderBy('id', 'desc').first();
    expect(last.details.changes).toEqual({ role: { from: 'crew', to: 'operator' }, crewId: { from: t.env.crews[0], to: null } });
    const backToCrew = await call('PATCH', `/api/v1/admin/staff/${id}`, { role: 'crew' });
    expect(backToCrew.status).toBe(400);
    expect(fieldsOf(backToCrew.body)).toEqual(['crewId']);
  });

  it('resets a password: shown once, the old one and the sessions stop working, the new one must be changed', async () => {
    const dispatcherId = t.env.users.dispatcher;
    const session = await loginAs(t.server.baseUrl, t.env.utility, 'dispatcher');
    const res = await call('POST', `/api/v1/admin/staff/${dispatcherId}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.body.account.mustChangePassword).toBe(true);
    expect((await call('GET', '/api/v1/auth/me', undefined, session)).status).toBe(401);
    expect((await login('dispatcher', TEST_PASSWORD)).status).toBe(401);
    const fresh = await login('dispatcher', res.body.password);
    expect(fresh.body.user.mustChangePassword).toBe(true);
    const change = await fetch(`${t.server.baseUrl}/api/v1/auth/password`, { method: 'POST', headers: { authorization: `Bearer ${fresh.body.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: res.body.password, newPassword: TEST_PASSWORD }) });
    expect(change.status).toBe(204);
    expect(await auditActions(dispatcherId)).toEqual(['staff.reset_password']);
  });

  it('deactivates: the account cannot log in and its sessions end; reactivated it can again', async () => {
    const crew1 = t.env.users.crew1;
    const session = await loginAs(t.server.baseUrl, t.env.utility, 'crew1');
    const off = await call('PATCH', `/api/v1/admin/staff/${crew1}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await call('GET', '/api/v1/auth/me', undefined, session)).status).toBe(401);
    expect(await t.env.db('sessions').where({ user_id: crew1 })).toEqual([]);
    const refused = await login('crew1', TEST_PASSWORD);
    expect(refused.status).toBe(401);
    const on = await call('PATCH', `/api/v1/admin/staff/${crew1}`, { active: true });
    expect(on.body.active).toBe(true);
    expect((await login('crew1', TEST_PASSWORD)).status).toBe(200);
    expect(await auditActions(crew1)).toEqual(['staff.deactivate', 'staff.reactivate']);
  });

  it('keeps the last active admin: neither demoted nor deactivated, by themself or anyone; with a second admin it can', async () => {
    const adminId = t.env.users.admin;
    const demote = await call('PATCH', `/api/v1/admin/staff/${adminId}`, { role: 'operator' });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatchObject({ code: 'CONFLICT', field: 'role' });
    expect(demote.body.error.message).toContain('last active admin');
    const off = await call('PATCH', `/api/v1/admin/staff/${adminId}`, { active: false });
    expect(off.status).toBe(409);
    expect(off.body.error.field).toBe('active');
    expect((await t.env.db('staff_users').where({ id: adminId }).first()).role).toBe('admin');
    // A second admin: now the first may step down (and the second may not then leave too).
    const second = await call('POST', '/api/v1/admin/staff', { username: 'admin2', displayName: 'Admin Dua', role: 'admin' });
    await t.env.db('staff_users').where({ id: second.body.account.id }).update({ must_change_password: false });
    const [a, b] = await Promise.all([call('PATCH', `/api/v1/admin/staff/${second.body.account.id}`, { active: false }), call('PATCH', `/api/v1/admin/staff/${adminId}`, { role: 'kabag' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const admins = await t.env.db('staff_users').where({ utility_id: t.env.utility.id, role: 'admin', active: true });
    expect(admins).toHaveLength(1);
    // Put the test's admin back.
    await t.env.db('staff_users').where({ id: adminId }).update({ role: 'admin', active: true });
  });

  it("is the admin's: other roles 403, an unknown id 404, and there is no delete", async () => {
    for (const who of ['dispatcher', 'crew1']) {
      const token = await loginAs(t.server.baseUrl, t.env.utility, who);
      expect((await call('GET', '/api/v1/admin/staff', undefined, token)).status).toBe(403);
      expect((await call('POST', '/api/v1/admin/staff', { username: 'x1', displayName: 'X Satu', role: 'operator' }, token)).status).toBe(403);
      expect((await call('POST', `/api/v1/admin/staff/${t.env.users.admin}/password-reset`, undefined, token)).status).toBe(403);
    }
    tokens.admin = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
    expect((await call('PATCH', '/api/v1/admin/staff/999999999', { displayName: 'Siapa' })).status).toBe(404);
    expect((await call('POST', '/api/v1/admin/staff/999999999/password-reset')).status).toBe(404);
    expect((await call('DELETE', `/api/v1/admin/staff/${id}`)).status).toBe(404);
    expect(await t.env.db('staff_users').where({ id })).toHaveLength(1);
  });
});
