/**
 * Issue 11 (low): responses with personal data are never cached. Every
 * authenticated answer (features/auth/middleware.ts `staff`), its refusals
 * included, and the login answer (it carries the session token) say
 * `Cache-Control: no-store`.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer, loginAs, TEST_PASSWORD } from '../../support/db.js';

const t = useTestServer({ crews: 1 });

const get = (path: string, token?: string) => fetch(`${t.server.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('Cache-Control: no-store', () => {
  it('on the login answer', async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD, jurisdiction_id: t.env.utility.code }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('on authenticated answers, and on their refusals (401, 403, 404)', async () => {
    const admin = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
    const crew = await loginAs(t.server.baseUrl, t.env.utility, 'crew1');
    const cases: [string, string | undefined, number][] = [
      ['/api/v1/tickets', admin, 200],
      ['/api/v1/auth/me', admin, 200],
      ['/api/v1/tickets', undefined, 401],
      ['/api/v1/settings/webhooks', crew, 403],
      ['/api/v1/tickets/999999999', admin, 404],
    ];
    for (const [path, token, status] of cases) {
      const res = await get(path, token);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('cache-control'), `${path} ${status}`).toBe('no-store');
    }
  });
});
