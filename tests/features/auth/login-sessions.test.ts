import { describe, expect, it } from 'vitest';
import { loginAs, useTestServer } from '../../support/db.js';
import { tick } from '../../jobs/helpers.js';

const t = useTestServer();

const sessionsOf = async () => (await t.env.db('sessions').where({ utility_id: t.env.utility.id }).orderBy('expires_at').select('expires_at')).map((s) => s.expires_at.toISOString());

describe('expired sessions', () => {
  it('are deleted by the worker; live ones stay and still work', async () => {
    const hours = t.env.ctx.config.sessionHours;
    const old = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
    t.env.clock.advanceMinutes(hours * 60 - 30);
    const fresh = await loginAs(t.server.baseUrl, t.env.utility, 'dispatcher');
    expect(await sessionsOf()).toHaveLength(2);

    await tick(t.env); // nothing expired yet
    expect(await sessionsOf()).toHaveLength(2);

    t.env.clock.advanceMinutes(60); // the first is 30 minutes past its expiry; the second has hours left
    await tick(t.env);
    const left = await sessionsOf();
    expect(left).toHaveLength(1);
    expect(new Date(left[0]).getTime()).toBeGreaterThan(t.env.clock.now().getTime());

    const me = (token: string) => fetch(`${t.server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me(old)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
  });
});
