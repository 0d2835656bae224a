/**
 * Issue 15, step 2: the server operator creates a utility and its first admin
 * (npm run utility -- create, or POST /api/v1/platform/utilities); the admin's
 * password is shown once and must be changed at the first login.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, useTestServer, insideArea, sharpPhoto } from '../../support/db.js';

const run = promisify(execFile);
const t = useTestServer({ crews: 1 });
const PLATFORM_TOKEN = crypto.randomBytes(32).toString('base64url');
let platform: { baseUrl: string; close(): Promise<void> };
const created: string[] = [];
const suffix = crypto.randomBytes(3).toString('hex');

beforeAll(async () => {
  platform = await startServer({ ...t.env.ctx, config: { ...t.env.ctx.config, platformToken: PLATFORM_TOKEN } });
});
afterAll(async () => {
  await platform?.close();
  if (created.length) await t.env.db('utilities').whereIn('code', created).delete();
});

/** The command as an operator runs it (tsx, the test database). */
async function utilityCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.resolve('node_modules/.bin/tsx'), ['server/cli/utility.ts', ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function json(baseUrl: string, method: string, url: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${baseUrl}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('npm run utility -- create', () => {
  const code = `parepare-${suffix}`;

  it('creates the utility and its admin, prints the password once; the admin must change it before anything else', async () => {
    const out = await utilityCli('create', '--name', 'PDAM Kota Parepare', '--code', code, '--time-zone', 'Asia/Makassar', '--jurisdiction', `${code}.pdam.go.id`);
    created.push(code);
    expect(out.code, out.stderr).toBe(0);
    const password = out.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(out.stderr).toContain(`Utility ${code}`);
    expect(out.stderr).not.toContain(password);

    const row = await t.env.db('utilities').where({ code }).first();
    expect(row).toMatchObject({ name: 'PDAM Kota Parepare', time_zone: 'Asia/Makassar', jurisdiction_id: `${code}.pdam.go.id`, service_area: null });
    const audit = await t.env.db('audit_log').where({ utility_id: row.id }).orderBy('id').select('action', 'actor_kind', 'actor_id');
    expect(audit).toEqual([
      { action: 'utility.create', actor_kind: 'platform', actor_id: null },
      { action: 'staff.create', actor_kind: 'platform', actor_id: null },
    ]);

    // The jurisdiction id finds it as well as the code.
    const login = await json(t.server.baseUrl, 'POST', '/api/v1/auth/login', { username: 'admin', password, jurisdiction_id: `${code}.pdam.go.id` });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: true });
    expect(login.body.utility.code).toBe(code);
    const token = login.body.token as string;
    const blocked = await json(t.server.baseUrl, 'GET', '/api/v1/settings', undefined, token);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await json(t.server.baseUrl, 'GET', '/api/v1/auth/me', undefined, token)).body.user.mustChangePassword).toBe(true);
    const changed = await json(t.server.baseUrl, 'POST', '/api/v1/auth/password', { currentPassword: password, newPassword: 'parepare-baru-2026' }, token);
    expect(changed.status).toBe(204);
    const again = await json(t.server.baseUrl, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'parepare-baru-2026', jurisdiction_id: code });
    expect(again.body.user.mustChangePassword).toBe(false);
    expect((await json(t.server.baseUrl, 'GET', '/api/v1/settings', undefined, again.body.token)).status).toBe(200);
    // The old password is gone.
    expect((await json(t.server.baseUrl, 'POST', '/api/v1/auth/login', { username: 'admin', password, jurisdiction_id: code })).status).toBe(401);
  }, 60_000);

  it('a utility without a service area yet: the map shows Indonesia, and every report is outside the area', async () => {
    const config = await json(t.server.baseUrl, 'GET', `/api/v1/config?jurisdiction_id=${code}`);
    expect(config.status).toBe(200);
    expect(config.body.map.bbox).toEqual([95, -11, 141, 6]);
    const form = new FormData();
    form.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'p.jpg');
    for (const [k, v] of Object.entries({ jurisdiction_id: code, lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-7300-0001' })) form.set(k, v);
    const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body: form });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('OUTSIDE_SERVICE_AREA');
  });

  it('refuses bad input naming the option, and a code or jurisdiction already used, writing nothing', async () => {
    const badZone = await utilityCli('create', '--name', 'PDAM Uji', '--code', 'Kota Uji!', '--time-zone', 'Mars/Olympus');
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toContain('--time-zone: an IANA time zone');
    expect(badZone.stderr).toContain('--code: 2-40 lower-case letters');
    const taken = await utilityCli('create', '--name', 'PDAM Lain', '--code', code, '--jurisdiction', `${code}.pdam.go.id`);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`--code: ${code} is already used by another utility\n--jurisdiction: ${code}.pdam.go.id is already used by another utility`);
    const missing = await utilityCli('create', '--code', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('create needs --name and --code');
    // Other test files make utilities at the same time: look for these by name.
    expect(await t.env.db('utilities').whereIn('name', ['PDAM Uji', 'PDAM Lain']).first()).toBeUndefined();
  }, 60_000);

  it('lists the utilities', async () => {
    const out = await utilityCli('list');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`${code}\\s+Asia/Makassar\\s+no area\\s+1 staff  PDAM Kota Parepare  \\(jurisdiction ${code}.pdam.go.id\\)`));
  }, 30_000);
});

