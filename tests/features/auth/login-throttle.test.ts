import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestServer } from '../../support/db.js';
import { throttleWith, wallClock } from '../../support/throttle.js';

// Five failures per username from one address, then 15 minutes' block; 50 per username from anywhere, then an hour.
const t = useTestServer({
  throttle: throttleWith({
    loginUserIp: { points: 5, durationSeconds: 3600, blockSeconds: 900 },
    loginUser: { points: 50, durationSeconds: 86_400, blockSeconds: 3600 },
    loginIp: { points: 100, durationSeconds: 3600, blockSeconds: 3600 },
  }),
});
const clock = wallClock();
afterAll(() => clock.restore());

// Unique per run: the counts live in the shared database.
const address = (n: number) => `198.51.${crypto.randomInt(0, 255)}.${n}`;

async function login(username: string, password: string, from: string) {
  const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ username, password, jurisdiction_id: t.env.utility.code }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

describe('login throttling', () => {
  it('cuts 250 wrong passwords off after five; the real user elsewhere still logs in; the right password works after the block', async () => {
    const attacker = address(1);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof login>> | null = null;
    for (let i = 0; i < 250; i++) {
      last = await login('dispatcher', `wrong-${i}`, attacker);
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(245);
    expect(last!.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(last!.body.error.messageId).toMatch(/Terlalu banyak permintaan/);
    expect(Number(last!.retryAfter)).toBeGreaterThan(800);
    expect(Number(last!.retryAfter)).toBeLessThanOrEqual(900);

    // Blocked from the attacker's address even with the right password ...
    expect((await login('dispatcher', TEST_PASSWORD, attacker)).status).toBe(429);
    // ... not from the user's own address, and not other usernames.
    expect((await login('dispatcher', TEST_PASSWORD, address(2))).status).toBe(200);
    expect((await login('operator', TEST_PASSWORD, attacker)).status).toBe(200);

    clock.advanceMinutes(16);
    expect((await login('dispatcher', TEST_PASSWORD, attacker)).status).toBe(200);
  });

  it('a success clears the count of its username and address', async () => {
    const from = address(3);
    for (let i = 0; i < 4; i++) expect((await login('admin', 'wrong', from)).status).toBe(401);
    expect((await login('admin', TEST_PASSWORD, from)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login('admin', 'wrong', from)).status).toBe(401);
    expect((await login('admin', 'wrong', from)).status).toBe(429);
  });

  it('a username guessed from many addresses is blocked everywhere for an hour at most, then the real user logs in', async () => {
    for (let a = 10; a < 20; a++) {
      for (let i = 0; i < 5; i++) expect((await login('crew1', 'wrong', address(a))).status).toBe(401);
    }
    // The 51st failure crosses 50: the username is blocked from anywhere, a fresh address included.
    expect((await login('crew1', 'wrong', address(30))).status).toBe(429);
    const refused = await login('crew1', TEST_PASSWORD, address(40));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600);
    clock.advanceMinutes(61);
    expect((await login('crew1', TEST_PASSWORD, address(40))).status).toBe(200);
  });

  it('an unknown username is refused like a wrong password, and counted the same', async () => {
    const from = address(50);
    const unknown = await login('nobody-here', 'whatever', from);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('UNAUTHENTICATED');
    const wrong = await login('admin', 'whatever', from);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    for (let i = 0; i < 4; i++) await login('nobody-here', 'whatever', from);
    expect((await login('nobody-here', 'whatever', from)).status).toBe(429);
  });
});
