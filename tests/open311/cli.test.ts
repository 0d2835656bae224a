import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharpPhoto, useTestServer } from '../support/db.js';
import { apiKeyHashOf } from '../../server/features/open311/service.js';
import { georeportForm, post, validFields } from './support.js';

const t = useTestServer();
const tsx = path.resolve('node_modules/.bin/tsx');

function apikey(...args: string[]) {
  const r = spawnSync(tsx, ['server/cli/apikey.ts', ...args], { encoding: 'utf8', env: { ...process.env } });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('npm run apikey (server/cli/apikey.ts)', { timeout: 60_000 }, () => {
  it('creates a key printed once (stored only as its hash), lists it, and revokes it so that it is refused', async () => {
    const code = t.env.utility.code;
    const created = apikey('create', 'Aplikasi', 'Lapor', 'Kota', '--jurisdiction', code);
    expect(created.status, created.stderr).toBe(0);
    const key = created.stdout;
    expect(key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('shown only this once');
    const row = await t.env.db('api_keys').where({ utility_id: t.env.utility.id, name: 'Aplikasi Lapor Kota' }).first();
    expect(row).toMatchObject({ key_hash: apiKeyHashOf(key), key_prefix: key.slice(0, 12), revoked: false });
    expect(JSON.stringify(row)).not.toContain(key);

    const again = apikey('create', 'Aplikasi Lapor Kota', '--jurisdiction', code);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has a key named');

    const accepted = await post(t.server.baseUrl, georeportForm(validFields(t.env, key), { bytes: await sharpPhoto() }));
    expect(accepted.status).toBe(201);

    const listed = apikey('list', '--jurisdiction', code);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`${key.slice(0, 12)}…  active   Aplikasi Lapor Kota`);
    expect(listed.stdout).toContain('last used');
    expect(listed.stdout).not.toContain(key);

    const revoked = apikey('revoke', 'Aplikasi Lapor Kota', '--jurisdiction', code);
    expect(revoked.status).toBe(0);
    expect(apikey('list', '--jurisdiction', code).stdout).toContain('REVOKED  Aplikasi Lapor Kota');
    const refused = await post(t.server.baseUrl, georeportForm(validFields(t.env, key), { bytes: await sharpPhoto() }));
    expect(refused.status).toBe(403);
    expect(refused.body[0].description).toMatch(/^API_KEY_INVALID: .*revoked/);
  });

  it('refuses unknown commands, names and utilities', () => {
    expect(apikey().status).toBe(2);
    expect(apikey('create').status).toBe(2);
    const noUtility = apikey('list', '--jurisdiction', 'atlantis');
    expect(noUtility.status).toBe(1);
    expect(noUtility.stderr).toContain('No utility atlantis');
    const noKey = apikey('revoke', 'nobody', '--jurisdiction', t.env.utility.code);
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain('No API key named "nobody"');
  });
});