describe('POST /api/v1/platform/utilities', () => {
  it('does not exist unless PLATFORM_TOKEN is set', async () => {
    const res = await json(t.server.baseUrl, 'POST', '/api/v1/platform/utilities', { code: `x-${suffix}`, name: 'PDAM X' }, PLATFORM_TOKEN);
    expect(res.status).toBe(404);
  });

  it("takes the operator's token only (not a staff session, not a wrong token)", async () => {
    const body = { code: `bpp-${suffix}`, name: 'PDAM Tirta Manuntung Balikpapan', timeZone: 'Asia/Makassar' };
    expect((await json(platform.baseUrl, 'POST', '/api/v1/platform/utilities', body)).status).toBe(401);
    expect((await json(platform.baseUrl, 'POST', '/api/v1/platform/utilities', body, 'x'.repeat(40))).status).toBe(401);
    const staffLogin = await json(platform.baseUrl, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'rahasia-uji', jurisdiction_id: t.env.utility.code });
    expect((await json(platform.baseUrl, 'POST', '/api/v1/platform/utilities', body, staffLogin.body.token)).status).toBe(401);
    expect(await t.env.db('utilities').where({ code: body.code }).first()).toBeUndefined();
  });

  it('creates a utility and its admin (password in the answer only), and validates each field', async () => {
    const code = `bpp-${suffix}`;
    const res = await json(platform.baseUrl, 'POST', '/api/v1/platform/utilities', { code, name: 'PDAM Tirta Manuntung Balikpapan', timeZone: 'Asia/Makassar', adminUsername: 'kepala' }, PLATFORM_TOKEN);
    created.push(code);
    expect(res.status).toBe(201);
    expect(res.body.utility).toMatchObject({ code, timeZone: 'Asia/Makassar', jurisdictionId: code });
    expect(res.body.admin.username).toBe('kepala');
    const login = await json(platform.baseUrl, 'POST', '/api/v1/auth/login', { username: 'kepala', password: res.body.admin.password, jurisdiction_id: code });
    expect(login.body.user.mustChangePassword).toBe(true);
    const stored = await t.env.db('staff_users').where({ username: 'kepala' }).join('utilities', 'utilities.id', 'staff_users.utility_id').where('utilities.code', code).first('password_hash');
    expect(stored.password_hash).not.toContain(res.body.admin.password);

    const bad = await json(platform.baseUrl, 'POST', '/api/v1/platform/utilities', { code: 'B', name: 'X', timeZone: 'WITA' }, PLATFORM_TOKEN);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['code', 'name', 'timeZone']);
    const list = await json(platform.baseUrl, 'GET', '/api/v1/platform/utilities', undefined, PLATFORM_TOKEN);
    expect(list.body.items.find((u: { code: string }) => u.code === code)).toMatchObject({ hasServiceArea: false, staff: 1 });
  });
});
